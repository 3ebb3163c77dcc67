// The demo page's server imitations (`demo/mock-servers.ts`): built by `npm start` into
// `.demo-build/`, never part of the library.
import { defineConfig } from 'vite';
import { sharedBuildOptions } from './scripts/lib/vite-shared.mjs';

export default defineConfig({
  ...sharedBuildOptions,
  build: {
    ...sharedBuildOptions.build,
    outDir: '.demo-build',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: { 'mock-servers': 'demo/mock-servers.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      preserveEntrySignatures: 'strict',
    },
  },
});
