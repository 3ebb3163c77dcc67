/**
 * Fills an empty database with the demo company from the demo generator (src/backends/demo/seed.ts):
 * the same people, skills, endorsements, kudos, reactions, invitations, ambassadors and activity the
 * in-browser demo shows, so `npm start` serves a live, multi-user version of it.
 */
import { COMPANY_VALUES } from '../../src/backends/demo/names.js';
import { generateActivity, generateDemoData, generateHistory } from '../../src/backends/demo/seed.js';
import { recordActivity } from './domain/activity.js';
import type { Db, Queryable } from './store/db.js';

export const DEMO_KUDOS_VALUES: readonly string[] = COMPANY_VALUES;

/** Rows per INSERT … SELECT FROM unnest(…): one statement per chunk, every value a parameter. */
const CHUNK = 5000;

async function insertColumns(tx: Queryable, sql: string, columns: unknown[][]): Promise<void> {
  const length = columns[0]?.length ?? 0;
  for (let start = 0; start < length; start += CHUNK) {
    await tx.query(
      sql,
      columns.map((column) => column.slice(start, start + CHUNK)),
    );
  }
}

export interface SeedResult {
  people: number;
  kudos: number;
  events: number;
  communityManagerId: string;
}

/** Seeds when the people table is empty; returns undefined when there was data already. */
export async function seedDemo(
  db: Db,
  options: { seed?: string; size?: number; now?: Date } = {},
): Promise<SeedResult | undefined> {
  const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM people');
  if (count > 0) return undefined;
  const data = generateDemoData({
    seed: options.seed ?? 'kring',
    size: options.size ?? 300,
    now: options.now ?? new Date(),
  });
  const history = generateHistory(data);
  const events = generateActivity(data, history);
  const managers = new Set(data.managementIds);
  await db.transaction(async (tx) => {
    const people = data.people;
    await insertColumns(
      tx,
      `INSERT INTO people (id, email, name, title, department, location, about, manager_id, is_management,
         is_community_manager, is_member, joined_at, invited_by)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::boolean[], $10::boolean[], $11::boolean[], $12::timestamptz[], $13::text[])`,
      [
        people.map((p) => p.id),
        people.map((p) => p.email),
        people.map((p) => p.name),
        people.map((p) => p.title),
        people.map((p) => p.department),
        people.map((p) => p.location),
        people.map((p) => p.about),
        people.map((p) => p.managerId ?? null),
        people.map((p) => p.isManagement || managers.has(p.id)),
        people.map((p) => p.id === data.communityManagerId),
        people.map((p) => p.isMember),
        people.map((p) => p.joinedAt ?? null),
        people.map((p) => p.invitedBy ?? null),
      ],
    );
    const skills = people.flatMap((p) =>
      p.skills.map((skill, position) => ({ personId: p.id, position, ...skill })),
    );
    await insertColumns(
      tx,
      `INSERT INTO skills (person_id, position, name, level, tags)
       SELECT s.person_id, s.position, s.name, s.level, CASE WHEN s.tags = '' THEN '{}'::text[] ELSE string_to_array(s.tags, ',') END
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) AS s(person_id, position, name, level, tags)
       ON CONFLICT DO NOTHING`,
      [
        skills.map((s) => s.personId),
        skills.map((s) => s.position),
        skills.map((s) => s.name),
        skills.map((s) => s.level),
        skills.map((s) => s.tags.join(',')),
      ],
    );
    const endorsements = data.endorsements;
    await insertColumns(
      tx,
      `INSERT INTO endorsements (person_id, skill, endorser_id, at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
      [
        endorsements.map((e) => e.personId),
        endorsements.map((e) => e.skill),
        endorsements.map((e) => e.endorserId),
        endorsements.map((e) => e.at),
      ],
    );
    const kudos = [...history.kudos].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
    await insertColumns(
      tx,
      `INSERT INTO kudos (id, from_id, value, message, created_at)
       SELECT k.id, k.from_id, k.value, k.message, k.created_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
              WITH ORDINALITY AS k(id, from_id, value, message, created_at, n)
        ORDER BY k.n`,
      [
        kudos.map((k) => k.id),
        kudos.map((k) => k.from),
        kudos.map((k) => k.value ?? null),
        kudos.map((k) => k.message),
        kudos.map((k) => k.createdAt),
      ],
    );
    const receivers = kudos.flatMap((k) =>
      [...new Set(k.to)].map((personId, position) => ({ kudosId: k.id, personId, position })),
    );
    await insertColumns(
      tx,
      `INSERT INTO kudos_receivers (kudos_seq, person_id, position)
       SELECT k.seq, r.person_id, r.position FROM unnest($1::text[], $2::text[], $3::int[]) AS r(kudos_id, person_id, position)
         JOIN kudos k ON k.id = r.kudos_id`,
      [receivers.map((r) => r.kudosId), receivers.map((r) => r.personId), receivers.map((r) => r.position)],
    );
    const reactions = history.reactions;
    await insertColumns(
      tx,
      `INSERT INTO reactions (kudos_seq, person_id, type, at)
       SELECT k.seq, r.person_id, r.type, r.at FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS r(kudos_id, person_id, type, at)
         JOIN kudos k ON k.id = r.kudos_id ON CONFLICT DO NOTHING`,
      [
        reactions.map((r) => r.kudosId),
        reactions.map((r) => r.personId),
        reactions.map((r) => r.type),
        reactions.map((r) => r.at),
      ],
    );
    const invites = data.invites;
    await insertColumns(
      tx,
      `INSERT INTO invites (id, inviter_id, email, invitee_id, message, status, created_at, expires_at, responded_at, token, via_link)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
         $8::timestamptz[], $9::timestamptz[], $10::text[], $11::boolean[])`,
      [
        invites.map((i) => i.id),
        invites.map((i) => i.inviterId),
        invites.map((i) => i.email),
        invites.map((i) => i.inviteeId ?? null),
        invites.map((i) => i.message ?? null),
        invites.map((i) => i.status),
        invites.map((i) => i.createdAt),
        invites.map((i) => i.expiresAt),
        invites.map((i) => i.respondedAt ?? null),
        invites.map((i) => i.token),
        invites.map((i) => i.viaLink ?? false),
      ],
    );
    for (const link of data.inviteLinks)
      await tx.query(
        'INSERT INTO invite_links (token, inviter_id, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5)',
        [link.token, link.inviterId, link.createdAt, link.expiresAt, link.revokedAt ?? null],
      );
    for (const choice of data.ambassadors)
      await tx.query('INSERT INTO ambassador_roles (person_id, roles, chosen_at) VALUES ($1, $2, $3)', [
        choice.personId,
        choice.roles,
        choice.chosenAt,
      ]);
    for (const piece of data.evidence)
      await tx.query(
        'INSERT INTO evidence (person_id, role, url, description, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          piece.personId,
          piece.role,
          piece.url,
          piece.description ?? null,
          piece.recordedAt,
          piece.recordedBy,
        ],
      );
    for (const badge of data.badges)
      await tx.query(
        `INSERT INTO badges (id, person_id, role, level, awarded_at, awarded_by, criteria_met, evidence, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          badge.id,
          badge.personId,
          badge.role,
          badge.level,
          badge.awardedAt,
          badge.awardedBy,
          JSON.stringify(badge.criteriaMet),
          JSON.stringify(badge.evidence),
          badge.revokedAt ?? null,
        ],
      );
    for (let start = 0; start < events.length; start += CHUNK)
      await recordActivity(
        tx,
        events.slice(start, start + CHUNK).map((event) => ({
          type: event.type,
          actorId: event.actorId,
          at: new Date(event.at),
          subject: event.subject ?? null,
        })),
      );
  });
  return {
    people: data.people.length,
    kudos: history.kudos.length,
    events: events.length,
    communityManagerId: data.communityManagerId,
  };
}
