import { Participants } from './participants.js';
import { abortedError } from '../errors.js';
import type { Timing } from './timing.js';

const PRUNE_EVERY = 500;

export type Freshness = 'fresh' | 'stale' | 'missing';

interface Entry {
  value: unknown;
  storedAt: number;
}

interface Flight {
  promise: Promise<unknown>;
  participants: Participants;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Overrides the default freshness for this key, e.g. short-lived search results. */
  ttlMs?: number;
}

/**
 * Cache with a TTL and stale-while-revalidate, plus de-duplication of identical reads in flight.
 * Keys come from `stableKey` (method + arguments).
 */
export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #flights = new Map<string, Flight>();
  #writes = 0;

  readonly #timing: Timing;
  readonly #ttlMs: number;
  readonly #staleMs: number;

  constructor(timing: Timing, ttlMs: number, staleMs: number) {
    this.#timing = timing;
    this.#ttlMs = ttlMs;
    this.#staleMs = staleMs;
  }

  /** Cached value (fresh or stale) or undefined. */
  peek(key: string): unknown {
    const entry = this.#entries.get(key);
    return entry && this.freshness(key) !== 'missing' ? entry.value : undefined;
  }

  freshness(key: string, ttlMs = this.#ttlMs): Freshness {
    const entry = this.#entries.get(key);
    if (!entry) return 'missing';
    const age = this.#timing.now() - entry.storedAt;
    if (age < ttlMs) return 'fresh';
    return age < Math.max(this.#staleMs, ttlMs) ? 'stale' : 'missing';
  }

  set(key: string, value: unknown): void {
    this.#entries.set(key, { value, storedAt: this.#timing.now() });
    if (++this.#writes % PRUNE_EVERY === 0) this.#prune();
  }

  /**
   * Replaces cached values in place, keeping their age: `replace` returns the new value, or undefined
   * to leave an entry as it is.
   */
  replaceEach(replace: (key: string, value: unknown) => unknown): void {
    for (const [key, entry] of this.#entries) {
      const value = replace(key, entry.value);
      if (value !== undefined) entry.value = value;
    }
  }

  /** Long sessions look up many people: forget what is too old to be served anyway. */
  #prune(): void {
    for (const key of [...this.#entries.keys()])
      if (this.freshness(key) === 'missing') this.#entries.delete(key);
  }

  /** Keeps the value for instant rendering but makes the next read revalidate it. */
  markStale(key: string): void {
    const entry = this.#entries.get(key);
    if (entry) entry.storedAt = Math.min(entry.storedAt, this.#timing.now() - this.#ttlMs);
  }

  /** Forgets matching entries, and in-flight reads whose answer may predate the change. */
  invalidate(matches: (key: string) => boolean): void {
    for (const key of [...this.#entries.keys()]) if (matches(key)) this.#entries.delete(key);
    for (const key of [...this.#flights.keys()]) if (matches(key)) this.#flights.delete(key);
  }

  /** Fresh → cached; stale → cached now and revalidated in the background; missing → loaded (shared). */
  read<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const state = this.freshness(key, options.ttlMs);
    if (state !== 'missing') {
      if (state === 'stale') this.#load(key, load).catch(() => undefined);
      return Promise.resolve(this.#entries.get(key)!.value as T);
    }
    return this.#load(key, load, options.signal);
  }

  #load<T>(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortedError());
    let flight = this.#flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const current: Flight = {
        promise: load(controller.signal).then(
          (value) => {
            if (this.#flights.get(key) === current) {
              this.#flights.delete(key);
              this.set(key, value);
            }
            return value;
          },
          (error: unknown) => {
            if (this.#flights.get(key) === current) this.#flights.delete(key);
            throw error;
          },
        ),
        participants: new Participants(() => {
          controller.abort();
          if (this.#flights.get(key) === current) this.#flights.delete(key);
        }),
      };
      current.promise.catch(() => undefined);
      this.#flights.set(key, current);
      flight = current;
    }
    return flight.participants.join(flight.promise as Promise<T>, signal);
  }
}
