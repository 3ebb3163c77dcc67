import type { Backend } from '../backends/backend.js';
import { abortedError, BackendError, toBackendError, type BackendErrorKind } from '../errors.js';
import { aloneTabs, browserTabs, type OutboxTabMessage, type OutboxTabs } from './outbox-tabs.js';
import {
  clearStoredOutboxes,
  hasStoredWrites,
  newEntry,
  OUTBOX_STORAGE_PREFIX,
  readSession,
  storedForm,
  storedKey,
  UNKNOWN_USER,
  userRecordKey,
} from './outbox-storage.js';
import { backoffDelay, type BackoffPolicy, type Timing } from './timing.js';
import type { OutboxEntry, OutboxEntryState } from './types.js';
import { writeOrderKey } from './write-order.js';
import { inputFromArgs, isWriteKind, sendWrite, type WriteKind, type WriteRequest } from './writes.js';
import type { LazyOutboxOptions, Queued } from './lazy-outbox.js';
import { applyEffects, writeActivity, writeEffects } from './write-effects.js';

/** The timer of the shared "who is signed in" check. */
const USER_CHECK = 'kring:user-check';
/** Backoff exponent cap: beyond it the ceiling is `backoff.maxMs` anyway. */
const MAX_EXPONENT = 30;

export interface OutboxOptions {
  /** Shared by the tabs of a browser profile (localStorage); `null` keeps entries in memory only. */
  storage: Storage | null;
  /** Tab-scoped (sessionStorage): whose entries to show after a reload while the user cannot be checked. */
  sessionStorage: Storage | null;
  /** The tenant: backend and endpoint. Entries are stored per tenant and user. */
  storageKey: string;
  /** Waits between attempts of a write that could not reach the server; `maxMs` is the cap (minutes). */
  backoff: BackoffPolicy;
  /** Unsent writes older than this are dropped (and listed by `expired()`). */
  maxAgeMs: number;
  timing: Timing;
  /** The signed-in user's id, asked before every send; rejects when it cannot be known (offline). */
  currentUserId: () => Promise<string>;
  /** Performs the write with `entry.id` as idempotency key. */
  send: (entry: OutboxEntry) => Promise<unknown>;
  /** The backend confirmed the write (`here`: this tab sent it; else another tab did). */
  onDelivered: (entry: OutboxEntry, result: unknown, here: boolean) => void;
  /** The list of entries or a state changed. */
  onChange: () => void;
  /** Entries with the same key are sent strictly one after another, oldest first. */
  orderKey?: (entry: OutboxEntry) => string | undefined;
  /** How the tabs sharing `storage` pick one sender and talk; default: this tab alone. */
  tabs?: (name: string) => OutboxTabs;
}

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: BackendError) => void;
  /** The entry's `refusals` when the waiter started: a higher count is this attempt's refusal. */
  refusals: number;
}

