/**
 * Privacy requests (GDPR articles 15 and 17): `kring-server export-person <id>` writes everything
 * Kring holds about one person as JSON; `kring-server erase-person <id>` removes their personal data
 * and keeps the aggregates. Both are written to the audit log.
 *
 * Erasure replaces the person by an anonymous "Former colleague" with a new random id: their
 * profile, skills, e-mail, sign-in names, evidence, group memberships and idempotency records go;
 * what they did for others stays under the anonymous id (kudos they gave, with the message, so the
 * receivers keep them; reactions; endorsements they gave; invitations they sent, without their
 * message; activity events), and so do department, membership and join date, which the published
 * metrics count. The metrics of every month are therefore the same before and after.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../ops/audit.js';
import type { Db, Queryable } from '../store/db.js';

export const ERASED_NAME = 'Former colleague';

async function rows(tx: Queryable, sql: string, params: unknown[]) {
  return tx.query<Record<string, unknown>>(sql, params as string[]);
}

export async function exportPerson(db: Db, id: string, actor: string): Promise<Record<string, unknown>> {
  return db.transaction(async (tx) => {
    const [person] = await rows(tx, 'SELECT * FROM people WHERE id = $1', [id]);
    if (!person) throw new Error(`There is no person "${id}".`);
    const email = typeof person.email === 'string' ? person.email.toLowerCase() : '';
    const result: Record<string, unknown> = {
      exportedAt: new Date().toISOString(),
      person,
      skills: await rows(tx, 'SELECT name, level, tags FROM skills WHERE person_id = $1 ORDER BY position', [
        id,
      ]),
      endorsementsReceived: await rows(
        tx,
        'SELECT skill, endorser_id, at FROM endorsements WHERE person_id = $1 ORDER BY at',
        [id],
      ),
      endorsementsGiven: await rows(
        tx,
        'SELECT person_id, skill, at FROM endorsements WHERE endorser_id = $1 ORDER BY at',
        [id],
      ),
      kudosGiven: await rows(
        tx,
        `SELECT k.id, k.value, k.message, k.created_at,
                (SELECT array_agg(r.person_id ORDER BY r.position) FROM kudos_receivers r WHERE r.kudos_seq = k.seq) AS receivers
           FROM kudos k WHERE k.from_id = $1 ORDER BY k.seq`,
        [id],
      ),
      kudosReceived: await rows(
        tx,
        `SELECT k.id, k.from_id, k.value, k.message, k.created_at FROM kudos k
           JOIN kudos_receivers r ON r.kudos_seq = k.seq WHERE r.person_id = $1 ORDER BY k.seq`,
        [id],
      ),
      reactions: await rows(
        tx,
        `SELECT k.id AS kudos_id, x.type, x.at FROM reactions x JOIN kudos k ON k.seq = x.kudos_seq
          WHERE x.person_id = $1 ORDER BY x.at`,
        [id],
      ),
      invitesSent: await rows(
        tx,
        `SELECT id, email, invitee_id, message, status, created_at, expires_at, responded_at, via_link, delivery_status
           FROM invites WHERE inviter_id = $1 ORDER BY created_at`,
        [id],
      ),
      invitesReceived: await rows(
        tx,
        `SELECT id, inviter_id, message, status, created_at, expires_at, responded_at, via_link
           FROM invites WHERE invitee_id = $1 OR ($2 <> '' AND email = $2) ORDER BY created_at`,
        [id, email],
      ),
      inviteLinks: await rows(
        tx,
        'SELECT created_at, expires_at, revoked_at FROM invite_links WHERE inviter_id = $1 ORDER BY created_at',
        [id],
      ),
      ambassadorRoles: await rows(tx, 'SELECT roles, chosen_at FROM ambassador_roles WHERE person_id = $1', [
        id,
      ]),
      evidence: await rows(
        tx,
        'SELECT role, url, description, recorded_at, recorded_by FROM evidence WHERE person_id = $1 ORDER BY seq',
        [id],
      ),
      badges: await rows(tx, 'SELECT * FROM badges WHERE person_id = $1 ORDER BY awarded_at', [id]),
      activity: await rows(tx, 'SELECT type, at, subject FROM activity WHERE actor_id = $1 ORDER BY seq', [
        id,
      ]),
      activityDaily: await rows(
        tx,
        "SELECT day, type, NULLIF(subject, '') AS subject, events FROM activity_daily WHERE actor_id = $1 ORDER BY day, type",
        [id],
      ),
      activityMonths: await rows(
        tx,
        'SELECT month, level, days FROM activity_months WHERE actor_id = $1 ORDER BY month',
        [id],
      ),
      searchMonths: await rows(
        tx,
        'SELECT month, term, searches FROM search_months WHERE actor_id = $1 ORDER BY month, term',
        [id],
      ),
      groups: await rows(
        tx,
        `SELECT g.id, g.display_name FROM scim_groups g JOIN scim_group_members m ON m.group_id = g.id
          WHERE m.person_id = $1 ORDER BY g.display_name`,
        [id],
      ),
      auditEntries: await rows(
        tx,
        'SELECT at, actor, action, subject, details FROM audit_log WHERE subject = $1 OR actor = $1 ORDER BY seq',
        [id],
      ),
    };
    await audit(tx, actor, 'person.export', id);
    return result;
  });
}

export interface EraseResult {
  /** The anonymous id that now stands for the person in aggregates. */
  anonymousId: string;
}

