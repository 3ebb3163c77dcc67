/**
 * Retention of raw activity: events older than the configured number of days (counted back from the
 * start of today, UTC) are rolled into `activity_daily` (one row per day, person, type and search term,
 * with the count and the first and last time) and deleted, in one transaction. The published metrics
 * read the monthly roll-ups (migration 003) and, for invitees' 30-day windows, both the raw and the
 * daily rows, and come out the same (server/test/privacy.test.ts).
 * Subjects other than search terms (which the metrics count) are not kept.
 */
import type { Db } from '../store/db.js';
import { audit } from '../ops/audit.js';
import { DAY_MS } from '../../../src/time.js';

export function retentionCutoff(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - days * DAY_MS);
}

/** Rolls up and deletes raw events before `cutoff`; returns how many raw events were rolled up. */
export async function rollUpActivity(db: Db, cutoff: Date, actor = 'retention'): Promise<number> {
  return db.transaction(async (tx) => {
    const [{ moved }] = await tx.query<{ moved: number }>(
      `WITH moved AS (DELETE FROM activity WHERE at < $1 RETURNING type, actor_id, at, subject),
            rolled AS (
              INSERT INTO activity_daily (day, actor_id, type, subject, events, first_at, last_at)
              SELECT (at AT TIME ZONE 'UTC')::date, actor_id, type,
                     CASE WHEN type = 'search' THEN coalesce(subject, '') ELSE '' END, count(*), min(at), max(at)
                FROM moved GROUP BY 1, 2, 3, 4
              ON CONFLICT (day, actor_id, type, subject) DO UPDATE SET
                events = activity_daily.events + EXCLUDED.events,
                first_at = least(activity_daily.first_at, EXCLUDED.first_at),
                last_at = greatest(activity_daily.last_at, EXCLUDED.last_at)
              RETURNING 1)
       SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM rolled)::int AS days`,
      [cutoff],
    );
    if (moved)
      await audit(tx, actor, 'activity.roll-up', undefined, { before: cutoff.toISOString(), events: moved });
    return moved;
  });
}

/** Runs the roll-up now and then daily (with `days` > 0). Returns a stop function. */
export function scheduleRetention(
  db: Db,
  days: number,
  log: { warn(object: unknown, message?: string): void },
  now: () => Date = () => new Date(),
): () => void {
  if (!(days > 0)) return () => undefined;
  const run = () =>
    rollUpActivity(db, retentionCutoff(now(), days)).catch((error) =>
      log.warn({ err: error }, 'activity retention failed'),
    );
  void run();
  const timer = setInterval(run, 6 * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
