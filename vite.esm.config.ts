// The ESM build for bundlers and Node (`dist/esm/`, what `import 'kring'` resolves to): one file per
// source module (`preserveModules`), lit and the @lit packages left as imports so the host app's
// bundler shares one copy with its own code, and Node resolves lit's server build (no DOM needed).
//
// One file per module is the fix for elements that vanished from production bundles: every
// `customElements.define` call stays in the file it was written in (`elements/<name>/define.js`,
// `index.js`), and `sideEffects` in package.json names exactly those files by that naming rule.
// A bundled build hoists the calls into hashed shared chunks that no `sideEffects` pattern can name.
// The self-contained files for a static host (`dist/kring.iife.js`, `dist/core.js`, ...) come from
// vite.config.ts and vite.iife.config.ts.
import { defineConfig } from 'vite';
import { bundlerEntries } from './scripts/lib/entries.mjs';
import { minifyTemplates } from './scripts/lib/minify-templates.mjs';
import { sharedBuildOptions } from './scripts/lib/vite-shared.mjs';
import packageJson from './package.json' with { type: 'json' };

const shared = [
  ...Object.keys(packageJson.dependencies ?? {}),
  ...Object.keys(packageJson.peerDependencies ?? {}),
];
const isShared = (id: string) => shared.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  ...sharedBuildOptions,
  // Consumers' bundlers minify JavaScript but leave template text as written: lit's templates are
  // minified here (scripts/lib/minify-templates.mjs), as in the script-tag build.
  plugins: [minifyTemplates()],
  build: {
    ...sharedBuildOptions.build,
    outDir: 'dist/esm',
    emptyOutDir: true,
    // Readable output: the consumer's bundler minifies, and stack traces point at real code.
    minify: false,
    sourcemap: false,
    lib: {
      entry: bundlerEntries(),
      formats: ['es'],
    },
    rollupOptions: {
      external: isShared,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
