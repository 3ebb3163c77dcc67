/**
 * Kudos and endorsements, with the rules of `src/kudos/fairness.ts` (docs/kudos.md): the same checks
 * the composer shows, so a hand-made request cannot bypass them. The giver's row is locked for the
 * write, so two concurrent kudos cannot both slip under the daily limit. Activity events for these
 * writes come from the client (`src/client/write-effects.ts`), not from here, so none is counted twice.
 */
import { randomUUID } from 'node:crypto';
import {
  REACTION_TYPES,
  type Kudos,
  type KudosInput,
  type KudosQuery,
  type Page,
  type ReactionType,
  type Skill,
} from '../../../src/model.js';
import {
  checkKudos,
  kudosRuleMessage,
  MAX_RECEIVERS,
  normaliseReceivers,
  type KudosRuleCode,
} from '../../../src/kudos/fairness.js';
import { MESSAGE_MAX_LENGTH } from '../../../src/kudos/message.js';
import { DAY_MS } from '../../../src/time.js';
import { ApiError, invalid, notFound } from '../errors.js';
import { compact, type Domain, type Tx, type User } from './context.js';
import { requirePerson, skillsOf } from './people.js';

/** The one message limit and receiver limit of src/kudos (the contract says the same). */
export const MAX_KUDOS_MESSAGE_LENGTH = MESSAGE_MAX_LENGTH;
export const MAX_KUDOS_RECEIVERS = MAX_RECEIVERS;

interface KudosRow {
  seq: number;
  id: string;
  from_id: string;
  value: string | null;
  message: string;
  created_at: Date;
}

async function toKudosList(tx: Tx, rows: readonly KudosRow[], viewerId: string): Promise<Kudos[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((row) => row.seq);
  const receivers = await tx.query<{ kudos_seq: number; person_id: string }>(
    'SELECT kudos_seq, person_id FROM kudos_receivers WHERE kudos_seq = ANY($1) ORDER BY kudos_seq, position',
    [seqs],
  );
  const reactions = await tx.query<{ kudos_seq: number; type: ReactionType; count: number; mine: boolean }>(
    `SELECT kudos_seq, type, count(*)::int AS count, bool_or(person_id = $2) AS mine
       FROM reactions WHERE kudos_seq = ANY($1) GROUP BY kudos_seq, type`,
    [seqs, viewerId],
  );
  const to = new Map<number, string[]>();
  for (const row of receivers) to.set(row.kudos_seq, [...(to.get(row.kudos_seq) ?? []), row.person_id]);
  const reacted = new Map(reactions.map((row) => [`${row.kudos_seq}:${row.type}`, row]));
  return rows.map((row) =>
    compact<Kudos>({
      id: row.id,
      from: row.from_id,
      to: to.get(row.seq) ?? [],
      value: row.value ?? undefined,
      message: row.message,
      createdAt: row.created_at.toISOString(),
      reactions: REACTION_TYPES.map((type) => {
        const found = reacted.get(`${row.seq}:${type}`);
        return { type, count: found?.count ?? 0, reactedByMe: found?.mine ?? false };
      }),
    }),
  );
}

async function requireKudos(tx: Tx, kudosId: string): Promise<KudosRow> {
  const [row] = await tx.query<KudosRow>(
    'SELECT seq, id, from_id, value, message, created_at FROM kudos WHERE id = $1',
    [kudosId],
  );
  if (!row) throw notFound('kudos.unknown', 'This kudos does not exist.');
  return row;
}

function requireReaction(reaction: string): asserts reaction is ReactionType {
  if (!REACTION_TYPES.includes(reaction as ReactionType))
    throw invalid('kudos.reaction', `Unknown reaction "${reaction}".`);
}

