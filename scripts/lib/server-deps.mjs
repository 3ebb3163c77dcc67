// Kring Server (server/) has its own package and lock file; its dependencies are installed into
// server/node_modules on first use (by `npm start` and `npm test`), so the root install stays as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './entries.mjs';

export const serverRoot = join(projectRoot, 'server');

/** Runs `npm ci` in server/ when its node_modules is missing or older than its lock file. */
export function ensureServerDependencies() {
  const marker = join(serverRoot, 'node_modules', '.package-lock.json');
  const lock = join(serverRoot, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return false;
  console.log('Installing Kring Server dependencies (server/)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: serverRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in server/ failed (see above)');
  return true;
}
