/** Kudos: the feed with filters and paging, giving with the fairness rules, reactions. */
import {
  REACTION_TYPES,
  type Kudos,
  type KudosInput,
  type KudosQuery,
  type Page,
  type ReactionType,
} from '../../model.js';
import { BackendError } from '../errors.js';
import type { DemoContext } from './context.js';
import { compareCodePoints } from './text.js';
import { COMPANY_VALUES } from './names.js';
import type { KudosRecord } from './seed.js';

export const MAX_KUDOS_MESSAGE_LENGTH = 500;
export const MAX_KUDOS_RECEIVERS = 10;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

interface ReactPayload {
  kudosId: string;
  personId: string;
  type: ReactionType;
  on: boolean;
  at: string;
}

export function createKudosModule(context: DemoContext) {
  const { store } = context;
  const addKudos = store.defineOp<KudosRecord>('kudos.give', (record) => store.addKudos(record));
  const setReaction = store.defineOp<ReactPayload>('kudos.react', ({ kudosId, personId, type, on, at }) => {
    if (on) store.addReaction({ kudosId, personId, type, at });
    else store.removeReaction(kudosId, personId, type);
  });

  function toKudos(record: KudosRecord): Kudos {
    const reactions = store.reactionsOf(record.id);
    return {
      id: record.id,
      from: record.from,
      to: [...record.to],
      value: record.value,
      message: record.message,
      createdAt: record.createdAt,
      reactions: REACTION_TYPES.map((type) => {
        let count = 0;
        let reactedByMe = false;
        for (const reaction of reactions) {
          if (reaction.type !== type) continue;
          count++;
          if (reaction.personId === context.currentUserId) reactedByMe = true;
        }
        return { type, count, reactedByMe };
      }),
    };
  }

  function requireKudos(kudosId: string): KudosRecord {
    const record = store.findKudos(kudosId);
    if (!record) throw new BackendError('not-found', 'This kudos does not exist.', { code: 'kudos.unknown' });
    return record;
  }

  function requireReaction(reaction: ReactionType): void {
    if (!REACTION_TYPES.includes(reaction)) {
      throw new BackendError('invalid', `Unknown reaction "${reaction}".`, { code: 'kudos.reaction' });
    }
  }

  function matcher(query: KudosQuery): (record: KudosRecord) => boolean {
    const value = query.value?.toLowerCase();
    const department = query.department;
    const inDepartment = (id: string) => store.people.get(id)?.department === department;
    return (record) =>
      (query.person === undefined || record.to.includes(query.person)) &&
      (query.from === undefined || record.from === query.from) &&
      (value === undefined || record.value?.toLowerCase() === value) &&
      (department === undefined || inDepartment(record.from) || record.to.some(inDepartment));
  }

  return {
    toKudos,

    /** Newest first. The cursor is the id of the last kudos of the previous page. */
    listKudos(query: KudosQuery): Page<Kudos> {
      const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)));
      const matches = matcher(query);
      const kudosList = store.kudos;
      let start = kudosList.length - 1;
      if (query.cursor !== undefined) {
        while (start >= 0 && kudosList[start].id !== query.cursor) start--;
        if (start < 0)
          throw new BackendError('invalid', 'The kudos cursor is not valid.', { code: 'kudos.cursor' });
        start--;
      }
      const items: Kudos[] = [];
      let total = 0;
      let more = false;
      for (let position = kudosList.length - 1; position >= 0; position--) {
        const record = kudosList[position];
        if (!matches(record)) continue;
        total++;
        if (position > start) continue;
        if (items.length < limit) items.push(toKudos(record));
        else more = true;
      }
      return { items, next: more ? items[items.length - 1].id : undefined, total };
    },

    giveKudos(input: KudosInput): Kudos {
      const giver = context.currentUserId;
      const to = [...new Set(input.to ?? [])];
      if (to.length === 0)
        throw new BackendError('invalid', 'Choose at least one colleague.', { code: 'kudos.no-receiver' });
      if (to.length > MAX_KUDOS_RECEIVERS) {
        throw new BackendError(
          'invalid',
          `Kudos can go to at most ${MAX_KUDOS_RECEIVERS} colleagues at once.`,
          { code: 'kudos.too-many' },
        );
      }
      const receivers = to.map((id) => {
        const person = store.findPerson(id);
        if (!person)
          throw new BackendError('invalid', `There is no colleague "${id}".`, {
            code: 'kudos.unknown-person',
          });
        return person.id;
      });
      if (receivers.includes(giver))
        throw new BackendError('invalid', 'You cannot give kudos to yourself.', { code: 'kudos.self' });
      const message = (input.message ?? '').trim();
      if (message.length === 0 || message.length > MAX_KUDOS_MESSAGE_LENGTH) {
        throw new BackendError('invalid', `Write a message of 1 to ${MAX_KUDOS_MESSAGE_LENGTH} characters.`, {
          code: 'kudos.message',
        });
      }
      let value: string | undefined;
      if (input.value !== undefined && input.value !== '') {
        value = COMPANY_VALUES.find(
          (candidate) => candidate.toLowerCase() === input.value!.trim().toLowerCase(),
        );
        if (!value)
          throw new BackendError('invalid', `"${input.value}" is not one of the company values.`, {
            code: 'kudos.value',
          });
      }
      const now = store.now();
      const dayStart = new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
      ).toISOString();
      const kudosList = store.kudos;
      for (const receiver of receivers) {
        let given = 0;
        for (
          let position = kudosList.length - 1;
          position >= 0 && kudosList[position].createdAt >= dayStart;
          position--
        ) {
          const record = kudosList[position];
          if (record.from === giver && record.to.includes(receiver)) given++;
        }
        if (given >= context.kudosDailyLimit) {
          const name = store.people.get(receiver)!.name;
          throw new BackendError(
            'invalid',
            `You already gave ${name} ${given} kudos today; try again tomorrow.`,
            { code: 'kudos.daily-limit' },
          );
        }
      }
      const record: KudosRecord = {
        id: store.newId('k'),
        from: giver,
        to: receivers,
        value,
        message,
        createdAt: now.toISOString(),
      };
      addKudos(record);
      return toKudos(record);
    },

    react(kudosId: string, reaction: ReactionType, on: boolean): Kudos {
      const record = requireKudos(kudosId);
      requireReaction(reaction);
      const reacted = store.hasReacted(kudosId, context.currentUserId, reaction);
      if (reacted !== on)
        setReaction({ kudosId, personId: context.currentUserId, type: reaction, on, at: store.nowIso() });
      return toKudos(record);
    },

    listReactors(kudosId: string, reaction: ReactionType): string[] {
      requireKudos(kudosId);
      requireReaction(reaction);
      return store
        .reactionsOf(kudosId)
        .filter((record) => record.type === reaction)
        .sort((a, b) => compareCodePoints(a.at, b.at))
        .map((record) => record.personId);
    },

    kudosValues(): string[] {
      return [...COMPANY_VALUES];
    },
  };
}
