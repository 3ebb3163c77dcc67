/**
 * Activity and metrics. `track` stores events with the actor taken from the session (never from the
 * body); `metrics` and `pioneers` read what the published definitions need from the database and hand
 * it to the same pure functions every backend uses (`src/metrics`), k ≥ 5 suppression included.
 */
import {
  ACTIVITY_TYPES,
  type ActivityType,
  type CommunityMetrics,
  type Invite,
  type Kudos,
  type Person,
  type PioneerRank,
} from '../../../src/model.js';
import {
  ACTIVITY_LEVEL,
  computePioneers,
  metricsFromTallies,
  monthIndexOf,
  type MetricsInput,
} from '../../../src/metrics/index.js';
import { forbidden, invalid } from '../errors.js';
import { compact, iso, type Domain, type Tx, type User } from './context.js';
import { monthTallies } from './metrics-tallies.js';
import { DAY_MS } from '../../../src/time.js';

/** Events queued offline arrive late; older ones than this are not accepted (they would rewrite history). */
export const MAX_EVENT_AGE_DAYS = 7;
const MAX_SUBJECT_LENGTH = 200;

export interface TrackInput {
  events: readonly { type: string; actorId?: string; at: string; subject?: string }[];
}

/** One stored act; `subject` is already cut to length. */
export interface RecordedEvent {
  type: ActivityType;
  actorId: string;
  at: Date;
  subject: string | null;
}

/**
 * Stores events and, in the same transaction, folds them into the per-person, per-month roll-ups
 * (migrations/003_metrics_rollup.sql) the metrics read: the highest level and the active days, and
 * the skill searches per term. Month, day, level and term are worked out here, by the definitions in
 * src/metrics (ACTIVITY_LEVEL; terms trimmed and lower case, as scanActivity counts them).
 */
