// Vite config for Storybook only. Decorator settings come from tsconfig.json
// (experimentalDecorators, useDefineForClassFields: false), which Vite reads for .ts files.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
