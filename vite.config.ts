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
//
// The load graph is kept flat (issue 18): the core and all it imports statically are one file (`core.js`),
// and `dist/preload-manifest.json` lists, per entry, every file it needs, so the script-tag loader asks
// for them all at once (`<link rel="modulepreload">`) instead of one import level per round trip.
import { defineConfig } from 'vite';
import { join } from 'node:path';
import { libraryEntries, projectRoot } from './scripts/lib/entries.mjs';
import { chunkGroups, preloadManifest } from './scripts/lib/preload-manifest.mjs';
import { minifyTemplates } from './scripts/lib/minify-templates.mjs';
import { secondMinify } from './scripts/lib/second-minify.mjs';
import { sharedBuildOptions } from './scripts/lib/vite-shared.mjs';

const entries = libraryEntries();
const entriesUnder = (folder: string) =>
  Object.fromEntries(
    Object.entries(entries)
      .filter(([name]) => name.startsWith(`${folder}/`))
      .map(([name, file]) => [name.slice(folder.length + 1), file]),
  );

export default defineConfig({
  ...sharedBuildOptions,
  plugins: [minifyTemplates(), preloadManifest(), secondMinify()],
  build: {
    ...sharedBuildOptions.build,
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rollupOptions: {
      // Needed by the adapter chunk groups (see scripts/lib/preload-manifest.mjs); an entry may export
      // more than its source does, which no page notices.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Shared chunks are named by their hash alone: the loader carries every file name of the build
        // (preload-manifest.json), and module names in them were 0.35 KB gzip on every page. Entries keep
        // their names (`elements/<name>.js`, `backends/<name>.js`); the source maps name the modules.
        // Six base-36 characters (2·10⁹ values) are plenty for some sixty chunks and save 0.08 KB more.
        chunkFileNames: 'chunks/[hash:6].js',
        hashCharacters: 'base36',
        codeSplitting: chunkGroups({
          core: entries.core,
          api: join(projectRoot, 'src', 'api.ts'),
          backends: entriesUnder('backends'),
          elements: entriesUnder('elements'),
        }),
        // Vite keeps whitespace in library ES output; these files are also served to browsers as they
        // are (the script-tag loader imports them), so minify fully.
        minify: { codegen: true },
        // No bundler reads these files again, so `/* @__PURE__ */` and other kept comments are bytes
        // for nothing (0.1 KB gzip on a page of cards); bundlers get `dist/esm/`, which keeps them.
        comments: false,
      },
    },
  },
});
