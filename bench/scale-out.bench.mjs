// Kring Server under load, one instance against two on one PostgreSQL (server/bench/load.mjs): 200
// concurrent users browsing feeds and cards and sending kudos, loopback only, for a bounded time;
// requests per second and p95 per operation. Skipped when PostgreSQL is not installed.
// BENCH_USERS, BENCH_SECONDS and BENCH_PEOPLE change the size.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureServerDependencies, serverRoot } from '../scripts/lib/server-deps.mjs';

export default async function run({ log }) {
  ensureServerDependencies();
  log('one instance, then two…');
  const result = spawnSync(
    join(serverRoot, 'scripts', 'with-postgres.sh'),
    [process.execPath, join('bench', 'load.mjs')],
    { cwd: serverRoot, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = (result.stdout ?? '').split('\n').find((text) => text.startsWith('BENCH_ROWS '));
  if (!line) {
    if (result.status === 3) return [];
    log((result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' '));
    throw new Error(`the load bench failed (exit ${result.status})`);
  }
  return JSON.parse(line.slice('BENCH_ROWS '.length));
}
