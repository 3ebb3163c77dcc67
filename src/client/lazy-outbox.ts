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
export interface LazyOutbox {
  /** Whether this tab is its browser profile's sender (never before the outbox has loaded). */
  readonly leader: boolean;
  /** The outbox code's import, while under way or done (for tests). */
  readonly loading?: Promise<Outbox>;
  start(): void;
  list<K extends WriteKind>(kind?: K): OutboxEntry<K>[];
  expired<K extends WriteKind>(kind?: K): OutboxEntry<K>[];
  dismissExpired(kind?: WriteKind): void;
  enqueue(request: WriteRequest): Promise<unknown>;
  retry(id: string): Promise<unknown>;
  retryWaiting(): void;
  discard(id: string): void;
  clearAll(): void;
  dispose(): void;
}

/** A closure rather than a class: its state's names are the minifier's to shorten (it is in the core). */
export function lazyOutbox(options: LazyOutboxOptions): LazyOutbox {
  const { storage, sessionStorage, storageKey, eventTarget, onChange } = options;
  let outbox: Outbox | undefined;
  let loading: Promise<Outbox> | undefined;
  let queued: Queued[] = [];
  let started = false;
  let disposed = false;
  let loadFailed = false;

  const load = (): Promise<Outbox> =>
    (loading ??= import('./outbox.js').then(
      ({ adoptOutbox }) => {
        if (disposed) throw abortedError();
        eventTarget?.removeEventListener('storage', onStorage);
        const taken = queued;
        queued = [];
        adoptOutbox(options, taken, started, (opened) => (outbox = opened));
        return outbox!;
      },
      (error: unknown) => {
        // Offline, most likely: the writes stay stored and listed as waiting; tried again when the
        // browser is back online, the page visible again, or on the next write.
        loading = undefined;
        loadFailed = true;
        const { message } = toBackendError(error);
        for (const { entry } of queued) Object.assign(entry, { state: 'waiting', error: message });
        if (queued.length) onChange();
        throw error;
      },
    ));
  const want = (): void => void load().catch(() => undefined);

  /** Changes the stored writes where the outbox will look for those made before it arrived. */
  const rewrite = (change: (stored: unknown[]) => unknown[]): void => {
    if (!storage) return;
    // The outbox reads the writes of the user this tab showed last; an unknown user's are taken up
    // by whoever is signed in when it checks.
    const key = storedKey(storageKey, readSession(sessionStorage, userRecordKey(storageKey)) ?? UNKNOWN_USER);
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      const stored = change(Array.isArray(parsed) ? parsed : []);
      if (stored.length) storage.setItem(key, JSON.stringify(stored));
      else storage.removeItem(key);
    } catch {
      // Storage full or blocked: the write is still kept in this page.
    }
  };

  /** Another tab stored writes of this tenant: this tab may have to send them, and lists them. */
  const onStorage = (event: Event): void => {
    const { key, newValue, storageArea } = event as StorageEvent;
    if (storageArea === storage && newValue && key?.startsWith(`${OUTBOX_STORAGE_PREFIX}${storageKey}:`))
      want();
  };
  eventTarget?.addEventListener('storage', onStorage);

  return {
    get leader() {
      return outbox?.leader ?? false;
    },
    get loading() {
      return loading;
    },
    start() {
      started = true;
      if (outbox) outbox.start();
      else if (options.loading === 'at-start' || hasStoredWrites(storage, storageKey)) want();
    },
    list<K extends WriteKind>(kind?: K) {
      if (outbox) return outbox.list(kind);
      // Not again after a failed load: elements read the list on every change, and a failed load is a
      // change (a fetch loop while offline). Online, visible again and the next write try again.
      if (!loadFailed) want();
      return queued
        .filter(({ entry }) => !kind || entry.kind === kind)
        .map(({ entry }) => ({ ...entry })) as OutboxEntry<K>[];
    },
    expired<K extends WriteKind>(kind?: K) {
      return outbox?.expired(kind) ?? [];
    },
    dismissExpired(kind) {
      outbox?.dismissExpired(kind);
    },
    enqueue(request) {
      if (outbox) return outbox.enqueue(request);
      const entry = newEntry(request, options.timing.now());
      const result = new Promise((resolve, reject) => queued.push({ entry, resolve, reject }));
      rewrite((stored) => [...stored, storedEntry(entry)]);
      onChange();
      want();
      return result;
    },
    retry(id) {
      return load().then((loaded) => loaded.retry(id));
    },
    retryWaiting() {
      if (outbox) outbox.retryWaiting();
      else if (queued.length || loadFailed) want();
    },
    discard(id) {
      if (outbox) return outbox.discard(id);
      const index = queued.findIndex(({ entry }) => entry.id === id);
      if (index < 0) return;
      const [{ reject }] = queued.splice(index, 1);
      rewrite((stored) => stored.filter((item) => (item as { id?: unknown } | null)?.id !== id));
      reject(abortedError());
      onChange();
    },
    clearAll() {
      if (outbox) return outbox.clearAll();
      clearStoredOutboxes(storage, sessionStorage);
      for (const { reject } of queued.splice(0)) reject(abortedError());
      // The other tabs' outboxes forget theirs too, as they do when a loaded outbox is cleared.
      if (storage && typeof BroadcastChannel === 'function') {
        const channel = new BroadcastChannel(`kring-outbox:${storageKey}`);
        channel.postMessage({ type: 'signed-out' });
        channel.close();
      }
      onChange();
    },
    dispose() {
      disposed = true;
      outbox?.dispose();
      eventTarget?.removeEventListener('storage', onStorage);
    },
  };
}