export async function recordActivity(tx: Tx, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO activity (type, actor_id, at, subject)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])`,
    [
      events.map((event) => event.type),
      events.map((event) => event.actorId),
      events.map((event) => event.at.toISOString()),
      events.map((event) => event.subject) as string[],
    ],
  );
  const months = new Map<string, { month: number; actorId: string; level: number; days: number }>();
  const searches = new Map<string, { month: number; term: string; actorId: string; count: number }>();
  for (const event of events) {
    const level = ACTIVITY_LEVEL[event.type];
    if (!level) continue;
    const month = event.at.getUTCFullYear() * 12 + event.at.getUTCMonth();
    const key = `${month}\u0000${event.actorId}`;
    const folded = months.get(key) ?? { month, actorId: event.actorId, level: 0, days: 0 };
    folded.level = Math.max(folded.level, level);
    folded.days |= 1 << (event.at.getUTCDate() - 1);
    months.set(key, folded);
    const term = event.type === 'search' && event.subject ? event.subject.trim().toLowerCase() : '';
    if (!term) continue;
    const searchKey = `${key}\u0000${term}`;
    const tally = searches.get(searchKey) ?? { month, term, actorId: event.actorId, count: 0 };
    tally.count++;
    searches.set(searchKey, tally);
  }
  // Sorted, so two writers lock the same rows in the same order.
  const monthRows = [...months.values()].sort(
    (a, b) => a.month - b.month || (a.actorId < b.actorId ? -1 : 1),
  );
  if (monthRows.length)
    await tx.query(
      `INSERT INTO activity_months (month, actor_id, level, days)
       SELECT * FROM unnest($1::int[], $2::text[], $3::smallint[], $4::int[])
       ON CONFLICT (month, actor_id) DO UPDATE
         SET level = greatest(activity_months.level, excluded.level), days = activity_months.days | excluded.days`,
      [
        monthRows.map((row) => row.month),
        monthRows.map((row) => row.actorId),
        monthRows.map((row) => row.level),
        monthRows.map((row) => row.days),
      ] as never,
    );
  const searchRows = [...searches.values()].sort(
    (a, b) =>
      a.month - b.month || (a.term < b.term ? -1 : a.term > b.term ? 1 : a.actorId < b.actorId ? -1 : 1),
  );
  if (searchRows.length)
    await tx.query(
      `INSERT INTO search_months (month, term, actor_id, searches)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (month, term, actor_id) DO UPDATE SET searches = search_months.searches + excluded.searches`,
      [
        searchRows.map((row) => row.month),
        searchRows.map((row) => row.term),
        searchRows.map((row) => row.actorId),
        searchRows.map((row) => row.count),
      ] as never,
    );
}

/**
 * Copies new kudos into the kudos_months roll-up (giver, value, receivers by month), in the transaction
 * that gave them: what the kudos figures read, one range of rows per month.
 */
export async function foldKudos(tx: Tx, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await tx.query(
    `INSERT INTO kudos_months (month, kudos_seq, from_id, value, receivers)
     SELECT kring_month_of(k.created_at), k.seq, k.from_id, k.value,
            coalesce((SELECT array_agg(r.person_id ORDER BY r.position) FROM kudos_receivers r WHERE r.kudos_seq = k.seq), '{}')
       FROM kudos k WHERE k.seq = ANY($1::bigint[])`,
    [seqs.map(String)],
  );
}

export function createActivity(domain: Domain) {
  /** Everyone, as the metrics read them (one JSON document of columns: far faster than rows at 50,000). */
  async function people(tx: Tx): Promise<Person[]> {
    const [{ columns }] = await tx.query<{
      columns: [
        string[],
        (string | null)[],
        (string | null)[],
        boolean[],
        boolean[],
        (number | null)[],
        (string | null)[],
      ];
    }>(
      `SELECT json_build_array(coalesce(array_agg(id), '{}'), coalesce(array_agg(email), '{}'),
                coalesce(array_agg(department), '{}'), coalesce(array_agg(is_management), '{}'),
                coalesce(array_agg(is_member), '{}'),
                coalesce(array_agg((extract(epoch FROM joined_at) * 1000)::bigint), '{}'),
                coalesce(array_agg(invited_by), '{}')) AS columns FROM people`,
    );
    const [ids, emails, departments, management, members, joined, invitedBy] = columns;
    // Plain objects with every field the metrics read (undefined when unknown); nothing sends them.
    return ids.map((id, i) => ({
      id,
      name: '',
      email: emails[i] ?? undefined,
      department: departments[i] ?? undefined,
      isManagement: management[i],
      isMember: members[i],
      joinedAt: joined[i] === null ? undefined : new Date(joined[i]!).toISOString(),
      invitedBy: invitedBy[i] ?? undefined,
      skills: [],
      links: [],
    }));
  }

  async function kudosBetween(tx: Tx, from: Date, until: Date): Promise<Kudos[]> {
    const [{ rows }] = await tx.query<{ rows: [string, string, string[], string | null, number][] }>(
      `SELECT coalesce(json_agg(json_build_array(k.id, k.from_id,
                (SELECT array_agg(r.person_id ORDER BY r.position) FROM kudos_receivers r WHERE r.kudos_seq = k.seq),
                k.value, (extract(epoch FROM k.created_at) * 1000)::bigint) ORDER BY k.seq), '[]'::json) AS rows
         FROM kudos k WHERE k.created_at >= $1 AND k.created_at < $2`,
      [from, until],
    );
    return rows.map(([id, fromId, to, value, createdMs]) =>
      compact<Kudos>({
        id,
        from: fromId,
        to: to ?? [],
        value: value ?? undefined,
        message: '',
        createdAt: new Date(createdMs).toISOString(),
        reactions: [],
      }),
    );
  }

  async function invitesBetween(tx: Tx, from: Date, until: Date): Promise<Invite[]> {
    const rows = await tx.query<{
      id: string;
      inviter_id: string;
      email: string;
      invitee_id: string | null;
      status: Invite['status'];
      created_at: Date;
      expires_at: Date;
      responded_at: Date | null;
    }>(
      `SELECT id, inviter_id, email, invitee_id, status, created_at, expires_at, responded_at FROM invites
        WHERE created_at >= $1 AND created_at < $2`,
      [from, until],
    );
    return rows.map((row) =>
      compact<Invite>({
        id: row.id,
        inviterId: row.inviter_id,
        email: row.email,
        inviteeId: row.invitee_id ?? undefined,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
        respondedAt: iso(row.responded_at),
      }),
    );
  }

  return {
    async track(tx: Tx, input: TrackInput, user: User): Promise<number> {
      const now = domain.now().getTime();
      const rows: [ActivityType, Date, string | null][] = [];
      for (const event of input.events) {
        const at = Date.parse(event.at);
        if (!ACTIVITY_TYPES.includes(event.type as ActivityType) || Number.isNaN(at))
          throw invalid('activity.event', 'An activity event needs a known type and a time.');
        if (at < now - MAX_EVENT_AGE_DAYS * DAY_MS) continue;
        const subject =
          event.subject === undefined ? null : String(event.subject).slice(0, MAX_SUBJECT_LENGTH);
        // A clock ahead of the server's cannot place events in the future.
        rows.push([event.type as ActivityType, new Date(Math.min(at, now)), subject]);
      }
      if (rows.length === 0) return 0;
      await recordActivity(
        tx,
        rows.map(([type, at, subject]) => ({ type, actorId: user.id, at, subject })),
      );
      return rows.length;
    },

    async metrics(tx: Tx, month: string, user: User): Promise<CommunityMetrics> {
      if (!user.isCommunityManager && !user.isManagement)
        throw forbidden(
          'metrics.forbidden',
          'The community figures are for community managers and management.',
        );
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
        throw invalid('metrics.month', `"${month}" is not a month (YYYY-MM).`);
      return metricsFromTallies(await monthTallies(tx, monthIndexOf(month)), month);
    },

    async pioneers(tx: Tx, limit: number, user: User): Promise<PioneerRank[]> {
      // Pioneers name people: for the community manager only (docs/privacy.md, "Who sees what").
      if (!user.isCommunityManager)
        throw forbidden('pioneers.forbidden', 'The pioneers list is for community managers.');
      const now = domain.now();
      const windowDays = 180;
      const from = new Date(now.getTime() - windowDays * DAY_MS);
      const endorsements = await tx.query<{ from: string; to: string; skill: string; at: Date }>(
        'SELECT endorser_id AS from, person_id AS to, skill, at FROM endorsements WHERE at >= $1',
        [from],
      );
      const input: MetricsInput = {
        people: await people(tx),
        events: [],
        kudos: await kudosBetween(tx, from, new Date(now.getTime() + 1)),
        invites: await invitesBetween(tx, from, new Date(now.getTime() + 1)),
        endorsements: endorsements.map((row) => ({ ...row, at: row.at.toISOString() })),
      };
      return computePioneers(input, { now: now.getTime(), windowDays, limit });
    },
  };
}

export type ActivityService = ReturnType<typeof createActivity>;