export async function erasePerson(db: Db, id: string, actor: string): Promise<EraseResult> {
  const anonymousId = `erased-${randomUUID()}`;
  await db.transaction(async (tx) => {
    const [person] = await tx.query<{ id: string; email: string | null }>(
      'SELECT id, email FROM people WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!person) throw new Error(`There is no person "${id}".`);
    const email = person.email?.toLowerCase() ?? null;
    const now = new Date();
    // The anonymous stand-in keeps what the aggregates count, nothing that identifies.
    await tx.query(
      `INSERT INTO people (id, name, department, is_management, is_member, joined_at, invited_by, deactivated_at, updated_at)
       SELECT $2, $3, department, is_management, is_member, joined_at, invited_by, $4, $4 FROM people WHERE id = $1`,
      [id, anonymousId, ERASED_NAME, now],
    );
    // Invitations to them, matched by address only, are tied to the stand-in before the address goes.
    if (email) {
      await tx.query(`UPDATE invites SET invitee_id = $2 WHERE invitee_id IS NULL AND email = $1`, [
        email,
        anonymousId,
      ]);
      await tx.query(`UPDATE invites SET email = $2 WHERE email = $1`, [
        email,
        `${anonymousId}@erased.invalid`,
      ]);
    }
    const repoint: [string, string][] = [
      ['kudos', 'from_id'],
      ['kudos_receivers', 'person_id'],
      ['reactions', 'person_id'],
      ['invites', 'inviter_id'],
      ['invites', 'invitee_id'],
      ['invite_links', 'inviter_id'],
      ['endorsements', 'endorser_id'],
      ['activity', 'actor_id'],
      ['activity_daily', 'actor_id'],
      ['activity_months', 'actor_id'],
      ['search_months', 'actor_id'],
      ['people', 'manager_id'],
      ['people', 'invited_by'],
      ['badges', 'person_id'],
      ['badges', 'awarded_by'],
      ['evidence', 'recorded_by'],
      ['ambassador_roles', 'person_id'],
      ['audit_log', 'actor'],
      ['audit_log', 'subject'],
    ];
    // Table and column names come from the list above, never from input.
    for (const [table, column] of repoint)
      await tx.query(`UPDATE ${table} SET ${column} = $2 WHERE ${column} = $1`, [id, anonymousId]);
    // What they wrote about themselves or for themselves goes.
    await tx.query('UPDATE invites SET message = NULL WHERE inviter_id = $1', [anonymousId]);
    await tx.query(`UPDATE badges SET evidence = '[]' WHERE person_id = $1`, [anonymousId]);
    await tx.query(`UPDATE activity SET subject = NULL WHERE actor_id = $1 AND type <> 'search'`, [
      anonymousId,
    ]);
    await tx.query('DELETE FROM evidence WHERE person_id = $1', [id]);
    await tx.query('DELETE FROM skills WHERE person_id = $1', [id]);
    await tx.query('DELETE FROM endorsements WHERE person_id = $1', [id]);
    await tx.query('DELETE FROM scim_group_members WHERE person_id = $1', [id]);
    await tx.query('DELETE FROM idempotency WHERE user_id = $1', [id]);
    // Live events (kept a day for reconnecting streams) carry names and ids in their payload: they go.
    await tx.query(
      `DELETE FROM live_events WHERE $1 = ANY(audience) OR strpos(data::text, '"' || $1 || '"') > 0`,
      [id],
    );
    await tx.query('DELETE FROM people WHERE id = $1', [id]);
    // The audit entry names the stand-in only: the erased id may itself be an e-mail address.
    await audit(tx, actor, 'person.erase', anonymousId);
  });
  return { anonymousId };
}