export function createKudos(domain: Domain) {
  const { config } = domain;

  function refusal(code: KudosRuleCode, receivers: readonly string[], input: KudosInput): ApiError {
    const names = receivers.join(', ');
    return invalid(
      code,
      kudosRuleMessage(code, {
        receiverNames: names,
        value: input.value,
        dailyLimit: config.kudosDailyLimit,
      }),
    );
  }

  return {
    async listKudos(tx: Tx, query: KudosQuery, viewer: User): Promise<Page<Kudos>> {
      const limit = query.limit ?? 20;
      let before: number | null = null;
      if (query.cursor !== undefined) {
        before = Number(query.cursor);
        if (!Number.isSafeInteger(before) || before < 0)
          throw invalid('kudos.cursor', 'The kudos cursor is not valid.');
      }
      // Each filter is a parameter that is either null (off) or the value: one statement, no string building.
      const filters = `($1::text IS NULL OR EXISTS (SELECT 1 FROM kudos_receivers r WHERE r.kudos_seq = k.seq AND r.person_id = $1))
          AND ($2::text IS NULL OR k.from_id = $2)
          AND ($3::text IS NULL OR lower(k.value) = lower($3))
          AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM people p WHERE p.id = k.from_id AND p.department = $4)
               OR EXISTS (SELECT 1 FROM kudos_receivers r JOIN people p ON p.id = r.person_id
                           WHERE r.kudos_seq = k.seq AND p.department = $4))`;
      const params = [
        query.person ?? null,
        query.from ?? null,
        query.value ?? null,
        query.department ?? null,
      ];
      const rows = await tx.query<KudosRow>(
        `SELECT seq, id, from_id, value, message, created_at FROM kudos k
          WHERE ${filters} AND ($5::bigint IS NULL OR k.seq < $5)
          ORDER BY k.seq DESC LIMIT $6`,
        [...params, before, limit + 1],
      );
      const [{ total }] = await tx.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM kudos k WHERE ${filters}`,
        params,
      );
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      return compact({
        items: await toKudosList(tx, page, viewer.id),
        next: more ? String(page[page.length - 1].seq) : undefined,
        total,
      });
    },

    async giveKudos(tx: Tx, input: KudosInput, giver: User): Promise<Kudos> {
      // Serialises this giver's writes: the daily limit below counts what is committed.
      await tx.query('SELECT id FROM people WHERE id = $1 FOR UPDATE', [giver.id]);
      const now = domain.now();
      const asked = normaliseReceivers(input.to ?? []);
      const found = await tx.query<{ id: string; email: string | null }>(
        'SELECT id, email FROM people WHERE id = ANY($1) OR lower(email) = ANY($2)',
        [asked, asked.map((id) => id.toLowerCase())],
      );
      const idOf = (key: string) =>
        found.find((row) => row.id === key)?.id ??
        found.find((row) => row.email?.toLowerCase() === key.toLowerCase())?.id ??
        key;
      const receivers = [...new Set(asked.map(idOf))];
      const known = new Set(found.map((row) => row.id));
      const rawValue = input.value?.trim();
      const value = rawValue
        ? (config.kudosValues.find((candidate) => candidate.toLowerCase() === rawValue.toLowerCase()) ??
          rawValue)
        : undefined;
      const recent = await tx.query<{ to: string[]; created_at: Date }>(
        `SELECT array_agg(r.person_id) AS to, k.created_at FROM kudos k JOIN kudos_receivers r ON r.kudos_seq = k.seq
          WHERE k.from_id = $1 AND k.created_at > $2 GROUP BY k.seq, k.created_at`,
        [giver.id, new Date(now.getTime() - DAY_MS)],
      );
      const [violation] = checkKudos(
        { to: receivers, value, message: input.message ?? '' },
        {
          giverId: giver.id,
          givenByGiver: recent.map((row) => ({ to: row.to, createdAt: row.created_at.toISOString() })),
          now: now.getTime(),
          dailyLimit: config.kudosDailyLimit,
          values: config.kudosValues,
          personExists: (id) => known.has(id),
          maxLength: MAX_KUDOS_MESSAGE_LENGTH,
          maxReceivers: MAX_KUDOS_RECEIVERS,
        },
      );
      if (violation) throw refusal(violation.code, violation.receivers ?? [], input);
      const id = `k-${randomUUID()}`;
      const [row] = await tx.query<KudosRow>(
        `INSERT INTO kudos (id, from_id, value, message, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING seq, id, from_id, value, message, created_at`,
        [id, giver.id, value ?? null, (input.message ?? '').trim(), now],
      );
      for (const [position, receiver] of receivers.entries()) {
        await tx.query('INSERT INTO kudos_receivers (kudos_seq, person_id, position) VALUES ($1, $2, $3)', [
          row.seq,
          receiver,
          position,
        ]);
      }
      domain.touched();
      return (await toKudosList(tx, [row], giver.id))[0];
    },

    async react(tx: Tx, kudosId: string, reaction: string, on: boolean, user: User): Promise<Kudos> {
      requireReaction(reaction);
      const row = await requireKudos(tx, kudosId);
      if (on) {
        await tx.query(
          `INSERT INTO reactions (kudos_seq, person_id, type, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [row.seq, user.id, reaction, domain.now()],
        );
      } else {
        await tx.query('DELETE FROM reactions WHERE kudos_seq = $1 AND person_id = $2 AND type = $3', [
          row.seq,
          user.id,
          reaction,
        ]);
      }
      return (await toKudosList(tx, [row], user.id))[0];
    },

    async listReactors(tx: Tx, kudosId: string, reaction: string): Promise<string[]> {
      requireReaction(reaction);
      const row = await requireKudos(tx, kudosId);
      const rows = await tx.query<{ person_id: string }>(
        'SELECT person_id FROM reactions WHERE kudos_seq = $1 AND type = $2 ORDER BY at, person_id',
        [row.seq, reaction],
      );
      return rows.map((item) => item.person_id);
    },

    /** One endorsement per person per skill, never your own (endorsing again changes nothing). */
    async endorse(tx: Tx, personId: string, skill: string, on: boolean, user: User): Promise<Skill> {
      const person = await requirePerson(tx, personId);
      const [declared] = await tx.query<{ name: string }>(
        'SELECT name FROM skills WHERE person_id = $1 AND lower(name) = lower($2)',
        [person.id, skill],
      );
      if (!declared)
        throw notFound('endorsement.unknown-skill', `${person.name} has not listed the skill "${skill}".`);
      if (on && person.id === user.id)
        throw invalid('endorsement.self', 'You cannot endorse your own skills.');
      if (on) {
        await tx.query(
          'INSERT INTO endorsements (person_id, skill, endorser_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [person.id, declared.name, user.id, domain.now()],
        );
      } else {
        await tx.query(
          'DELETE FROM endorsements WHERE person_id = $1 AND lower(skill) = lower($2) AND endorser_id = $3',
          [person.id, declared.name, user.id],
        );
      }
      domain.touched();
      const skills = (await skillsOf(tx, [person.id], user.id)).get(person.id) ?? [];
      return skills.find((item) => item.name === declared.name)!;
    },
  };
}

export type KudosService = ReturnType<typeof createKudos>;
