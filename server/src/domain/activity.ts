/**
 * Activity and metrics. `track` stores events with the actor taken from the session (never from the
 * body); `metrics` and `pioneers` read what the published definitions need from the database and hand
 * it to the same pure functions every backend uses (`src/metrics`), k ≥ 5 suppression included.
 */
import {
  ACTIVITY_TYPES,
  type ActivityEvent,
  type ActivityType,
  type CommunityMetrics,
  type Invite,
  type Kudos,
  type Person,
  type PioneerRank,
} from '../../../src/model.js';
import {
  ACTIVE_WITHIN_DAYS,
  ACTIVITY_LEVEL,
  computeMetrics,
  computePioneers,
  monthIndexOf,
  type MetricsInput,
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

  /**
   * The events the metrics read, folded in the database: per person and month the highest
   * participation level (levels from `ACTIVITY_LEVEL`, passed in) and the days they were active.
   * From those, one event per active day is rebuilt (the highest level on the first) at 00:00 UTC,
   * which is all the participation figures read (at midnight it can never fall inside an invitee's
   * window where no real event did: windows start on acceptance and end 30 days later); searches of the month are kept one by one (their terms are
   * counted), and for each new invitee the first real event inside their 30-day window. The metrics
   * test checks the result equals the figures over every raw event.
   */
  async function eventsForMonth(
    tx: Tx,
    monthIndex: number,
    people: readonly Person[],
    invites: readonly Invite[],
  ) {
    const from = monthStart(monthIndex - 1);
    const monthFrom = monthStart(monthIndex);
    const until = monthStart(monthIndex + 1);
    const types = Object.keys(ACTIVITY_LEVEL) as ActivityType[];
    const [{ rows }] = await tx.query<{ rows: [string, number, number, number, number][] }>(
      `SELECT coalesce(json_agg(json_build_array(actor_id, y, m, level, days)), '[]'::json) AS rows FROM (
         SELECT a.actor_id, extract(year FROM a.at AT TIME ZONE 'UTC')::int AS y,
                extract(month FROM a.at AT TIME ZONE 'UTC')::int AS m, max(l.level) AS level,
                bit_or(1 << (extract(day FROM a.at AT TIME ZONE 'UTC')::int - 1)) AS days
           FROM activity_events a JOIN unnest($3::text[], $4::int[]) AS l(type, level) ON l.type = a.type
          WHERE a.at >= $1 AND a.at < $2 AND l.level > 0
          GROUP BY 1, 2, 3) AS folded`,
      [from, until, types, types.map((type) => ACTIVITY_LEVEL[type])],
    );
    const typeOfLevel = new Map<number, ActivityType>();
    for (const type of types)
      if (!typeOfLevel.has(ACTIVITY_LEVEL[type])) typeOfLevel.set(ACTIVITY_LEVEL[type], type);
    const lowest = Math.min(...types.map((type) => ACTIVITY_LEVEL[type]).filter((level) => level > 0));
    const events: ActivityEvent[] = [];
    for (const [actorId, year, month, level, days] of rows) {
      let first = true;
      for (let day = 0; day < 31; day++) {
        if ((days & (1 << day)) === 0) continue;
        const at = new Date(Date.UTC(year, month - 1, day + 1)).toISOString();
        events.push({ type: typeOfLevel.get(first ? level : lowest)!, actorId, at });
        first = false;
      }
    }
    const [{ rows: searches }] = await tx.query<{ rows: [string, number, string][] }>(
      `SELECT coalesce(json_agg(json_build_array(actor_id, (extract(epoch FROM at) * 1000)::bigint, subject)), '[]'::json)
         AS rows FROM activity_events WHERE type = 'search' AND subject IS NOT NULL AND at >= $1 AND at < $2`,
      [monthFrom, until],
    );
    for (const [actorId, ms, subject] of searches)
      events.push({ type: 'search', actorId, at: new Date(ms).toISOString(), subject });

    // Invitees who accepted this month: their first act within the window, if any.
    const byEmail = new Map(
      people.filter((person) => person.email).map((person) => [person.email!.toLowerCase(), person.id]),
    );
    const windows: [string, Date, Date][] = [];
    for (const invite of invites) {
      if (invite.status !== 'accepted') continue;
      const inviteeId = invite.inviteeId ?? byEmail.get(invite.email.toLowerCase());
      if (!inviteeId) continue;
      const startMs = Date.parse(invite.respondedAt ?? invite.createdAt);
      windows.push([inviteeId, new Date(startMs), new Date(startMs + ACTIVE_WITHIN_DAYS * DAY_MS)]);
    }
    if (windows.length) {
      const [{ rows: firsts }] = await tx.query<{ rows: [string, ActivityType, number][] }>(
        `SELECT coalesce(json_agg(json_build_array(w.actor_id, f.type, (extract(epoch FROM f.at) * 1000)::bigint)), '[]'::json) AS rows
           FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS w(actor_id, start_at, end_at)
           CROSS JOIN LATERAL (SELECT a.type, a.at FROM activity_events a
                                WHERE a.actor_id = w.actor_id AND a.type <> 'invite-accepted'
                                  AND a.at >= w.start_at AND a.at < w.end_at ORDER BY a.at LIMIT 1) AS f`,
        [
          windows.map((w) => w[0]),
          windows.map((w) => w[1].toISOString()),
          windows.map((w) => w[2].toISOString()),
        ],
      );
      for (const [actorId, type, ms] of firsts)
        events.push({ type, actorId, at: new Date(ms).toISOString() });
    }
    return events;
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
      await tx.query(
        `INSERT INTO activity (type, actor_id, at, subject)
         SELECT type, $1, at, subject FROM unnest($2::text[], $3::timestamptz[], $4::text[]) AS e(type, at, subject)`,
        [
          user.id,
          rows.map((row) => row[0]),
          rows.map((row) => row[1].toISOString()),
          rows.map((row) => row[2]) as string[],
        ],
      );
      return rows.length;
    },

    async metrics(tx: Tx, month: string): Promise<CommunityMetrics> {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
        throw invalid('metrics.month', `"${month}" is not a month (YYYY-MM).`);
      const index = monthIndexOf(month);
      const from = monthStart(index - 1);
      const monthFrom = monthStart(index);
      const until = monthStart(index + 1);
      const everyone = await people(tx);
      const invites = await invitesBetween(tx, monthFrom, until);
      const input: MetricsInput = {
        people: everyone,
        events: await eventsForMonth(tx, index, everyone, invites),
        kudos: await kudosBetween(tx, from, until),
        invites,
      };
      return computeMetrics(input, month);
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
