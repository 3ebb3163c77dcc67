/**
 * The ambassador programme: chosen roles, progress by `src/ambassadors` (criteria, counts, levels),
 * evidence, badges. Earned levels become badges awarded by `system`; only community managers award
 * or revoke by hand.
 */
import { randomUUID } from 'node:crypto';
import {
  AMBASSADOR_LEVELS,
  AMBASSADOR_ROLES,
  type AmbassadorProfile,
  type AmbassadorRole,
  type BadgeAward,
  type BadgeAwardInput,
  type EvidenceInput,
  type RoleProgress,
} from '../../../src/model.js';
import { summariseAmbassadorActivity } from '../../../src/ambassadors/activity.js';
import { computeRoleProgress } from '../../../src/ambassadors/progress.js';
import { criterionAmount } from '../../../src/ambassadors/labels.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { compact, iso, type Domain, type Tx, type User } from './context.js';
import { requirePerson, type PersonRow } from './people.js';

interface BadgeRow {
  id: string;
  person_id: string;
  role: AmbassadorRole;
  level: BadgeAward['level'];
  awarded_at: Date;
  awarded_by: string;
  criteria_met: string[];
  evidence: { url: string; description?: string }[];
  revoked_at: Date | null;
}

const toBadge = (row: BadgeRow): BadgeAward =>
  compact<BadgeAward>({
    id: row.id,
    personId: row.person_id,
    role: row.role,
    level: row.level,
    awardedAt: row.awarded_at.toISOString(),
    awardedBy: row.awarded_by,
    criteriaMet: row.criteria_met,
    evidence: row.evidence,
    revokedAt: iso(row.revoked_at),
  });

function requireRole(role: string): asserts role is AmbassadorRole {
  if (!AMBASSADOR_ROLES.includes(role as AmbassadorRole))
    throw invalid('ambassador.role', `Unknown ambassador role "${role}".`);
}

const describe = (progress: RoleProgress) =>
  progress.criteria.map(({ criterion, current }) => criterionAmount('en', criterion, current));

