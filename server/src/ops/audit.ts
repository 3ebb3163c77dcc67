/**
 * The audit log of manager and operator actions (badge awards and revokes, imports, SCIM changes,
 * exports and erasures): append-only rows in `audit_log`, read by `kring-server audit`.
 * Details never hold tokens; they name people by id.
 */
import type { Queryable } from '../store/db.js';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject?: string;
  details: Record<string, unknown>;
}

export async function audit(
  tx: Queryable,
  actor: string,
  action: string,
  subject?: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4)', [
    actor,
    action,
    subject ?? null,
    JSON.stringify(details),
  ]);
}

export async function readAudit(
  tx: Queryable,
  options: { since?: Date; action?: string; subject?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const rows = await tx.query<{
    seq: number;
    at: Date;
    actor: string;
    action: string;
    subject: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT seq, at, actor, action, subject, details FROM audit_log
      WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::text IS NULL OR action = $2)
        AND ($3::text IS NULL OR subject = $3)
      ORDER BY seq DESC LIMIT $4`,
    [options.since ?? null, options.action ?? null, options.subject ?? null, options.limit ?? 100],
  );
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    ...(row.subject === null ? {} : { subject: row.subject }),
    details: row.details,
  }));
}
