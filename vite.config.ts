// The script-tag build, for a static host (no bundler): `dist/index.js` (every element, for
// `<script type="module">`), `dist/core.js` (what the script-tag loader imports), one entry per element
// (`dist/elements/<name>.js`, loaded on first use) and per backend adapter (`dist/backends/<name>.js`).
// Entries are found on disk (every `src/elements/<name>/define.ts`), so a new element needs no config.
//
// lit and @lit/context are bundled, not externalised: the files work as they are from any static
// host, and code shared by several entries (lit, the client) lands in shared chunks under
// `dist/chunks/`, so the loader, the core and every lazily loaded element share one lit (one
// Trusted Types policy). Bundlers and Node get `dist/esm/` instead (vite.esm.config.ts), where lit
// is the app's own; see docs/configuration.md#packaging.
import { defineConfig } from 'vite';
import { libraryEntries } from './scripts/lib/entries.mjs';
import { sharedBuildOptions } from './scripts/lib/vite-shared.mjs';

export default defineConfig({
  ...sharedBuildOptions,
  build: {
    ...sharedBuildOptions.build,
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: libraryEntries(),
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rollupOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Vite keeps whitespace in library ES output; these files are also served to browsers as they
        // are (the script-tag loader imports them), so minify fully. Pure annotations are kept.
        minify: { codegen: true },
      },
    },
  },
});
