import { abortedError, toBackendError } from '../errors.js';
import type { Outbox, OutboxSettings } from './outbox.js';
import {
  clearStoredOutboxes,
  hasStoredWrites,
  newEntry,
  OUTBOX_STORAGE_PREFIX,
  readSession,
  storedEntry,
  storedKey,
  UNKNOWN_USER,
  userRecordKey,
} from './outbox-storage.js';
import type { ClientOptions, OutboxEntry } from './types.js';
import type { WriteKind, WriteRequest } from './writes.js';
import type { EffectTarget, WriteActivity } from './write-effects.js';

export interface LazyOutboxOptions extends Omit<OutboxSettings, 'onDelivered'> {
  loading: NonNullable<ClientOptions['loadOutbox']>;
  /** Where another tab storing writes is heard (`storage` events); null: nowhere. */
  eventTarget: EventTarget | null;
  /** Where a confirmed write's effects go (worked out and applied by code that loads with the outbox). */
  effects: EffectTarget;
  /** Records the activity of a write this tab sent, once confirmed. */
  track: (activity: WriteActivity) => void;
}

/** A write made before the outbox code arrived, and its caller's promise. */
export interface Queued {
  entry: OutboxEntry;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The client's outbox, with the outbox code (`outbox.ts`, about 5 KB gzip) loaded apart from the core, so
 * a page that only reads (a page of profile cards) never downloads it (issue 18).
 *
 * With `loading: 'when-needed'` the code loads on the first write, the first look at the outbox (an
 * element that lists unsent writes), at start when writes of this tenant are stored (they are sent at
 * once, as before), and when another tab stores some (it may have to send them when that tab closes).
 * With `'at-start'` it loads at once. Either way, a write made before it arrives is stored at once, in
 * the outbox's own stored form, listed, and handed to the outbox when it arrives: a reload or a failed
 * load (offline) loses nothing. Once loaded, every call goes straight to the outbox.
 */
export class LazyOutbox {
  private outbox?: Outbox;
  private loading?: Promise<Outbox>;
  private readonly queued: Queued[] = [];
  private started = false;
  private disposed = false;
  private loadFailed = false;

  constructor(private readonly options: LazyOutboxOptions) {
    options.eventTarget?.addEventListener('storage', this.onStorage);
  }

  /** Whether this tab is its browser profile's sender (never before the outbox has loaded). */
  get leader(): boolean {
    return this.outbox?.leader ?? false;
  }

  start(): void {
    this.started = true;
    if (this.outbox) return this.outbox.start();
    const { loading, storage, storageKey } = this.options;
    if (loading === 'at-start' || hasStoredWrites(storage, storageKey)) this.want();
  }

  list<K extends WriteKind>(kind?: K): OutboxEntry<K>[] {
    if (this.outbox) return this.outbox.list(kind);
    // Not again after a failed load: elements read the list on every change, and a failed load is a change
    // (a fetch loop while offline). Online, visible again and the next write try again.
    if (!this.loadFailed) this.want();
    return this.queued
      .filter(({ entry }) => !kind || entry.kind === kind)
      .map(({ entry }) => ({ ...entry })) as OutboxEntry<K>[];
  }

  expired<K extends WriteKind>(kind?: K): OutboxEntry<K>[] {
    return this.outbox?.expired(kind) ?? [];
  }

  dismissExpired(kind?: WriteKind): void {
    this.outbox?.dismissExpired(kind);
  }

  enqueue(request: WriteRequest): Promise<unknown> {
    if (this.outbox) return this.outbox.enqueue(request);
    const entry = newEntry(request, this.options.timing.now());
    const result = new Promise((resolve, reject) => this.queued.push({ entry, resolve, reject }));
    this.rewrite((stored) => [...stored, storedEntry(entry)]);
    this.options.onChange();
    this.want();
    return result;
  }

  retry(id: string): Promise<unknown> {
    return this.load().then((outbox) => outbox.retry(id));
  }

  retryWaiting(): void {
    if (this.outbox) this.outbox.retryWaiting();
    else if (this.queued.length || this.loadFailed) this.want();
  }

  discard(id: string): void {
    if (this.outbox) return this.outbox.discard(id);
    const index = this.queued.findIndex(({ entry }) => entry.id === id);
    if (index < 0) return;
    const [{ reject }] = this.queued.splice(index, 1);
    this.rewrite((stored) => stored.filter((item) => (item as { id?: unknown } | null)?.id !== id));
    reject(abortedError());
    this.options.onChange();
  }

  clearAll(): void {
    if (this.outbox) return this.outbox.clearAll();
    const { storage, sessionStorage, storageKey } = this.options;
    clearStoredOutboxes(storage, sessionStorage);
    for (const { reject } of this.queued.splice(0)) reject(abortedError());
    // The other tabs' outboxes forget theirs too, as they do when a loaded outbox is cleared.
    if (storage && typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(`kring-outbox:${storageKey}`);
      channel.postMessage({ type: 'signed-out' });
      channel.close();
    }
    this.options.onChange();
  }

  dispose(): void {
    this.disposed = true;
    this.outbox?.dispose();
    this.options.eventTarget?.removeEventListener('storage', this.onStorage);
  }

  /** Another tab stored writes of this tenant: this tab may have to send them, and lists them. */
  private readonly onStorage = (event: Event): void => {
    const { key, newValue, storageArea } = event as StorageEvent;
    const prefix = `${OUTBOX_STORAGE_PREFIX}${this.options.storageKey}:`;
    if (storageArea === this.options.storage && newValue && key?.startsWith(prefix)) this.want();
  };

  private want(): void {
    this.load().catch(() => undefined);
  }

  private load(): Promise<Outbox> {
    this.loading ??= import('./outbox.js').then(
      ({ adoptOutbox }) => {
        if (this.disposed) throw abortedError();
        this.options.eventTarget?.removeEventListener('storage', this.onStorage);
        adoptOutbox(this.options, this.queued.splice(0), this.started, (outbox) => (this.outbox = outbox));
        return this.outbox!;
      },
      (error: unknown) => {
        // Offline, most likely: the writes stay stored and listed as waiting; tried again when the
        // browser is back online, the page visible again, or on the next write.
        this.loading = undefined;
        this.loadFailed = true;
        const { message } = toBackendError(error);
        for (const { entry } of this.queued) Object.assign(entry, { state: 'waiting', error: message });
        if (this.queued.length) this.options.onChange();
        throw error;
      },
    );
    return this.loading;
  }

  /** Changes the stored writes where the outbox will look for those made before it arrived. */
  private rewrite(change: (stored: unknown[]) => unknown[]): void {
    const { storage, sessionStorage, storageKey } = this.options;
    if (!storage) return;
    // The outbox reads the writes of the user this tab showed last; an unknown user's are taken up
    // by whoever is signed in when it checks.
    const user = readSession(sessionStorage, userRecordKey(storageKey)) ?? UNKNOWN_USER;
    const key = storedKey(storageKey, user);
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      const stored = change(Array.isArray(parsed) ? parsed : []);
      if (stored.length) storage.setItem(key, JSON.stringify(stored));
      else storage.removeItem(key);
    } catch {
      // Storage full or blocked: the write is still kept in this page.
    }
  }
}