export function createAmbassadors(domain: Domain) {
  /** What the criteria count, from the person's own records only (indexed by person). */
  async function countsFor(tx: Tx, person: PersonRow) {
    const id = person.id;
    // Side by side on the pool for a read; one after another inside a write's transaction (store/db.ts).
    const [kudosTo, endorsed, invites, joined, evidence, acts] = await Promise.all([
      tx.query<{ person_id: string; department: string | null }>(
        `SELECT r.person_id, p.department FROM kudos k JOIN kudos_receivers r ON r.kudos_seq = k.seq
           JOIN people p ON p.id = r.person_id WHERE k.from_id = $1`,
        [id],
      ),
      tx.query<{ person_id: string; department: string | null }>(
        'SELECT e.person_id, p.department FROM endorsements e JOIN people p ON p.id = e.person_id WHERE e.endorser_id = $1',
        [id],
      ),
      tx.query<{ inviter_id: string; status: 'accepted'; invitee_id: string | null; email: string }>(
        "SELECT inviter_id, status, invitee_id, email FROM invites WHERE inviter_id = $1 AND status = 'accepted'",
        [id],
      ),
      tx.query<{ id: string; email: string | null; invited_by: string; is_member: boolean }>(
        'SELECT id, email, invited_by, is_member FROM people WHERE invited_by = $1',
        [id],
      ),
      tx.query<{ person_id: string; role: AmbassadorRole }>(
        'SELECT person_id, role FROM evidence WHERE person_id = $1',
        [id],
      ),
      tx.query<{ type: 'reaction' | 'endorsement'; count: number }>(
        `SELECT 'reaction' AS type, count(*)::int AS count FROM reactions WHERE person_id = $1
         UNION ALL SELECT 'endorsement', count(*)::int FROM endorsements WHERE endorser_id = $1`,
        [id],
      ),
    ]);
    const people = new Map<
      string,
      { id: string; email?: string; department?: string; invitedBy?: string; isMember?: boolean }
    >();
    people.set(id, { id, department: person.department ?? undefined });
    for (const row of [...kudosTo, ...endorsed])
      if (!people.has(row.person_id))
        people.set(row.person_id, { id: row.person_id, department: row.department ?? undefined });
    for (const row of joined)
      people.set(row.id, {
        ...people.get(row.id),
        id: row.id,
        email: row.email ?? undefined,
        invitedBy: row.invited_by,
        isMember: row.is_member,
      });
    // One pseudo-event per reaction and endorsement given: the counts are what the criteria read.
    const events = acts.flatMap((row) =>
      Array.from({ length: row.count }, () => ({ type: row.type, actorId: id })),
    );
    return summariseAmbassadorActivity(id, {
      people: [...people.values()],
      invites: invites.map((row) => ({
        inviterId: row.inviter_id,
        status: row.status,
        inviteeId: row.invitee_id ?? undefined,
        email: row.email,
      })),
      kudos: kudosTo.map((row) => ({ from: id, to: [row.person_id] })),
      endorsements: endorsed.map((row) => ({ from: id, to: row.person_id })),
      events,
      evidence: evidence.map((row) => ({ personId: row.person_id, role: row.role })),
    });
  }

  async function badgeRows(tx: Tx, personId: string): Promise<BadgeRow[]> {
    return tx.query<BadgeRow>(
      `SELECT id, person_id, role, level, awarded_at, awarded_by, criteria_met, evidence, revoked_at
         FROM badges WHERE person_id = $1 ORDER BY awarded_at, id`,
      [personId],
    );
  }

  /** Awards the level a chosen role reached, once; a revoked badge is not awarded again. */
  async function syncEarnedBadges(
    tx: Tx,
    personId: string,
    roles: readonly AmbassadorRole[],
    progress: RoleProgress[],
  ) {
    const existing = await badgeRows(tx, personId);
    for (const role of roles) {
      const current = progress.find((item) => item.role === role);
      if (!current?.level) continue;
      const rank = AMBASSADOR_LEVELS.indexOf(current.level);
      if (existing.some((badge) => badge.role === role && AMBASSADOR_LEVELS.indexOf(badge.level) >= rank))
        continue;
      const evidence = await tx.query<{ url: string; description: string | null }>(
        'SELECT url, description FROM evidence WHERE person_id = $1 AND role = $2 ORDER BY seq',
        [personId, role],
      );
      await tx.query(
        `INSERT INTO badges (id, person_id, role, level, awarded_at, awarded_by, criteria_met, evidence)
         VALUES ($1, $2, $3, $4, $5, 'system', $6, $7) ON CONFLICT (id) DO NOTHING`,
        [
          `sys-${personId}-${role}-${current.level}`,
          personId,
          role,
          current.level,
          domain.now(),
          JSON.stringify(describe(current)),
          JSON.stringify(
            evidence.map((row) => compact({ url: row.url, description: row.description ?? undefined })),
          ),
        ],
      );
    }
  }

  async function rolesOf(tx: Tx, personId: string): Promise<AmbassadorRole[]> {
    const [row] = await tx.query<{ roles: AmbassadorRole[] }>(
      'SELECT roles FROM ambassador_roles WHERE person_id = $1',
      [personId],
    );
    return row?.roles ?? [];
  }

  async function profile(tx: Tx, personId: string): Promise<AmbassadorProfile> {
    const person = await requirePerson(tx, personId);
    const progress = computeRoleProgress(await countsFor(tx, person));
    const roles = await rolesOf(tx, person.id);
    await syncEarnedBadges(tx, person.id, roles, progress);
    const badges = (await badgeRows(tx, person.id)).filter((row) => !row.revoked_at).map(toBadge);
    return { personId: person.id, roles, progress, badges };
  }

  function requireManager(user: User): void {
    if (!user.isCommunityManager)
      throw forbidden('badge.forbidden', 'Only a community manager can award or revoke badges.');
  }

  return {
    ambassadorProfile: (tx: Tx, personId: string) => profile(tx, personId),

    async chooseAmbassadorRoles(tx: Tx, roles: readonly string[], user: User): Promise<AmbassadorProfile> {
      roles.forEach((role) => requireRole(role));
      const person = await requirePerson(tx, user.id);
      if (!person.is_member) throw forbidden('ambassador.not-member', 'Only members can become ambassadors.');
      const chosen = AMBASSADOR_ROLES.filter((role) => roles.includes(role));
      await tx.query(
        `INSERT INTO ambassador_roles (person_id, roles, chosen_at) VALUES ($1, $2, $3)
         ON CONFLICT (person_id) DO UPDATE SET roles = EXCLUDED.roles, chosen_at = EXCLUDED.chosen_at`,
        [person.id, chosen, domain.now()],
      );
      return profile(tx, person.id);
    },

    async recordEvidence(tx: Tx, input: EvidenceInput, user: User): Promise<AmbassadorProfile> {
      const person = await requirePerson(tx, input.personId);
      requireRole(input.role);
      if (person.id !== user.id && !user.isCommunityManager)
        throw forbidden('evidence.forbidden', 'You can only record evidence for yourself.');
      let url: URL;
      try {
        url = new URL(input.url);
      } catch {
        throw invalid('evidence.url', 'The evidence needs a valid web address.');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw invalid('evidence.url', 'The evidence needs an http or https address.');
      await tx.query(
        'INSERT INTO evidence (person_id, role, url, description, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [person.id, input.role, url.href, input.description?.trim() || null, domain.now(), user.id],
      );
      return profile(tx, person.id);
    },

    async listBadges(tx: Tx, personId: string): Promise<BadgeAward[]> {
      // Newest first, as the contract says.
      return (await profile(tx, personId)).badges.reverse();
    },

    async awardBadge(tx: Tx, input: BadgeAwardInput, user: User): Promise<BadgeAward> {
      requireManager(user);
      const person = await requirePerson(tx, input.personId);
      requireRole(input.role);
      if (!AMBASSADOR_LEVELS.includes(input.level))
        throw invalid('badge.level', `Unknown level "${input.level}".`);
      const [progress] = computeRoleProgress(await countsFor(tx, person), [input.role]);
      const [row] = await tx.query<BadgeRow>(
        `INSERT INTO badges (id, person_id, role, level, awarded_at, awarded_by, criteria_met, evidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, person_id, role, level, awarded_at, awarded_by, criteria_met, evidence, revoked_at`,
        [
          `b-${randomUUID()}`,
          person.id,
          input.role,
          input.level,
          domain.now(),
          user.id,
          JSON.stringify(describe(progress)),
          JSON.stringify(
            (input.evidence ?? []).map((link) => compact({ url: link.url, description: link.description })),
          ),
        ],
      );
      return toBadge(row);
    },

    async revokeBadge(tx: Tx, badgeId: string, user: User): Promise<BadgeAward> {
      requireManager(user);
      const [row] = await tx.query<BadgeRow>(
        `UPDATE badges SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1
         RETURNING id, person_id, role, level, awarded_at, awarded_by, criteria_met, evidence, revoked_at`,
        [badgeId, domain.now()],
      );
      if (!row) throw notFound('badge.unknown', 'This badge does not exist.');
      return toBadge(row);
    },
  };
}

export type AmbassadorsService = ReturnType<typeof createAmbassadors>;
