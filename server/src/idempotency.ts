/**
 * Idempotency keys per user, kept 24 hours. The whole write runs in one transaction that first takes
 * an advisory lock on (user, key): a concurrent duplicate waits for the first to commit, then finds
 * its stored result and returns it. The same key with a different request is refused with 422.
 */
import { createHash } from 'node:crypto';
import { ApiError } from './errors.js';
import type { Db, Queryable } from './store/db.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface StoredResult {
  status: number;
  body: unknown;
}

/** A stable fingerprint of what was asked: method, path and body with sorted object keys. */
export function requestHash(method: string, path: string, body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify([method, path, canonical(body ?? null)]))
    .digest('hex');
}

export async function idempotent(
  db: Db,
  userId: string,
  key: string,
  hash: string,
  work: (tx: Queryable) => Promise<StoredResult>,
): Promise<StoredResult & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [JSON.stringify([userId, key])]);
    const [row] = await tx.query<{ request_hash: string; status: number; body: unknown; created_at: Date }>(
      'SELECT request_hash, status, body, created_at FROM idempotency WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    if (row && Date.now() - row.created_at.getTime() < IDEMPOTENCY_TTL_MS) {
      if (row.request_hash !== hash) {
        throw new ApiError(
          422,
          'idempotency.key-reused',
          'This Idempotency-Key was already used for a different request.',
        );
      }
      return { status: row.status, body: row.body, replayed: true };
    }
    const result = await work(tx);
    await tx.query(
      `INSERT INTO idempotency (user_id, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,
         body = EXCLUDED.body, created_at = EXCLUDED.created_at`,
      [userId, key, hash, result.status, result.body === undefined ? null : JSON.stringify(result.body)],
    );
    return { ...result, replayed: false };
  });
}

/** Forgets keys older than 24 hours (run now and then; cheap with the created_at index). */
export async function pruneIdempotency(db: Db): Promise<void> {
  await db.query('DELETE FROM idempotency WHERE created_at < $1', [
    new Date(Date.now() - IDEMPOTENCY_TTL_MS),
  ]);
}
