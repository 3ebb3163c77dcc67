/**
 * Where /metrics spends its time: every query it makes, timed on its own with EXPLAIN ANALYZE, and the
 * whole call. `BENCH_*` sizes as in server-bench.ts; DATABASE_URL for PostgreSQL, else PGlite.
 *   cd server && scripts/with-postgres.sh node --import tsx bench/metrics-profile.ts
 */
import { createActivity } from '../src/domain/activity.js';
import type { Domain } from '../src/domain/context.js';
import { openDatabase, type Queryable, type SqlValue } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { seedBench } from './bench-data.js';

const now = new Date('2026-07-01T00:00:00Z');
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
await migrate(db, undefined, '003');
await seedBench(db, {
  people: Number(process.env.BENCH_PEOPLE ?? 50_000),
  events: Number(process.env.BENCH_EVENTS ?? 1_000_000),
  kudos: Number(process.env.BENCH_KUDOS ?? 200_000),
  now,
});
await migrate(db);
if (process.env.DATABASE_URL) await db.query('ANALYZE');

const activity = createActivity({ db, now: () => now } as Domain);
const user = { id: 'p50', isCommunityManager: true, isManagement: true };
const month = process.env.BENCH_MONTH ?? '2026-05';

const seen: { sql: string; params?: readonly SqlValue[] }[] = [];
const recording: Queryable = {
  query: (sql, params) => {
    seen.push({ sql, params });
    return db.query(sql, params);
  },
};
await activity.metrics(recording, month, user);
for (let round = 0; round < 5; round++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await activity.metrics(db, month, user);
  const used = process.cpuUsage(cpu);
  console.log(
    `whole call ${(performance.now() - started).toFixed(0)} ms, this process ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
  );
}
for (const { sql, params } of seen) {
  const started = performance.now();
  const rows = await db.query(sql, params);
  const ms = performance.now() - started;
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, params);
  console.log(
    `\n── ${ms.toFixed(0)} ms, ${rows.length} rows, ${JSON.stringify(rows).length} bytes\n${sql.trim().slice(0, 160)}`,
  );
  if (process.env.PROFILE_PLANS) for (const line of plan) console.log(line['QUERY PLAN']);
  else console.log(plan.at(-1)?.['QUERY PLAN']);
}
await db.close();
