import { abortedError, BackendError, toBackendError } from '../backends/errors.js';
import { backoffDelay, type BackoffPolicy, type Timing } from './timing.js';
import type { OutboxEntry, WriteKind } from './types.js';

export interface OutboxOptions {
  /** `null` keeps entries in memory only. */
  storage: Storage | null;
  storageKey: string;
  /** Attempts before an entry is marked failed. */
  writeAttempts: number;
  backoff: BackoffPolicy;
  timing: Timing;
  /** Performs the write with `entry.id` as idempotency key. */
  send: (entry: OutboxEntry) => Promise<unknown>;
  /** The backend confirmed the write: invalidate caches, notify. */
  onDelivered: (entry: OutboxEntry, result: unknown) => void;
  /** The list of entries or a state changed. */
  onChange: () => void;
  /** Entries with the same key are sent strictly one after another, oldest first. */
  orderKey?: (entry: OutboxEntry) => string | undefined;
}

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: BackendError) => void;
}

/**
 * Writes that the backend has not confirmed yet, persisted so they survive a reload.
 * Every attempt of one write carries the same idempotency key (the entry id), so a write that
 * reached the server before the page went away is not applied twice.
 */
export class Outbox {
  private entries: OutboxEntry[];
  /** Ids this instance has seen; entries another tab added are left for that tab. */
  private readonly known = new Set<string>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly timers = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private disposed = false;

