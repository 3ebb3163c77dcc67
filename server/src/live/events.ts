/**
 * Live events (GET /events): a write records what it changed in `live_events`, in its own transaction,
 * so a rolled-back write tells nobody and a replayed idempotent write tells nobody twice. A transaction
 * lock makes ids grow in commit order (a reader that has seen id N never later finds a smaller one), and
 * `pg_notify` wakes every instance's reader when the write commits.
 */
import type { BadgeAward, Invite, Kudos, ReactionType } from '../../../src/model.js';
import type { Tx } from '../domain/context.js';

export const LIVE_CHANNEL = 'kring_live';
const ORDER_LOCK = 4_242_018;

export type LiveTopic = 'kudos' | 'reaction' | 'endorsement' | 'badge' | 'invite';

/** A kudos as stored: who reacted how, so each reader's `reactedByMe` is filled in when it is sent. */
export interface StoredKudos {
  kudos: Kudos;
  reactors: Partial<Record<ReactionType, string[]>>;
}

export async function recordLiveEvent(
  tx: Tx,
  topic: LiveTopic,
  data: object,
  audience: readonly string[] | null = null,
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ORDER_LOCK]);
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO live_events (topic, audience, data) VALUES ($1, $2, $3) RETURNING id',
    [topic, audience, JSON.stringify(data)],
  );
  await tx.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, String(row.id)]);
}

async function storedKudos(tx: Tx, kudos: Kudos): Promise<StoredKudos> {
  const rows = await tx.query<{ type: ReactionType; people: string[] }>(
    `SELECT r.type, array_agg(r.person_id ORDER BY r.at, r.person_id) AS people
       FROM reactions r JOIN kudos k ON k.seq = r.kudos_seq WHERE k.id = $1 GROUP BY r.type`,
    [kudos.id],
  );
  return {
    kudos: { ...kudos, reactions: kudos.reactions.map((item) => ({ ...item, reactedByMe: false })) },
    reactors: Object.fromEntries(rows.map((row) => [row.type, row.people])),
  };
}

/** What each write tells the streams, given its result (called inside the write's transaction). */
export const liveEffects = {
  async kudos(tx: Tx, kudos: Kudos): Promise<Kudos> {
    await recordLiveEvent(tx, 'kudos', await storedKudos(tx, kudos));
    return kudos;
  },
  async reaction(tx: Tx, kudos: Kudos): Promise<Kudos> {
    await recordLiveEvent(tx, 'reaction', await storedKudos(tx, kudos));
    return kudos;
  },
  async endorsement<T>(tx: Tx, result: T, personId: string, skill: string, endorserId: string, on: boolean) {
    await recordLiveEvent(tx, 'endorsement', { personId, skill, endorserId, on });
    return result;
  },
  async badge(tx: Tx, badge: BadgeAward): Promise<BadgeAward> {
    await recordLiveEvent(tx, 'badge', { badge });
    return badge;
  },
  /** Only an accepted invitation, and only to the two people it concerns (an invitation is private). */
  async invite<T extends { invite?: Invite }>(tx: Tx, result: T): Promise<T> {
    const invite = result.invite;
    if (invite?.status === 'accepted') {
      const audience = [invite.inviterId, ...(invite.inviteeId ? [invite.inviteeId] : [])];
      await recordLiveEvent(tx, 'invite', { invite }, audience);
    }
    return result;
  },
};
