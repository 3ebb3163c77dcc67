// The script-tag bundle: `dist/kring.iife.js` exposes `window.Kring`, defines the core elements and
// loads the others (and the backend adapters) on first use from the ESM files beside it. It carries
// dist/preload-manifest.json (written by the vite.config.ts build, which runs first) to preload them.
import { defineConfig } from 'vite';
import { inlinePreloadManifest } from './scripts/lib/preload-manifest.mjs';
import { secondMinify } from './scripts/lib/second-minify.mjs';
import { sharedBuildOptions } from './scripts/lib/vite-shared.mjs';

export default defineConfig({
  ...sharedBuildOptions,
  plugins: [inlinePreloadManifest('dist'), secondMinify({ module: false })],
  build: {
    ...sharedBuildOptions.build,
    outDir: 'dist',
    // Runs after the ESM build into the same folder.
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: 'src/iife.ts',
      name: 'Kring',
      formats: ['iife'],
      fileName: () => 'kring.iife.js',
    },
  },
});
