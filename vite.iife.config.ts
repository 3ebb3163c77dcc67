// The script-tag bundle: `dist/kring.iife.js` registers every element and exposes `window.Kring`.
// Everything (lit included) is inlined and minified into that one file.
import { defineConfig } from 'vite';
import { sharedBuildOptions } from './scripts/lib/vite-shared.mjs';

export default defineConfig({
  ...sharedBuildOptions,
  build: {
    ...sharedBuildOptions.build,
    outDir: 'dist',
    // Runs after the ESM build into the same folder.
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: 'src/index.ts',
      name: 'Kring',
      formats: ['iife'],
      fileName: () => 'kring.iife.js',
    },
  },
});
