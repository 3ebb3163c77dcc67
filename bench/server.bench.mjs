// Kring Server at 50,000 people and 1,000,000 activity events: p50/p95 of /people/lookup (100 ids), the
// /kudos first page, a kudos write, and /metrics for a month, on PGlite and on PostgreSQL (a throwaway
// Debian cluster, server/scripts/with-postgres.sh; skipped when PostgreSQL is not installed).
// BENCH_PEOPLE, BENCH_EVENTS and BENCH_KUDOS change the size.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureServerDependencies, serverRoot } from '../scripts/lib/server-deps.mjs';

function runBench(prefix, log) {
  const command = [...prefix, process.execPath, '--import', 'tsx', join('bench', 'server-bench.ts')];
  const result = spawnSync(command[0], command.slice(1), {
    cwd: serverRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = (result.stdout ?? '').split('\n').find((text) => text.startsWith('BENCH_ROWS '));
  if (!line) {
    if (result.status === 3) return [];
    log((result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' '));
    throw new Error(`the server bench failed (exit ${result.status})`);
  }
  return JSON.parse(line.slice('BENCH_ROWS '.length));
}

export default async function run({ log }) {
  ensureServerDependencies();
  log('PGlite…');
  const rows = runBench([], log);
  log('PostgreSQL…');
  rows.push(...runBench([join(serverRoot, 'scripts', 'with-postgres.sh')], log));
  return rows;
}
