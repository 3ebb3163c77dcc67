import type { Skill } from '../../model.js';
import type { Backend, WriteOptions } from '../backend.js';
import { BackendError, untilAborted } from '../../errors.js';
import type { ListContext } from './context.js';

/** Endorsement counts per person and skill, and which of them are the current user's. */
export interface EndorsementCounts {
  count(person: string, skill: string): number;
  byMe(person: string, skill: string): boolean;
}

export interface EndorsementRecord {
  id: string;
  person: string;
  skill: string;
  endorser: string;
  at: string;
}

/** The endorsement columns the tally reads. */
const ENDORSEMENT_COLUMNS = ['Id', 'Title', 'KringPerson', 'KringEndorser', 'Created'];

/** How long the endorsement tally behind opened cards is reused. */
export const TALLY_TTL_MS = 30_000;

export interface EndorsementLists extends Pick<Backend, 'endorseSkill' | 'unendorseSkill'> {
  /** Every endorsement (the tally, reused for `TALLY_TTL_MS`). */
  records(signal?: AbortSignal): Promise<EndorsementRecord[]>;
  /** Endorsement counts for skills shown on opened cards. */
  counts(signal?: AbortSignal): Promise<EndorsementCounts>;
}

/** Endorsements in the `Kring Endorsements` list: one item per endorser, person and skill. */
export function createEndorsementLists<Item>(ctx: ListContext<Item>): EndorsementLists {
  const { lists, titles, meId, now, text, authorOf } = ctx;
  let tally: { at: number; request: Promise<EndorsementRecord[]> } | undefined;

  function records(signal?: AbortSignal): Promise<EndorsementRecord[]> {
    if (!tally || now() - tally.at > TALLY_TTL_MS) {
      const request = lists
        .all(titles.endorsements, { select: ENDORSEMENT_COLUMNS }, ctx.detachSharedReads ? undefined : signal)
        .then((items) =>
          items.map((item) => ({
            id: lists.id(item),
            person: text(item, 'KringPerson') ?? '',
            skill: text(item, 'Title') ?? '',
            endorser: authorOf(item),
            at: lists.created(item) ?? '',
          })),
        );
      request.catch(() => (tally = undefined));
      tally = { at: now(), request };
    }
    return ctx.detachSharedReads ? untilAborted(tally.request, signal) : tally.request;
  }

  async function counts(signal?: AbortSignal): Promise<EndorsementCounts> {
    const [all, myId] = await Promise.all([records(signal), meId(signal)]);
    const byKey = new Map<string, number>();
    const mine = new Set<string>();
    for (const record of all) {
      const key = `${record.person}\n${record.skill.toLowerCase()}`;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
      if (record.endorser === myId) mine.add(key);
    }
    return {
      count: (person, skill) => byKey.get(`${person}\n${skill.toLowerCase()}`) ?? 0,
      byMe: (person, skill) => mine.has(`${person}\n${skill.toLowerCase()}`),
    };
  }

  async function skillState(personId: string, skill: string, signal?: AbortSignal): Promise<Skill> {
    tally = undefined;
    const current = await counts(signal);
    return {
      name: skill,
      level: 'practitioner',
      tags: [],
      endorsements: current.count(personId, skill),
      endorsedByMe: current.byMe(personId, skill),
    };
  }

  async function myItems(personId: string, skill: string, myId: string, top: number, signal?: AbortSignal) {
    const page = await lists.page(
      titles.endorsements,
      { equals: { KringPerson: personId, KringEndorser: myId, Title: skill }, top },
      signal,
    );
    return page.items;
  }

  return {
    records,
    counts,

    async endorseSkill(personId, skill, write: WriteOptions) {
      const myId = await meId(write.signal);
      if (personId === myId) throw new BackendError('invalid', 'You cannot endorse your own skills.');
      if ((await myItems(personId, skill, myId, 1, write.signal)).length === 0) {
        await lists.create(
          titles.endorsements,
          { Title: skill, KringPerson: personId, KringEndorser: myId },
          write.idempotencyKey,
          write.signal,
        );
      }
      return skillState(personId, skill, write.signal);
    },

    async unendorseSkill(personId, skill, write) {
      const myId = await meId(write.signal);
      for (const item of await myItems(personId, skill, myId, 10, write.signal)) {
        if (authorOf(item) === myId) await lists.remove(titles.endorsements, lists.id(item), write.signal);
      }
      return skillState(personId, skill, write.signal);
    },
  };
}
