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
   * The events the metrics read, with repeats folded: per person, type and UTC day only the first and
   * the last event (the figures read levels and active days per month, and whether an invitee was
   * active inside a window, which the first and last of each day still answer exactly). Searches are
   * kept one by one: their terms are counted.
   */
  async function eventsBetween(tx: Tx, from: Date, until: Date): Promise<ActivityEvent[]> {
    const [{ rows }] = await tx.query<{ rows: [ActivityType, string, number, number, string | null][] }>(
      `SELECT coalesce(json_agg(json_build_array(type, actor_id, (extract(epoch FROM first_at) * 1000)::bigint,
                (extract(epoch FROM last_at) * 1000)::bigint, subject)), '[]'::json) AS rows FROM (
         SELECT type, actor_id, min(at) AS first_at, max(at) AS last_at, NULL AS subject FROM activity
          WHERE at >= $1 AND at < $2 AND type <> 'search'
          GROUP BY actor_id, type, (at AT TIME ZONE 'UTC')::date
         UNION ALL
         SELECT type, actor_id, at, at, subject FROM activity WHERE at >= $1 AND at < $2 AND type = 'search'
       ) AS folded`,
      [from, until],
    );
    const events: ActivityEvent[] = [];
    for (const [type, actorId, firstMs, lastMs, subject] of rows) {
      const at = new Date(firstMs).toISOString();
      events.push(subject === null ? { type, actorId, at } : { type, actorId, at, subject });
      if (lastMs !== firstMs) events.push({ type, actorId, at: new Date(lastMs).toISOString() });
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
      // Invitees accepted late in the month are watched for 30 days after it.
      const input: MetricsInput = {
        people: await people(tx),
        events: await eventsBetween(tx, from, new Date(until.getTime() + 31 * DAY_MS)),
        kudos: await kudosBetween(tx, from, until),
        invites: await invitesBetween(tx, monthFrom, until),
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