/**
 * Writes the backend has not confirmed yet, persisted per tenant and user so they survive a reload.
 *
 * A write that cannot reach the server (offline, network error, timeout, 5xx, 429) waits: it is tried
 * again with backoff capped at `backoff.maxMs`, when the browser comes back online and when the page
 * becomes visible, across reloads, for up to `maxAgeMs`; it never gives up on its own. A write the server
 * refused (any other 4xx) is kept as `failed` with the server's message until the user retries or
 * discards it. Every attempt carries the same idempotency key (the entry id).
 *
 * Only one tab sends (see `OutboxTabs`); the others store their writes, and learn the outcome from the
 * sender. An entry is only sent while its own user is signed in: `currentUserId()` is asked first.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  /** Whose entries are loaded: remembered by this tab, then confirmed by `currentUserId()`. */
  private user?: string;
  private confirmedUser?: string;
  private confirming?: Promise<string>;
  private userChecksFailed = 0;
  private leading = false;
  private readonly tabs: OutboxTabs;
  /** Ids made in this page: they belong to whoever is signed in when it is confirmed. */
  private readonly createdHere = new Set<string>();
  /** Ids this tab saw stored, so a later absence means another tab removed them. */
  private readonly stored = new Set<string>();
  /** Ids delivered, discarded or expired: never taken back from a stale copy. */
  private readonly gone = new Set<string>();
  private readonly expiredEntries: OutboxEntry[] = [];
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly timers = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private disposed = false;

  constructor(private readonly options: OutboxOptions) {
    this.user = readSession(options.sessionStorage, this.userRecordKey) ?? undefined;
    if (this.user) this.entries = this.readStored(this.user);
    const shared = options.storage && options.tabs;
    this.tabs = shared ? shared(`kring-outbox:${options.storageKey}`) : aloneTabs();
    this.tabs.listen((message) => this.heard(message));
  }

  /** Whether this tab is its browser profile's sender. */
  get leader(): boolean {
    return this.leading;
  }

  /** Starts sending: waits to be this profile's sender tab, checks the user, then sends what is stored. */
  start(): void {
    this.expire();
    this.tabs.lead(() => {
      this.leading = true;
      this.sync();
      // A new page (a reload, the next tab taking over) tries at once rather than after the old backoff.
      for (const entry of this.entries) delete entry.nextAttemptAt;
      this.pump();
    });
    this.confirm();
  }

  list<K extends WriteKind>(kind?: K): OutboxEntry<K>[] {
    return this.entries
      .filter((entry) => !kind || entry.kind === kind)
      .map((entry) => ({ ...entry })) as OutboxEntry<K>[];
  }

  /** Writes dropped unsent after `maxAgeMs`, while this page was open or before it loaded. */
  expired<K extends WriteKind>(kind?: K): OutboxEntry<K>[] {
    return this.expiredEntries
      .filter((entry) => !kind || entry.kind === kind)
      .map((entry) => ({ ...entry })) as OutboxEntry<K>[];
  }

  /** Forgets that writes expired (the user read the notice). */
  dismissExpired(kind?: WriteKind): void {
    const keep = this.expiredEntries.filter((entry) => kind && entry.kind !== kind);
    this.expiredEntries.splice(0, this.expiredEntries.length, ...keep);
    this.options.onChange();
  }

  /** Queues a write and resolves with the backend's answer, or rejects when the server refuses it. */
  enqueue(request: WriteRequest): Promise<unknown> {
    return this.takeOver([newEntry(request, this.options.timing.now(), this.confirmedUser)])[0];
  }

  /**
   * Takes up writes made in this page: a new one, or those made before this module had loaded (stored
   * already, maybe). A promise per write, settled as `enqueue`'s is.
   */
  takeOver(made: readonly OutboxEntry[]): Promise<unknown>[] {
    const results = made.map((entry) => {
      this.createdHere.add(entry.id);
      let known = this.find(entry.id);
      if (!known) {
        known = { ...entry };
        this.entries.push(known);
      }
      return this.wait(known);
    });
    this.changed();
    this.pump();
    return results;
  }

  /** Sends a waiting or refused entry now, with the same key. */
  retry(id: string): Promise<unknown> {
    const entry = this.find(id);
    if (!entry) return Promise.reject(new BackendError('not-found', `No pending write ${id}.`));
    const result = this.wait(entry);
    if (!this.inFlight.has(id)) {
      this.clearTimer(id);
      this.update(entry, { state: 'waiting', nextAttemptAt: undefined });
      if (this.leading) void this.attempt(id);
    }
    return result;
  }

  /** The browser is back online or the page visible again: send every waiting entry now. */
  retryWaiting(): void {
    if (!this.leading) return;
    if (!this.confirmedUser) return this.confirm();
    for (const entry of this.entries) {
      if (entry.state === 'failed' || this.inFlight.has(entry.id)) continue;
      this.clearTimer(entry.id);
      void this.attempt(entry.id);
    }
  }

  discard(id: string): void {
    const entry = this.find(id);
    if (!entry) return;
    this.drop(entry);
    this.tabs.post({ type: 'discarded', id });
    this.settle(id, (waiter) => waiter.reject(abortedError()));
  }

  /**
   * The user signed out: every stored outbox of this browser profile (every tenant and user) is removed,
   * waiting promises reject with `aborted`, and the other tabs do the same.
   */
  clearAll(tellOtherTabs = true): void {
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
    for (const entry of this.entries) this.gone.add(entry.id);
    this.entries = [];
    this.expiredEntries.length = 0;
    this.user = this.confirmedUser = this.confirming = undefined;
    this.clearTimer(USER_CHECK);
    clearStoredOutboxes(this.options.storage, this.options.sessionStorage);
    for (const id of [...this.waiters.keys()]) this.settle(id, (waiter) => waiter.reject(abortedError()));
    if (tellOtherTabs) this.tabs.post({ type: 'signed-out' });
    this.options.onChange();
  }

  dispose(): void {
    this.disposed = true;
    for (const handle of this.timers.values()) this.options.timing.clearTimeout(handle);
    this.timers.clear();
    this.tabs.close();
  }

  // ------------------------------------------------------------ the user

  /**
   * Asks who is signed in, once for all entries; loads that user's entries. While that cannot be known
   * (offline at load) one shared timer asks again with backoff, not one per entry.
   */
  private confirm(): void {
    if (this.confirming || this.disposed) return;
    this.clearTimer(USER_CHECK);
    this.confirming = this.options.currentUserId().then(
      (id) => {
        this.confirming = undefined;
        this.userChecksFailed = 0;
        this.adopt(id);
        return id;
      },
      () => {
        this.confirming = undefined;
        // Nothing to send (none in memory, none stored for this tenant): no need to keep asking.
        if (
          this.disposed ||
          !this.leading ||
          (!this.entries.length && !hasStoredWrites(this.options.storage, this.options.storageKey))
        )
          return '';
        const { timing, backoff } = this.options;
        const exponent = Math.min(this.userChecksFailed++, MAX_EXPONENT);
        this.schedule(USER_CHECK, backoffDelay(exponent, backoff, timing.random));
        return '';
      },
    );
  }

  /**
   * `id` is signed in. Entries of another user loaded from this tab's memory are put away unsent (still
   * stored under that user); writes made in this page are the signed-in user's.
   */
  private adopt(id: string): void {
    if (this.confirmedUser === id) return;
    const hadEntries = this.entries.length > 0;
    const madeHere = this.entries.filter((entry) => this.createdHere.has(entry.id) && !entry.userId);
    if (this.user !== id) {
      if (this.user) this.putAway(this.user, madeHere);
      for (const entry of this.entries) this.clearTimer(entry.id);
      this.entries = this.readStored(id);
      this.stored.clear();
      for (const entry of this.entries) this.stored.add(entry.id);
    }
    const unknown = this.readStored(UNKNOWN_USER);
    this.removeStored(UNKNOWN_USER);
    // The one outbox of a tenant before outboxes were kept per user: its user is unknown, so it is dropped.
    this.options.storage?.removeItem(`${OUTBOX_STORAGE_PREFIX}${this.options.storageKey}`);
    for (const entry of [...unknown, ...madeHere]) {
      if (!this.entries.some((known) => known.id === entry.id)) this.entries.push(entry);
    }
    for (const entry of this.entries) entry.userId = id;
    this.entries.sort(byCreation);
    this.user = this.confirmedUser = id;
    writeSession(this.options.sessionStorage, this.userRecordKey, id);
    if (hadEntries || this.entries.length) this.changed();
    this.pump();
  }

  /** Leaves `user`'s stored entries for that user, without the writes made in this page by someone else. */
  private putAway(user: string, madeHere: readonly OutboxEntry[]): void {
    const ids = new Set(madeHere.map((entry) => entry.id));
    const left = this.readStored(user).filter((entry) => !ids.has(entry.id));
    try {
      if (left.length) this.options.storage?.setItem(this.keyFor(user), storedForm(left));
      else this.removeStored(user);
    } catch {
      // Blocked storage holds nothing.
    }
  }

  // ------------------------------------------------------------ sending

  /** The sender starts every entry that is due and not yet on its way; schedules the others. */
  private pump(): void {
    if (!this.leading || this.disposed) return;
    this.expire();
    if (!this.confirmedUser) return this.confirm();
    const now = this.options.timing.now();
    for (const entry of this.entries) {
      if (entry.state === 'failed' || this.inFlight.has(entry.id) || this.timers.has(entry.id)) continue;
      const due = entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) - now : 0;
      if (due > 0) this.schedule(entry.id, due);
      else void this.attempt(entry.id);
    }
  }

  private async attempt(id: string): Promise<void> {
    if (!this.leading || this.disposed || this.inFlight.has(id)) return;
    this.expire();
    const entry = this.find(id);
    if (!entry) return;
    this.clearTimer(id);
    if (this.queuedBehind(entry)) {
      if (entry.state !== 'waiting') this.update(entry, { state: 'waiting' });
      return;
    }
    if (!this.confirmedUser) return this.confirm();
    this.inFlight.add(id);
    let userId: string;
    try {
      // Checked before every send (a cached answer mostly): another user may have signed in meanwhile.
      userId = await this.options.currentUserId();
    } catch (thrown) {
      this.inFlight.delete(id);
      this.unreachable(id, toBackendError(thrown));
      return;
    }
    const current = this.find(id);
    if (!current || current.userId !== userId || this.disposed) {
      this.inFlight.delete(id); // discarded meanwhile, or put away when another user signed in
      if (userId !== this.confirmedUser) this.adopt(userId);
      return;
    }
    this.update(current, {
      state: 'sending',
      attempts: current.attempts + 1,
      nextAttemptAt: undefined,
    });
    let result: unknown;
    try {
      result = await this.options.send(current);
    } catch (thrown) {
      this.inFlight.delete(id);
      this.failed(id, toBackendError(thrown));
      return;
    }
    this.inFlight.delete(id);
    const delivered = this.find(id) ?? current;
    // Before the stored copy goes: a tab that waits learns the outcome before it sees the entry gone.
    this.tabs.post({ type: 'delivered', id, result });
    this.drop(delivered);
    this.options.onDelivered(delivered, result, true);
    this.settle(id, (waiter) => waiter.resolve(result));
  }

  private failed(id: string, error: BackendError): void {
    const entry = this.find(id);
    if (!entry) return; // discarded while sending
    if (error.transient || error.kind === 'aborted') {
      this.unreachable(id, error);
      return;
    }
    // Refused: the server looked at it and said no. Kept, with its message, for the user to decide.
    this.update(entry, {
      state: 'failed',
      error: error.message,
      errorKind: error.kind,
      status: error.status,
      code: error.code,
      refusals: (entry.refusals ?? 0) + 1,
    });
    this.settle(id, (waiter) => waiter.reject(error));
    this.sendNextInOrder(entry);
  }

  /** Not delivered, but not refused either: try again later, however long it takes. */
  private unreachable(id: string, error: BackendError): void {
    const entry = this.find(id);
    if (!entry || this.disposed) return;
    const { timing, backoff } = this.options;
    const exponent = Math.min(Math.max(0, entry.attempts - 1), MAX_EXPONENT);
    const delay = backoffDelay(exponent, backoff, timing.random, error.retryAfterMs);
    this.update(entry, {
      state: 'waiting',
      error: error.message,
      errorKind: error.kind,
      status: error.status,
      code: error.code,
      nextAttemptAt: new Date(timing.now() + delay).toISOString(),
    });
    this.schedule(id, delay);
  }

  private schedule(id: string, delay: number): void {
    this.clearTimer(id);
    this.timers.set(
      id,
      this.options.timing.setTimeout(() => {
        this.timers.delete(id);
        if (id === USER_CHECK) this.confirm();
        else void this.attempt(id);
      }, delay),
    );
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
    if (key === undefined || !this.leading) return;
    const next = this.entries.find(
      (entry) => entry.state !== 'failed' && this.options.orderKey?.(entry) === key,
    );
    if (next && !this.inFlight.has(next.id) && !this.timers.has(next.id)) void this.attempt(next.id);
  }

  /** Drops unsent writes older than `maxAgeMs`; they are listed by `expired()` so the user is told. */
  private expire(): void {
    const oldest = this.options.timing.now() - this.options.maxAgeMs;
    const old = this.entries.filter(
      (entry) => Date.parse(entry.createdAt) < oldest && !this.inFlight.has(entry.id),
    );
    for (const entry of old) {
      this.expiredEntries.push({ ...entry });
      this.drop(entry);
      this.settle(entry.id, (waiter) =>
        waiter.reject(
          new BackendError('network', entry.error ?? 'The write could not be sent in time.', {
            code: 'outbox.expired',
          }),
        ),
      );
    }
  }

  // ------------------------------------------------------------ the other tabs

  private heard(message: OutboxTabMessage): void {
    if (this.disposed) return;
    switch (message.type) {
      case 'delivered': {
        const entry = this.find(message.id);
        this.gone.add(message.id);
        if (entry) {
          this.entries = this.entries.filter((other) => other.id !== message.id);
          this.options.onDelivered(entry, message.result, false);
          this.options.onChange();
        }
        this.settle(message.id, (waiter) => waiter.resolve(message.result));
        return;
      }
      case 'discarded':
        this.gone.add(message.id);
        this.clearTimer(message.id);
        this.entries = this.entries.filter((entry) => entry.id !== message.id);
        this.settle(message.id, (waiter) => waiter.reject(abortedError()));
        this.options.onChange();
        return;
      case 'signed-out':
        this.clearAll(false);
        return;
      case 'changed':
        this.sync();
        this.pump();
        this.options.onChange();
    }
  }

  /** Takes up what other tabs stored: new writes, retries asked for, entries removed. */
  private sync(): void {
    if (!this.user || !this.options.storage) return;
    const storedNow = this.readStored(this.user);
    const byId = new Map(storedNow.map((entry) => [entry.id, entry]));
    const kept = this.entries.filter((entry) => byId.has(entry.id) || !this.stored.has(entry.id));
    const merged = new Map(kept.map((entry) => [entry.id, entry]));
    for (const entry of storedNow) {
      this.stored.add(entry.id);
      const mine = merged.get(entry.id);
      if (!mine || (entry.rev ?? 0) > (mine.rev ?? 0)) merged.set(entry.id, entry);
    }
    for (const entry of this.entries) if (!merged.has(entry.id)) this.clearTimer(entry.id);
    this.entries = [...merged.values()].sort(byCreation);
    // A refusal seen by the sender rejects the promise of the tab that made or retried the write.
    for (const [id, list] of this.waiters) {
      const entry = merged.get(id);
      if (entry?.state !== 'failed' || list.every((waiter) => (entry.refusals ?? 0) <= waiter.refusals))
        continue;
      this.settle(id, (waiter) => waiter.reject(storedError(entry)));
    }
  }

  // ------------------------------------------------------------ entries and storage

  private find(id: string): OutboxEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  private update(entry: OutboxEntry, changes: Partial<OutboxEntryState>): void {
    Object.assign(entry, changes, { rev: (entry.rev ?? 0) + 1 });
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete (entry as unknown as Record<string, unknown>)[key];
    }
    this.changed();
  }

  private drop(entry: OutboxEntry): void {
    this.clearTimer(entry.id);
    this.gone.add(entry.id);
    this.entries = this.entries.filter((other) => other.id !== entry.id);
    this.changed();
    this.sendNextInOrder(entry);
  }

  private wait(entry: OutboxEntry): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(entry.id) ?? [];
      list.push({ resolve, reject, refusals: entry.refusals ?? 0 });
      this.waiters.set(entry.id, list);
    });
  }

  private settle(id: string, each: (waiter: Waiter) => void): void {
    const list = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    list.forEach(each);
  }

  private clearTimer(id: string): void {
    const handle = this.timers.get(id);
    if (handle !== undefined) this.options.timing.clearTimeout(handle);
    this.timers.delete(id);
  }

  private changed(): void {
    this.persist();
    this.tabs.post({ type: 'changed' });
    this.options.onChange();
  }

  /** Stores this tab's entries merged with what other tabs stored meanwhile (newest `rev` wins). */
  private persist(): void {
    const { storage } = this.options;
    if (!storage) return;
    const owner = this.user ?? UNKNOWN_USER;
    const mine = this.entries;
    const storedNow = this.readStored(owner);
    const present = new Set(storedNow.map((entry) => entry.id));
    // Stored once and gone now: another tab delivered or discarded it.
    const merged = new Map(
      mine
        .filter((entry) => present.has(entry.id) || !this.stored.has(entry.id))
        .map((entry) => [entry.id, entry]),
    );
    for (const entry of storedNow) {
      if (this.gone.has(entry.id)) continue;
      const local = merged.get(entry.id);
      if (!local && this.stored.has(entry.id)) continue; // removed here
      if (!local || (entry.rev ?? 0) > (local.rev ?? 0)) merged.set(entry.id, entry);
    }
    const all = [...merged.values()].sort(byCreation);
    try {
      const key = this.keyFor(owner);
      if (all.length) storage.setItem(key, storedForm(all));
      else storage.removeItem(key);
      for (const entry of all) this.stored.add(entry.id);
    } catch {
      // Storage full or blocked (private mode): the outbox still works for this page.
    }
  }

  private readStored(user: string): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.options.storage?.getItem(this.keyFor(user)) ?? '[]');
      const entries = Array.isArray(parsed) ? parsed.map(readEntry).filter((entry) => !!entry) : [];
      return entries.filter((entry) => !this.gone.has(entry.id)).sort(byCreation);
    } catch {
      return [];
    }
  }

  private removeStored(user: string): void {
    try {
      this.options.storage?.removeItem(this.keyFor(user));
    } catch {
      // Blocked storage holds nothing.
    }
  }

  private keyFor(user: string): string {
    return storedKey(this.options.storageKey, user);
  }

  private get userRecordKey(): string {
    return userRecordKey(this.options.storageKey);
  }
}

