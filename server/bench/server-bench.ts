/**
 * Server figures for `npm run bench`: p50/p95 of /people/lookup (100 ids), the /kudos first page and a
 * kudos write, and /metrics for a month, at 50,000 people and 1,000,000 activity events, on the
 * database of DATABASE_URL (PostgreSQL) or PGlite. Prints one JSON line of rows. Requests go through
 * the whole Fastify pipeline (`inject`), without a network.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { InjectOptions } from 'fastify';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { openDatabase } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { seedBench } from './bench-data.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const KUDOS = Number(process.env.BENCH_KUDOS ?? 200_000);
const label = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const now = new Date('2026-07-01T00:00:00Z');

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
// Seeded as an upgrade finds it: the base tables first, then migration 003 backfills the metrics roll-ups.
await migrate(db, undefined, '003');
const seedStarted = Date.now();
await seedBench(db, { people: PEOPLE, events: EVENTS, kudos: KUDOS, now });
const seedSeconds = (Date.now() - seedStarted) / 1000;
const backfillStarted = Date.now();
await migrate(db);
const backfillSeconds = (Date.now() - backfillStarted) / 1000;
if (process.env.DATABASE_URL) await db.query('ANALYZE');

const config = readConfig({}, ['--dev']);
const app = await buildApp({
  db,
  auth: { ...config.auth, dev: { defaultUserId: 'p1' } },
  domain: { ...config.domain, kudosDailyLimit: 1000 },
  prefix: '/api/kring',
  corsOrigins: [],
  rateLimitPerMinute: 1_000_000,
  bodyLimit: 1_000_000,
  now: () => now,
});

/**
 * CPU time (this process plus the PostgreSQL backends serving it, from /proc) so a figure taken on a
 * machine shared with other work can be told apart from the machine's load: wall time ≥ CPU time / cores.
 */
async function cpuMs(): Promise<number> {
  const own = process.cpuUsage();
  let total = (own.user + own.system) / 1000;
  if (process.env.DATABASE_URL && process.platform === 'linux') {
    const pids = await db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()',
    );
    for (const { pid } of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 ticks/s
      } catch {
        // A backend that has gone.
      }
    }
  }
  return total;
}

const cpuTimes: number[] = [];

async function measure(count: number, request: (i: number) => InjectOptions) {
  const times: number[] = [];
  cpuTimes.length = 0;
  for (let i = 0; i < count; i++) {
    const cpuBefore = await cpuMs();
    const started = performance.now();
    const response = await app.inject(request(i));
    times.push(performance.now() - started);
    cpuTimes.push((await cpuMs()) - cpuBefore);
    if (response.statusCode >= 400) throw new Error(`${response.statusCode} ${response.body.slice(0, 200)}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

const rows: { name: string; value: string; unit: string; note?: string }[] = [];
const add = (name: string, figures: { p50: number; p95: number }, note: string) =>
  rows.push({
    name: `${label}: ${name}`,
    value: `${figures.p50.toFixed(1)} / ${figures.p95.toFixed(1)}`,
    unit: 'ms p50/p95',
    note,
  });

add(
  '/people/lookup 100 ids',
  await measure(40, (i) => ({
    method: 'POST',
    url: '/api/kring/people/lookup',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({
      ids: Array.from({ length: 100 }, (_, j) => `p${1 + (((i * 100 + j) * 37) % PEOPLE)}`),
    }),
  })),
  `${PEOPLE.toLocaleString('en')} people, 4 skills each`,
);
add(
  '/kudos first page',
  await measure(40, () => ({ method: 'GET', url: '/api/kring/kudos?limit=20' })),
  `${KUDOS.toLocaleString('en')} kudos`,
);
add(
  'kudos write',
  await measure(40, (i) => ({
    method: 'POST',
    url: '/api/kring/kudos',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      'x-kring-dev-user': `p${10 + i}`,
    },
    payload: JSON.stringify({ to: [`p${1000 + i}`], message: 'Thank you!' }),
  })),
  'rules, row lock, idempotency record',
);
add(
  '/metrics for a month',
  // p50 is in management (every 50th person), who may read the figures.
  await measure(5, () => ({
    method: 'GET',
    url: '/api/kring/metrics?month=2026-05',
    headers: { 'x-kring-dev-user': 'p50' },
  })),
  `${EVENTS.toLocaleString('en')} events over 6 months`,
);
cpuTimes.sort((a, b) => a - b);
rows.push({
  name: `${label}: /metrics CPU time`,
  value: cpuTimes[Math.floor(cpuTimes.length / 2)].toFixed(0),
  unit: 'ms median',
  note: `server process${process.env.DATABASE_URL ? ' plus PostgreSQL backends' : ' (PGlite runs inside it)'}; load average ${loadavg()[0].toFixed(1)}`,
});
rows.push({
  name: `${label}: seeding`,
  value: seedSeconds.toFixed(1),
  unit: 's',
  note: 'generate_series in the database',
});
rows.push({
  name: `${label}: metrics roll-up backfill`,
  value: backfillSeconds.toFixed(1),
  unit: 's',
  note: 'migration 003 over the seeded events and kudos',
});
await app.close();
await db.close();
console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
