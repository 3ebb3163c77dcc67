#!/usr/bin/env node
// `npm run build` (and `npm pack`): bundles the server and the pure modules it shares with the browser
// (../src: metrics, search, kudos, invites, ambassadors, the demo generator) into dist/cli.mjs with
// esbuild, and copies the contract (../docs/api/openapi.yaml) next to it, so the package runs outside
// this repository with its npm dependencies only. The migrations ship as they are (package.json "files").
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(serverRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(serverRoot, 'src', 'cli.ts')],
  outfile: join(dist, 'cli.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages stay imports (they are the package's dependencies); relative imports, ../src included, are bundled.
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(serverRoot, '..', 'docs', 'api', 'openapi.yaml'), join(dist, 'openapi.yaml'));
console.log('kring-server: built dist/cli.mjs and dist/openapi.yaml');
