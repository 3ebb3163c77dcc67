import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './entries.mjs';
import { isStale } from './freshness.mjs';

/**
 * Builds the bundles (script-tag ESM and IIFE, and the bundlers' `dist/esm/`, which the first build's
 * emptied `dist/` loses; not the type declarations, which pages do not need) when
 * dist/kring.iife.js is missing or older than src/ or the build config. Returns true if it built.
 */
export function buildIfNeeded() {
  const bundle = join(projectRoot, 'dist', 'kring.iife.js');
  const inputs = ['src', 'package.json', 'vite.config.ts', 'vite.iife.config.ts', 'vite.esm.config.ts'].map(
    (p) => join(projectRoot, p),
  );
  if (!isStale(bundle, inputs)) return false;
  console.log('dist/ is missing or older than src/: building…');
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  for (const args of [
    ['build'],
    ['build', '--config', 'vite.iife.config.ts'],
    ['build', '--config', 'vite.esm.config.ts'],
  ]) {
    const result = spawnSync(vite, [...args, '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the build failed (see above)');
  }
  return true;
}

/**
 * Builds the demo page's server imitations (`demo/mock-servers.ts` → `.demo-build/`) when missing
 * or older than their sources. Returns true if it built.
 */
export function buildDemoMocksIfNeeded() {
  const output = join(projectRoot, '.demo-build', 'mock-servers.js');
  const inputs = ['demo', 'mocks', 'src', 'package.json', 'vite.demo.config.ts'].map((p) =>
    join(projectRoot, p),
  );
  if (!isStale(output, inputs)) return false;
  console.log('building the demo server imitations…');
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'vite.demo.config.ts', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the demo build failed (see above)');
  return true;
}