  constructor(private readonly options: OutboxOptions) {
    this.entries = this.readStored().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const entry of this.entries) this.known.add(entry.id);
  }

  /** Sends what a previous page left unsent (entries that finally failed wait for the user). */
  resume(): void {
    for (const entry of this.entries) if (entry.state !== 'failed') void this.attempt(entry);
  }

  list(kind?: WriteKind): OutboxEntry[] {
    return this.entries.filter((entry) => !kind || entry.kind === kind).map((entry) => ({ ...entry }));
  }

  /** Queues a write and resolves with the backend's answer. */
  enqueue(kind: WriteKind, args: unknown[]): Promise<unknown> {
    const entry: OutboxEntry = {
      id: newIdempotencyKey(),
      kind,
      args: JSON.parse(JSON.stringify(args)) as unknown[],
      state: 'sending',
      attempts: 0,
      createdAt: new Date(this.options.timing.now()).toISOString(),
    };
    this.known.add(entry.id);
    this.entries.push(entry);
    const result = this.wait(entry.id);
    void this.attempt(entry);
    return result;
  }

  /** Sends a waiting or failed entry now, with a fresh round of attempts and the same key. */
  retry(id: string): Promise<unknown> {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry) return Promise.reject(new BackendError('not-found', `No pending write ${id}.`));
    const result = this.wait(id);
    if (!this.inFlight.has(id)) {
      entry.attempts = 0;
      void this.attempt(entry);
    }
    return result;
  }

  /** After the browser comes back online: send every waiting entry now. */
  retryWaiting(): void {
    for (const entry of this.entries) if (entry.state === 'waiting') void this.attempt(entry);
  }

  discard(id: string): void {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry) return;
    this.remove(entry);
    this.settle(id, (waiter) => waiter.reject(abortedError()));
  }

  dispose(): void {
    this.disposed = true;
    for (const handle of this.timers.values()) this.options.timing.clearTimeout(handle);
    this.timers.clear();
  }

  private wait(id: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(id) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(id, list);
    });
  }

  private settle(id: string, each: (waiter: Waiter) => void): void {
    const list = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    list.forEach(each);
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    if (this.disposed || this.inFlight.has(entry.id)) return;
    this.clearTimer(entry.id);
    if (this.queuedBehind(entry)) {
      entry.state = 'waiting';
      this.changed();
      return;
    }
    this.inFlight.add(entry.id);
    entry.state = 'sending';
    entry.attempts++;
    delete entry.nextAttemptAt;
    this.changed();
    let result: unknown;
    try {
      result = await this.sendAlone(entry);
    } catch (thrown) {
      this.inFlight.delete(entry.id);
      this.failed(entry, toBackendError(thrown));
      return;
    }
    this.inFlight.delete(entry.id);
    this.remove(entry);
    this.options.onDelivered(entry, result);
    this.settle(entry.id, (waiter) => waiter.resolve(result));
  }

  /**
   * Sends a write while no other tab sends the same one. Tabs share the stored outbox, so two of them can
   * hold the same write (one made it, another loaded it), and both retry when the browser comes back
   * online. The key keeps the write single, but a list backend looks the key up before it creates:
   * two sends at once would both find nothing. One at a time, the second finds the first one's item.
   */
  private sendAlone(entry: OutboxEntry): Promise<unknown> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks || !this.options.storage) return this.options.send(entry);
    return locks.request(`kring-outbox:${this.options.storageKey}:${entry.id}`, () =>
      this.options.send(entry),
    );
  }

  private failed(entry: OutboxEntry, error: BackendError): void {
    if (!this.entries.includes(entry)) return; // discarded while sending
    if (!error.transient) {
      this.remove(entry);
      this.settle(entry.id, (waiter) => waiter.reject(error));
      return;
    }
    entry.error = error.message;
    if (entry.attempts >= this.options.writeAttempts) {
      entry.state = 'failed';
      this.changed();
      this.settle(entry.id, (waiter) => waiter.reject(error));
      this.sendNextInOrder(entry);
      return;
    }
    const { timing, backoff } = this.options;
    const delay = backoffDelay(entry.attempts - 1, backoff, timing.random, error.retryAfterMs);
    entry.state = 'waiting';
    entry.nextAttemptAt = new Date(timing.now() + delay).toISOString();
    if (!this.disposed) {
      this.timers.set(
        entry.id,
        timing.setTimeout(() => void this.attempt(entry), delay),
      );
    }
    this.changed();
  }

  private remove(entry: OutboxEntry): void {
    this.clearTimer(entry.id);
    this.entries = this.entries.filter((other) => other !== entry);
    this.changed();
    this.sendNextInOrder(entry);
  }

  /** An older unfinished write on the same thing goes first. */
  private queuedBehind(entry: OutboxEntry): boolean {
    const key = this.options.orderKey?.(entry);
    if (key === undefined) return false;
    const index = this.entries.indexOf(entry);
    return this.entries
      .slice(0, index)
      .some((older) => older.state !== 'failed' && this.options.orderKey?.(older) === key);
  }

  /** `done` no longer blocks: start the next write on the same thing, if it is not already on its way. */
  private sendNextInOrder(done: OutboxEntry): void {
    const key = this.options.orderKey?.(done);
    if (key === undefined) return;
    const next = this.entries.find(
      (entry) => entry.state !== 'failed' && this.options.orderKey?.(entry) === key,
    );
    if (next && !this.inFlight.has(next.id) && !this.timers.has(next.id)) void this.attempt(next);
  }

  private clearTimer(id: string): void {
    const handle = this.timers.get(id);
    if (handle !== undefined) this.options.timing.clearTimeout(handle);
    this.timers.delete(id);
  }

  private changed(): void {
    this.persist();
    this.options.onChange();
  }

  private persist(): void {
    const { storage, storageKey } = this.options;
    if (!storage) return;
    const foreign = this.readStored().filter((entry) => !this.known.has(entry.id));
    try {
      const all = [...foreign, ...this.entries];
      if (all.length) storage.setItem(storageKey, JSON.stringify(all));
      else storage.removeItem(storageKey);
    } catch {
      // Storage full or blocked (private mode): the outbox still works for this page.
    }
  }

  private readStored(): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.options.storage?.getItem(this.options.storageKey) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return typeof entry?.id === 'string' && typeof entry.kind === 'string' && Array.isArray(entry.args);
}

/** `crypto.randomUUID` needs a secure context; intranets on plain http get the same v4 format. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
