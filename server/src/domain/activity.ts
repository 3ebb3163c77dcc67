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
  grown,
  metricsFromScan,
  MetricsPeopleIndex,
  monthIndexOf,
  monthInvites,
  type ActivityScan,
  type MetricsInput,
  type MonthActivity,
  type SearchTally,
} from '../../../src/metrics/index.js';
import { invalid } from '../errors.js';
import { compact, iso, type Domain, type Tx, type User } from './context.js';

const DAY_MS = 86_400_000;
/** Events queued offline arrive late; older ones than this are not accepted (they would rewrite history). */
export const MAX_EVENT_AGE_DAYS = 7;
const MAX_SUBJECT_LENGTH = 200;

export interface TrackInput {
  events: readonly { type: string; actorId?: string; at: string; subject?: string }[];
}

function monthStart(monthIndex: number): Date {
  return new Date(Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1));
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

/** One month's levels and active days from the roll-up, by the metrics' person numbers. */
async function monthActivity(tx: Tx, month: number, index: MetricsPeopleIndex): Promise<MonthActivity> {
  const [{ rows }] = await tx.query<{ rows: [string[], number[], number[]] }>(
    `SELECT json_build_array(coalesce(array_agg(actor_id), '{}'), coalesce(array_agg(level), '{}'),
              coalesce(array_agg(days), '{}')) AS rows
       FROM activity_months WHERE month = $1`,
    [month],
  );
  const [actors, levels, days] = rows;
  const activity: MonthActivity = {
    level: new Uint8Array(index.count + 64),
    activeDays: new Uint32Array(index.count + 64),
  };
  for (let i = 0; i < actors.length; i++) {
    const person = index.numberOf(actors[i]);
    if (person >= activity.level.length) {
      activity.level = grown(activity.level, person);
      activity.activeDays = grown(activity.activeDays, person);
    }
    activity.level[person] = levels[i];
    activity.activeDays[person] = days[i];
  }
  return activity;
}

/** The month's skill searches per term: how many, and by whom. */
async function monthSearches(
  tx: Tx,
  month: number,
  index: MetricsPeopleIndex,
): Promise<Map<string, SearchTally>> {
  const [{ rows }] = await tx.query<{ rows: [string[], string[], number[]] }>(
    `SELECT json_build_array(coalesce(array_agg(term), '{}'), coalesce(array_agg(actor_id), '{}'),
              coalesce(array_agg(searches), '{}')) AS rows
       FROM search_months WHERE month = $1`,
    [month],
  );
  const [terms, actors, counts] = rows;
  const tallies = new Map<string, SearchTally>();
  for (let i = 0; i < terms.length; i++) {
    let tally = tallies.get(terms[i]);
    if (!tally) tallies.set(terms[i], (tally = { count: 0, people: new Set() }));
    tally.count += counts[i];
    tally.people.add(index.numberOf(actors[i]));
  }
  return tallies;
}

/**
 * Which of the month's invitees did something (other than accepting) inside their 30-day window:
 * one index look-up per accepted invitation (activity_actor_at), not a scan of the events.
 */
async function activeInWindows(
  tx: Tx,
  accepted: readonly { inviteeId: string; window: { startMs: number; endMs: number } }[],
  index: MetricsPeopleIndex,
): Promise<Set<number>> {
  const active = new Set<number>();
  if (accepted.length === 0) return active;
  const rows = await tx.query<{ actor_id: string }>(
    `SELECT DISTINCT w.actor_id
       FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS w(actor_id, start_at, end_at)
      WHERE EXISTS (SELECT 1 FROM activity a
                     WHERE a.actor_id = w.actor_id AND a.type <> 'invite-accepted'
                       AND a.at >= w.start_at AND a.at < w.end_at)
         -- Events past retention (src/privacy/retention.ts): a day's first or last event inside the window.
         OR EXISTS (SELECT 1 FROM activity_daily d
                     WHERE d.actor_id = w.actor_id AND d.type <> 'invite-accepted'
                       AND ((d.first_at >= w.start_at AND d.first_at < w.end_at)
                         OR (d.last_at >= w.start_at AND d.last_at < w.end_at)))`,
    [
      accepted.map((invite) => invite.inviteeId),
      accepted.map((invite) => new Date(invite.window.startMs).toISOString()),
      accepted.map((invite) => new Date(invite.window.endMs).toISOString()),
    ],
  );
  for (const row of rows) active.add(index.numberOf(row.actor_id));
  return active;
}

export function createActivity(domain: Domain) {
  /** Everyone, as the metrics read them (one JSON document: far faster than row by row at 50,000). */
  async function people(tx: Tx): Promise<Person[]> {
    const [{ rows }] = await tx.query<{
      rows: [
        string,
        string | null,
        string,
        string | null,
        string | null,
        boolean,
        boolean,
        number | null,
        string | null,
      ][];
    }>(
      `SELECT coalesce(json_agg(json_build_array(id, email, name, department, manager_id, is_management, is_member,
                (extract(epoch FROM joined_at) * 1000)::bigint, invited_by)), '[]'::json) AS rows FROM people`,
    );
    return rows.map(([id, email, name, department, managerId, isManagement, isMember, joinedMs, invitedBy]) =>
      compact<Person>({
        id,
        name,
        email: email ?? undefined,
        department: department ?? undefined,
        managerId: managerId ?? undefined,
        isManagement,
        isMember,
        joinedAt: joinedMs === null ? undefined : new Date(joinedMs).toISOString(),
        invitedBy: invitedBy ?? undefined,
        skills: [],
        links: [],
      }),
    );
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

    async metrics(tx: Tx, month: string): Promise<CommunityMetrics> {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
        throw invalid('metrics.month', `"${month}" is not a month (YYYY-MM).`);
      const monthIndex = monthIndexOf(month);
      const everyone = await people(tx);
      const index = new MetricsPeopleIndex(everyone);
      const invites = monthInvites(
        await invitesBetween(tx, monthStart(monthIndex), monthStart(monthIndex + 1)),
        monthIndex,
        index,
      );
      const scan: ActivityScan = {
        current: await monthActivity(tx, monthIndex, index),
        previous: await monthActivity(tx, monthIndex - 1, index),
        searches: await monthSearches(tx, monthIndex, index),
        activeInWindow: await activeInWindows(tx, invites.accepted, index),
      };
      const kudos = await kudosBetween(tx, monthStart(monthIndex - 1), monthStart(monthIndex + 1));
      return metricsFromScan({ people: everyone, kudos, index, invites, scan }, month);
    },

    async pioneers(tx: Tx, limit: number): Promise<PioneerRank[]> {
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
