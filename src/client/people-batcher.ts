import type { Person } from '../model.js';
import { Participants } from './participants.js';
import { abortedError } from '../errors.js';
import type { Timing } from './timing.js';

interface Lookup {
  key: string;
  promise: Promise<Person | null>;
  resolve: (person: Person | null) => void;
  reject: (error: unknown) => void;
  participants: Participants;
  batch?: Batch;
}

interface Batch {
  controller: AbortController;
  /** Lookups in this batch that still have a caller. */
  live: number;
}

export interface PeopleBatcherOptions {
  batchWindowMs: number;
  maxBatchSize: number;
  /** One backend call for a chunk of keys (already retried); results in the same order. */
  fetchChunk: (keys: string[], signal: AbortSignal) => Promise<(Person | null)[]>;
  /** Called with each answer before callers see it, to fill the cache. */
  onLoaded: (key: string, person: Person | null) => void;
}

/** A zero window sends after this many microtask turns in a row without a new lookup… */
const QUIET_TURNS = 8;
/** …or after this many turns in all, however many lookups still come. */
const MAX_SETTLE_TURNS = 1000;

/**
 * Collects people lookups from every element on the page for one short window, removes
 * duplicates and sends them in chunks: 200 profile cards make one call, not 200.
 */
export class PeopleBatcher {
  readonly #lookups = new Map<string, Lookup>();
  #pending: Lookup[] = [];
  #windowTimer?: number;
  /** Bumped for every scheduled send and on dispose, so a stale settle check sends nothing. */
  #sendTicket = 0;

  readonly #options: PeopleBatcherOptions;
  readonly #timing: Timing;

  constructor(options: PeopleBatcherOptions, timing: Timing) {
    this.#options = options;
    this.#timing = timing;
  }

  /** Looks a key up in the next batch (or joins a lookup already on its way). */
  load(key: string, signal?: AbortSignal): Promise<Person | null> {
    if (signal?.aborted) return Promise.reject(abortedError());
    const lookup = this.#lookups.get(key) ?? this.#enqueue(key);
    return lookup.participants.join(lookup.promise, signal);
  }

  dispose(): void {
    if (this.#windowTimer !== undefined) this.#timing.clearTimeout(this.#windowTimer);
    this.#windowTimer = undefined;
    this.#sendTicket++;
  }

  #enqueue(key: string): Lookup {
    let resolve!: Lookup['resolve'];
    let reject!: Lookup['reject'];
    const promise = new Promise<Person | null>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined);
    const lookup: Lookup = {
      key,
      promise,
      resolve,
      reject,
      participants: new Participants(() => this.#abandon(lookup)),
    };
    this.#lookups.set(key, lookup);
    this.#pending.push(lookup);
    this.#scheduleSend();
    return lookup;
  }

  /** A send is scheduled while its window timer is set. */
  #scheduleSend(): void {
    if (this.#windowTimer !== undefined) return;
    const ticket = ++this.#sendTicket;
    const sendOnce = (): void => {
      if (ticket === this.#sendTicket && this.#windowTimer !== undefined) this.#send();
    };
    this.#windowTimer = this.#timing.setTimeout(sendOnce, this.#options.batchWindowMs);
    // A zero window ends when the page's elements stop asking: a page of cards connects in one task and
    // each card's lookup comes a few promise steps after its first render, so the lookups are gathered
    // until a microtask turn adds none. No timer (after a long task the browser paints before it runs
    // one) and no frame callback: the data layer does not wait for, or race, rendering.
    if (this.#options.batchWindowMs <= 0) this.#sendWhenSettled(ticket, sendOnce);
  }

  /**
   * Calls `send` once `QUIET_TURNS` microtask turns in a row added no lookup (a lookup behind an awaited
   * promise arrives a few turns after one behind none), or after `MAX_SETTLE_TURNS` turns in all.
   */
  #sendWhenSettled(ticket: number, send: () => void): void {
    let seen = this.#pending.length;
    let quiet = 0;
    let turns = 0;
    const check = (): void => {
      if (ticket !== this.#sendTicket) return;
      if (this.#pending.length !== seen) {
        seen = this.#pending.length;
        quiet = 0;
      } else quiet += 1;
      if (quiet >= QUIET_TURNS || ++turns >= MAX_SETTLE_TURNS) return send();
      queueMicrotask(check);
    };
    queueMicrotask(check);
  }

  /** Every caller of this lookup gave up: drop it, and cancel its batch once nobody in it waits. */
  #abandon(lookup: Lookup): void {
    if (this.#lookups.get(lookup.key) === lookup) this.#lookups.delete(lookup.key);
    if (!lookup.batch) {
      this.#pending = this.#pending.filter((other) => other !== lookup);
    } else if (--lookup.batch.live === 0) {
      lookup.batch.controller.abort();
    }
  }

  #send(): void {
    if (this.#windowTimer !== undefined) this.#timing.clearTimeout(this.#windowTimer);
    this.#windowTimer = undefined;
    const queued = this.#pending;
    this.#pending = [];
    for (let start = 0; start < queued.length; start += this.#options.maxBatchSize) {
      this.#sendChunk(queued.slice(start, start + this.#options.maxBatchSize));
    }
  }

  #sendChunk(chunk: Lookup[]): void {
    const batch: Batch = { controller: new AbortController(), live: chunk.length };
    for (const lookup of chunk) lookup.batch = batch;
    const settle = (lookup: Lookup): void => {
      if (this.#lookups.get(lookup.key) === lookup) this.#lookups.delete(lookup.key);
    };
    this.#options
      .fetchChunk(
        chunk.map((lookup) => lookup.key),
        batch.controller.signal,
      )
      .then(
        (people) => {
          chunk.forEach((lookup, index) => {
            const person = people[index] ?? null;
            settle(lookup);
            this.#options.onLoaded(lookup.key, person);
            lookup.resolve(person);
          });
        },
        (error: unknown) => {
          for (const lookup of chunk) {
            settle(lookup);
            lookup.reject(error);
          }
        },
      );
  }
}
