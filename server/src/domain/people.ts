/** People: the current user, look-ups by id or e-mail, skills as the viewer sees them, suggestions. */
import type { Person, PersonLink, Skill, SkillLevel, SkillTag } from '../../../src/model.js';
import { notFound } from '../errors.js';
import { compact, iso, type Tx } from './context.js';

export interface PersonRow {
  id: string;
  email: string | null;
  name: string;
  title: string | null;
  department: string | null;
  location: string | null;
  about: string | null;
  photo_url: string | null;
  manager_id: string | null;
  is_management: boolean;
  is_community_manager: boolean;
  is_member: boolean;
  joined_at: Date | null;
  invited_by: string | null;
  deactivated_at: Date | null;
}

interface SkillRow {
  person_id: string;
  name: string;
  level: SkillLevel;
  tags: SkillTag[];
}

const PERSON_COLUMNS =
  'id, email, name, title, department, location, about, photo_url, manager_id, is_management, is_community_manager, is_member, joined_at, invited_by, deactivated_at';

export async function personRow(tx: Tx, idOrEmail: string): Promise<PersonRow | undefined> {
  const rows = await tx.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM people WHERE id = $1 OR lower(email) = lower($1) ORDER BY id = $1 DESC LIMIT 1`,
    [idOrEmail],
  );
  return rows[0];
}

export async function requirePerson(tx: Tx, idOrEmail: string): Promise<PersonRow> {
  const row = await personRow(tx, idOrEmail);
  if (!row) throw notFound('person.unknown', `There is no person "${idOrEmail}".`);
  return row;
}

/** Skills of these people with endorsement counts and whether the viewer endorsed each. */
export async function skillsOf(
  tx: Tx,
  ids: readonly string[],
  viewerId: string,
): Promise<Map<string, Skill[]>> {
  const skills = await tx.query<SkillRow>(
    'SELECT person_id, name, level, tags FROM skills WHERE person_id = ANY($1) ORDER BY person_id, position',
    [ids],
  );
  const counts = await tx.query<{ person_id: string; skill: string; count: number; mine: boolean }>(
    `SELECT person_id, lower(skill) AS skill, count(*)::int AS count, bool_or(endorser_id = $2) AS mine
       FROM endorsements WHERE person_id = ANY($1) GROUP BY person_id, lower(skill)`,
    [ids, viewerId],
  );
  const byKey = new Map(counts.map((row) => [`${row.person_id}\u0000${row.skill}`, row]));
  const result = new Map<string, Skill[]>();
  for (const row of skills) {
    const count = byKey.get(`${row.person_id}\u0000${row.name.toLowerCase()}`);
    const list = result.get(row.person_id) ?? [];
    list.push({
      name: row.name,
      level: row.level,
      tags: [...row.tags],
      endorsements: count?.count ?? 0,
      endorsedByMe: count?.mine ?? false,
    });
    result.set(row.person_id, list);
  }
  return result;
}

export function personLinks(row: Pick<PersonRow, 'email'>): PersonLink[] {
  return row.email ? [{ kind: 'mail', url: `mailto:${row.email}` }] : [];
}

/** People as the viewer sees them, in the order of `rows`. */
export async function toPeople(tx: Tx, rows: readonly PersonRow[], viewerId: string): Promise<Person[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const skills = await skillsOf(tx, ids, viewerId);
  const received = await tx.query<{ person_id: string; count: number }>(
    'SELECT person_id, count(*)::int AS count FROM kudos_receivers WHERE person_id = ANY($1) GROUP BY person_id',
    [ids],
  );
  const receivedBy = new Map(received.map((row) => [row.person_id, row.count]));
  return rows.map((row) =>
    compact<Person>({
      id: row.id,
      name: row.name,
      email: row.email ?? undefined,
      title: row.title ?? undefined,
      department: row.department ?? undefined,
      location: row.location ?? undefined,
      photoUrl: row.photo_url ?? undefined,
      about: row.about ?? undefined,
      skills: skills.get(row.id) ?? [],
      managerId: row.manager_id ?? undefined,
      isManagement: row.is_management,
      // A deactivated person (left the company, erased) is shown with their name but not as a member.
      isMember: row.is_member && !row.deactivated_at,
      joinedAt: iso(row.joined_at),
      invitedBy: row.invited_by ?? undefined,
      links: personLinks(row),
      kudosReceived: receivedBy.get(row.id) ?? 0,
    }),
  );
}

export async function toPerson(tx: Tx, row: PersonRow, viewerId: string): Promise<Person> {
  return (await toPeople(tx, [row], viewerId))[0];
}

/** One entry per id (person id or e-mail), `null` for unknown, in the order asked. */
export async function lookupPeople(
  tx: Tx,
  ids: readonly string[],
  viewerId: string,
): Promise<(Person | null)[]> {
  const rows = await tx.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM people WHERE id = ANY($1) OR lower(email) = ANY($2)`,
    [ids, ids.map((id) => id.toLowerCase())],
  );
  const people = await toPeople(tx, rows, viewerId);
  const byKey = new Map<string, Person>();
  for (const person of people) {
    if (person.email) byKey.set(person.email.toLowerCase(), person);
  }
  for (const person of people) byKey.set(person.id, person);
  return ids.map((id) => byKey.get(id) ?? byKey.get(id.toLowerCase()) ?? null);
}
