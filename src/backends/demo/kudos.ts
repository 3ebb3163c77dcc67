/**
 * Kudos: the feed with filters and paging, giving with the fairness rules (shared with every
 * backend through `src/kudos/fairness.ts`, see docs/kudos.md), reactions.
 */
import {
  REACTION_TYPES,
  type Kudos,
  type KudosInput,
  type KudosQuery,
  type Page,
  type ReactionType,
} from '../../model.js';
import { BackendError } from '../../errors.js';
import { MESSAGE_MAX_LENGTH } from '../../kudos/message.js';
import type { DemoContext } from './context.js';
import { compareCodePoints } from './text.js';
import { COMPANY_VALUES } from './names.js';
import {
  checkKudos,
  DEFAULT_DAILY_LIMIT,
  kudosRuleMessage,
  normaliseReceivers,
  type KudosViolation,
} from '../../kudos/fairness.js';
import { DAY_MS } from '../../time.js';
import type { KudosRecord } from './seed.js';

/** The one message limit (src/kudos/message.ts), under the demo's older name. */
export const MAX_KUDOS_MESSAGE_LENGTH = MESSAGE_MAX_LENGTH;
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
      ...(record.lang ? { lang: record.lang } : {}),
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

  /**
   * The demo "server" lives in the page, so going offline would not stop it. Kudos writes behave
   * like real requests instead: while the browser reports being offline (e.g. DevTools → Offline)
   * they fail with a `network` error, so the outbox, retries and "not sent" can be tried out.
   */
  function failWhenOffline(): void {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new BackendError('network', 'The server could not be reached (the browser is offline).');
    }
  }

  /** A positive whole number, else the default of 3 (a typo must not switch the rule off). */
  function dailyLimit(): number {
    const limit = context.kudosDailyLimit;
    return Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_DAILY_LIMIT;
  }

  /** Kudos the giver gave in the 24 hours before `now` (the list is sorted by time). */
  function givenInLastDay(giver: string, now: number): KudosRecord[] {
    const since = new Date(now - DAY_MS).toISOString();
    const kudosList = store.kudos;
    const recent: KudosRecord[] = [];
    for (
      let position = kudosList.length - 1;
      position >= 0 && kudosList[position].createdAt > since;
      position--
    ) {
      if (kudosList[position].from === giver) recent.push(kudosList[position]);
    }
    return recent;
  }

  /** The rule as a BackendError: kind `invalid`, the rule's code, an English message for logs and APIs. */
  function refusal(violation: KudosViolation, input: KudosInput): BackendError {
    const names = (violation.receivers ?? []).map((id) => store.findPerson(id)?.name ?? id).join(', ');
    const message = kudosRuleMessage(violation.code, {
      receiverNames: names,
      value: input.value,
      dailyLimit: dailyLimit(),
    });
    return new BackendError('invalid', message, { code: violation.code });
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
      failWhenOffline();
      const giver = context.currentUserId;
      const now = store.now();
      // Receivers may be given by e-mail; the rules and the record use person ids.
      const receivers = [
        ...new Set(normaliseReceivers(input.to ?? []).map((id) => store.findPerson(id)?.id ?? id)),
      ];
      const value =
        input.value === undefined || input.value.trim() === ''
          ? undefined
          : (COMPANY_VALUES.find(
              (candidate) => candidate.toLowerCase() === input.value!.trim().toLowerCase(),
            ) ?? input.value);
      const violation = checkKudos(
        { to: receivers, value, message: input.message ?? '' },
        {
          giverId: giver,
          givenByGiver: givenInLastDay(giver, now.getTime()),
          now: now.getTime(),
          dailyLimit: dailyLimit(),
          values: COMPANY_VALUES,
          personExists: (id) => store.findPerson(id) !== undefined,
          maxLength: MAX_KUDOS_MESSAGE_LENGTH,
          maxReceivers: MAX_KUDOS_RECEIVERS,
        },
      )[0];
      if (violation) throw refusal(violation, input);
      const message = (input.message ?? '').trim();
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
      failWhenOffline();
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