/** Every kind (the compiler checks the list is complete): a stored entry's kind is read only if it is one. */
const ERROR_KINDS: Record<BackendErrorKind, true> = {
  network: true,
  auth: true,
  forbidden: true,
  'not-found': true,
  throttled: true,
  invalid: true,
  conflict: true,
  server: true,
  aborted: true,
};

function storedError(entry: OutboxEntry): BackendError {
  const stored = entry.errorKind as BackendErrorKind | undefined;
  const kind = stored && Object.hasOwn(ERROR_KINDS, stored) ? stored : 'invalid';
  return new BackendError(kind, entry.error ?? 'The server did not accept this request.', {
    status: entry.status,
    code: entry.code,
  });
}

function byCreation(a: OutboxEntry, b: OutboxEntry): number {
  return a.createdAt.localeCompare(b.createdAt);
}

function writeSession(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Without it a reload while offline shows the queue once the user is checked.
  }
}

/**
 * A stored entry, or undefined when it is not one. Entries stored before writes were typed carry the
 * backend method's argument list (`args`) instead of `input`: they are read as the same write, and
 * stored in the new form at the next change.
 */
function readEntry(value: unknown): OutboxEntry | undefined {
  const stored = value as
    | (Partial<OutboxEntryState> & { kind?: unknown; input?: unknown; args?: unknown })
    | null;
  if (typeof stored?.id !== 'string' || !isWriteKind(stored.kind)) return undefined;
  const { args, ...rest } = stored;
  if (typeof stored.input === 'object' && stored.input !== null) return rest as OutboxEntry;
  const request = Array.isArray(args) ? inputFromArgs(stored.kind, args) : undefined;
  return request ? ({ ...rest, ...request } as OutboxEntry) : undefined;
}

