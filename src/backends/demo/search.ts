/**
 * People search for the demo backend, ranked by the expertise ranking (`src/search/`,
 * `docs/expertise-ranking.md`): accent- and case-insensitive, skills with punctuation, evidence for
 * every match, facets. The in-memory index is built once, on the first search, and kept up to date
 * on writes: endorsements re-index the endorsed person, new kudos count towards recent kudos.
 */
import type { PeopleQuery, PeopleSearchResult, Person, PersonMatch } from '../../model.js';
import { BackendError } from '../../errors.js';
import { PeopleIndex } from '../../search/index.js';
import type { DemoContext } from './context.js';
import { toPerson } from './people.js';
import type { DemoPersonRecord } from './seed.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export function createSearchModule(context: DemoContext) {
  const { store } = context;
  let index: PeopleIndex | undefined;
  /** How many of `store.kudos` the index has seen (kudos are only ever appended). */
  let indexedKudos = 0;
  /** People whose endorsements changed since the index last saw them. */
  const changedPeople = new Set<string>();

  // Endorsement writes (and their replay on load) go through these two store methods; noting the
  // person here keeps the index current without rebuilding it or changing the other modules.
  const addEndorsement = store.addEndorsement.bind(store);
  const removeEndorsement = store.removeEndorsement.bind(store);
  store.addEndorsement = (record) => {
    addEndorsement(record);
    if (index) changedPeople.add(record.personId);
  };
  store.removeEndorsement = (personId, skill, endorserId) => {
    removeEndorsement(personId, skill, endorserId);
    if (index) changedPeople.add(personId);
  };

  /** What the index needs of a person: fields and skills with the current endorsement counts. */
  function forIndex(record: DemoPersonRecord): Person {
    return {
      id: record.id,
      name: record.name,
      title: record.title,
      department: record.department,
      about: record.about,
      isManagement: record.isManagement,
      isMember: record.isMember,
      links: [],
      skills: record.skills.map((skill) => ({
        name: skill.name,
        level: skill.level,
        tags: skill.tags,
        endorsements: store.endorsementsOf(record.id, skill.name, context.currentUserId).count,
        // Not used for ranking; the result carries the viewer's own view (toPerson).
        endorsedByMe: false,
      })),
    };
  }

  /** The index, built on first use and brought up to date with writes since the last search. */
  function currentIndex(): PeopleIndex {
    if (!index) {
      // Searching must not force generating six months of kudos for a very large demo company.
      const kudos = store.historyReady ? store.kudos : [];
      index = new PeopleIndex(store.data.people.map(forIndex), { kudos, now: () => store.now().getTime() });
      indexedKudos = kudos.length;
      changedPeople.clear();
    }
    for (const id of changedPeople) {
      const record = store.people.get(id);
      if (record) index.upsert(forIndex(record));
    }
    changedPeople.clear();
    if (store.historyReady && store.kudos.length > indexedKudos) {
      index.addKudos(store.kudos.slice(indexedKudos));
      indexedKudos = store.kudos.length;
    }
    return index;
  }

  return {
    searchPeople(query: PeopleQuery): PeopleSearchResult {
      const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
      const offset = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10);
      if (!Number.isInteger(offset) || offset < 0) {
        throw new BackendError('invalid', 'The search cursor is not valid.', { code: 'search.cursor' });
      }
      const result = currentIndex().search({ ...query, limit, cursor: String(offset) });
      // Fresh people as the viewer sees them (endorsedByMe, kudos received); callers may mutate them.
      const items: PersonMatch[] = result.items.map((match) => ({
        ...match,
        person: toPerson(store, store.people.get(match.person.id)!, context.currentUserId),
      }));
      return { ...result, items };
    },
  };
}
