#!/usr/bin/env node
// In this repository: the TypeScript sources through tsx, so the server and the browser share src/ unbuilt.
// Installed from the package (no src/): the bundle made by `npm run build` (scripts/build.mjs).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli.mjs', import.meta.url).href);
}