/** What `openOutbox` needs beyond the outbox's own settings: the adapter the writes go to. */
export type OutboxSettings = Omit<OutboxOptions, 'send' | 'orderKey' | 'tabs'> & { backend: Backend };

/**
 * The outbox of a client, with its defaults: writes go to `backend` with the entry id as idempotency
 * key, writes on the same thing in order, and the tabs sharing `storage` pick one sender.
 */
export function openOutbox({ backend, ...settings }: OutboxSettings): Outbox {
  const { storage, timing } = settings;
  return new Outbox({
    ...settings,
    send: (entry) => sendWrite(backend, entry, { idempotencyKey: entry.id }),
    orderKey: writeOrderKey,
    tabs: storage ? (name) => browserTabs(name, storage, timing) : undefined,
  });
}

/**
 * The outbox the client's stand-in (`lazy-outbox.ts`) opens once this code has arrived: it takes up the
 * writes made before, and applies a delivered write's effects (code loaded with the outbox, so a page
 * that only reads never downloads it).
 */
export function adoptOutbox(
  { loading, eventTarget, effects, track, ...settings }: LazyOutboxOptions,
  queued: Queued[],
  started: boolean,
  opened: (outbox: Outbox) => void,
): void {
  const outbox = openOutbox({
    ...settings,
    onDelivered: (entry, result, here) => {
      applyEffects(effects, writeEffects(entry, result));
      const activity = here && writeActivity(entry);
      if (activity) track(activity);
    },
  });
  // Before it starts or takes anything up: the stand-in answers from it from now on.
  opened(outbox);
  if (started) outbox.start();
  if (queued.length)
    outbox.takeOver(queued.map(({ entry }) => entry)).forEach((result, index) => {
      result.then(queued[index].resolve, queued[index].reject);
    });
}
