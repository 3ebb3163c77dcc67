// ESM library build: `dist/index.js` plus one entry per element (`dist/elements/<name>.js`).
// Entries are found on disk (every `src/elements/<name>/define.ts`), so new elements need no config.
//
// lit and @lit/context are bundled, not externalised: the ESM files then work as they are from any
// static host with `<script type="module">`, and code shared by several entries (lit, the client,
// the backends) lands in shared chunks under `dist/chunks/`, so loading two entries loads lit once.
// Bundlers that want to de-duplicate lit with the host app can import from `src/` instead.
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
