import type { PeopleSearchResult, Person } from '../model.js';
import type { Freshness, ReadCache } from './read-cache.js';
import { stableKey } from './stable-key.js';

export const CURRENT_USER_KEY = stableKey('currentUser', []);
const SEARCH_CACHE_PREFIX = 'searchPeople:';
const PERSON_CACHE_PREFIX = 'person:';

/** E-mail addresses match case-insensitively; ids are kept as given. */
export function personKey(idOrEmail: string): string {
  return idOrEmail.includes('@') ? idOrEmail.trim().toLowerCase() : idOrEmail;
}

/**
 * People in the client's read cache: each record under the key a card asked for, its id and its
 * lower-cased e-mail, so `person('jan@acme.nl')` and `person('p1')` share one copy. Records that change
 * are announced (`onChanged`) so cards showing the old one re-read.
 */
export class PeopleCache {
  readonly #cache: ReadCache;
  readonly #onChanged: (ids: string[]) => void;

  constructor(cache: ReadCache, onChanged: (ids: string[]) => void) {
    this.#cache = cache;
    this.#onChanged = onChanged;
  }

  /** The cached record: a person, `null` (known not to exist) or undefined (not cached). */
  peek(key: string): Person | null | undefined {
    return this.#cache.peek(cacheKey(key)) as Person | null | undefined;
  }

  /** The signed-in user's cached record, or the person's (by id or e-mail). */
  peekPerson(idOrEmail: string): Person | undefined {
    const key = idOrEmail === 'me' ? CURRENT_USER_KEY : cacheKey(personKey(idOrEmail));
    return (this.#cache.peek(key) as Person | null | undefined) ?? undefined;
  }

  freshness(key: string): Freshness {
    return this.#cache.freshness(cacheKey(key));
  }

  /** The person's record may be out of date (e.g. kudos received): kept for rendering, revalidated. */
  markStale(id: string): void {
    this.#cache.markStale(cacheKey(id));
  }

  /** Caches a person under the requested key, its id and its lower-cased e-mail. */
  store(requestedKey: string, loaded: Person | null, announce = true): void {
    const known = this.peek(personKey(requestedKey));
    const person = loaded && known ? keepDetails(loaded, known) : loaded;
    const keys = new Set([personKey(requestedKey)]);
    if (person) keys.add(person.id);
    if (person?.email) keys.add(person.email.toLowerCase());
    let changed = false;
    for (const key of keys) {
      const before = this.#cache.peek(cacheKey(key));
      if (before !== undefined && before !== person && JSON.stringify(before) !== JSON.stringify(person)) {
        changed = true;
      }
      this.#cache.set(cacheKey(key), person);
    }
    const me = this.#cache.peek(CURRENT_USER_KEY) as Person | undefined;
    if (person && me?.id === person.id && me !== person) this.#cache.set(CURRENT_USER_KEY, person);
    // A refreshed record that differs tells cards showing the old one to re-read.
    if (changed && person && announce) this.#onChanged([person.id]);
  }

  /**
   * Newer records the backend sent on its own (photos that followed the names): every cached copy is
   * replaced, under whichever key a card asked for it, and the cards showing them re-read once.
   */
  learn(people: readonly Person[]): void {
    const byId = new Map(people.map((person) => [person.id, person]));
    const ids = new Set<string>();
    const newer = (known: Person): Person | undefined => {
      const update = byId.get(known.id);
      if (!update) return undefined;
      ids.add(known.id);
      return keepDetails(update, known);
    };
    this.#cache.replaceEach((key, value) => {
      // Search results hold people too: a finder re-reading its results gets the newer records.
      if (key.startsWith(SEARCH_CACHE_PREFIX)) return withNewerPeople(value as PeopleSearchResult, newer);
      if (key !== CURRENT_USER_KEY && !key.startsWith(PERSON_CACHE_PREFIX)) return undefined;
      const known = value as Person | null;
      return known ? newer(known) : undefined;
    });
    if (ids.size) this.#onChanged([...ids]);
  }
}

function cacheKey(key: string): string {
  return `${PERSON_CACHE_PREFIX}${key}`;
}

/** The search result with its people replaced where `newer` has a newer record; undefined when none. */
function withNewerPeople(
  result: PeopleSearchResult,
  newer: (known: Person) => Person | undefined,
): PeopleSearchResult | undefined {
  let replaced = false;
  const items = result.items.map((match) => {
    const person = newer(match.person);
    if (!person) return match;
    replaced = true;
    return { ...match, person };
  });
  return replaced ? { ...result, items } : undefined;
}

/** A summary (no skills, no "about me") refreshes what it carries and keeps details already loaded. */
function keepDetails(person: Person, known: Person | null): Person {
  if (!person.summaryOnly || !known || known.summaryOnly || known.id !== person.id) return person;
  return { ...person, skills: known.skills, about: known.about, summaryOnly: undefined };
}
