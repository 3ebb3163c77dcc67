import type { CallOptions } from '../backends/backend.js';
import type { Person } from '../model.js';
import { PeopleBatcher } from './people-batcher.js';
import { CURRENT_USER_KEY, PeopleCache, personKey } from './people-cache.js';
import type { ReadCache } from './read-cache.js';
import type { Timing } from './timing.js';

export interface PeopleReadsOptions {
  batchWindowMs: number;
  maxBatchSize: number;
  /** One adapter look-up (already retried): summaries, or with `details` everything an opened card shows. */
  fetchPeople: (keys: string[], details: boolean, signal: AbortSignal) => Promise<(Person | null)[]>;
  /** The signed-in user from the adapter (already retried). */
  fetchCurrentUser: (signal: AbortSignal) => Promise<Person>;
  /** People whose cached record changed, so cards showing the old one re-read. */
  onChanged: (ids: string[]) => void;
}

/**
 * The client's people look-ups: `me`, by id or e-mail, batched across the page, served from the cache
 * while fresh (and while stale, revalidated), with one `details` look-up when a card is opened.
 */
export class PeopleReads {
  readonly cache: PeopleCache;
  readonly #batcher: PeopleBatcher;
  /** Opened cards (hover cards, full cards) opened in one window share one `details` look-up. */
  readonly #detailsBatcher: PeopleBatcher;

  readonly #reads: ReadCache;
  readonly #options: PeopleReadsOptions;

  constructor(reads: ReadCache, timing: Timing, options: PeopleReadsOptions) {
    this.#reads = reads;
    this.#options = options;
    this.cache = new PeopleCache(reads, options.onChanged);
    const batcher = (details: boolean): PeopleBatcher =>
      new PeopleBatcher(
        {
          batchWindowMs: options.batchWindowMs,
          maxBatchSize: options.maxBatchSize,
          fetchChunk: (keys, signal) => options.fetchPeople(keys, details, signal),
          onLoaded: (key, person) => this.cache.store(key, person),
        },
        timing,
      );
    this.#batcher = batcher(false);
    this.#detailsBatcher = batcher(true);
  }

  currentUser(options?: CallOptions): Promise<Person> {
    return this.#reads.read(
      CURRENT_USER_KEY,
      async (signal) => {
        const me = await this.#options.fetchCurrentUser(signal);
        this.cache.store(me.id, me);
        return me;
      },
      options,
    );
  }

  person(idOrEmail: string, options?: CallOptions): Promise<Person | null> {
    if (idOrEmail === 'me') {
      const me = this.currentUser(options);
      return options?.details
        ? me.then((user) => (user.summaryOnly ? this.person(user.id, options) : user))
        : me;
    }
    const key = personKey(idOrEmail);
    if (options?.details) return this.#personDetails(key, options);
    const freshness = this.cache.freshness(key);
    if (freshness === 'missing') return this.#batcher.load(key, options?.signal);
    if (freshness === 'stale') this.#batcher.load(key).catch(() => undefined);
    return Promise.resolve(this.cache.peek(key) ?? null);
  }

  /**
   * An opened card's person: the cached record when it is complete, else one look-up with `details`
   * (skills, "about me"), made only now, for adapters that send summaries to page-wide look-ups.
   */
  #personDetails(key: string, options: CallOptions): Promise<Person | null> {
    const cached = this.cache.peek(key);
    if (cached === null || (cached && !cached.summaryOnly)) {
      // Stale-while-revalidate, as for summaries: e.g. a kudos just received changes the count.
      if (this.cache.freshness(key) === 'stale') this.#batcher.load(key).catch(() => undefined);
      return Promise.resolve(cached);
    }
    return this.#detailsBatcher.load(key, options.signal);
  }

  dispose(): void {
    this.#batcher.dispose();
    this.#detailsBatcher.dispose();
  }
}
