import type { Backend, BackendCapabilities, CallOptions } from '../backends/backend.js';
import type {
  ActivityEvent,
  Kudos,
  PeopleQuery,
  PeopleSearchResult,
  Person,
  ReactionType,
} from '../model.js';
import { ActivityQueue } from './activity-queue.js';
import type { LiveUpdates } from './live-updates.js';
import { KringSignedOutEvent } from './signed-out-event.js';
import { lazyOutbox, type LazyOutbox } from './lazy-outbox.js';
import { browserStorage, OUTBOX_MAX_AGE_MS } from './outbox-storage.js';
import type { PeopleCache } from './people-cache.js';
import { PeopleReads } from './people-reads.js';
import { ReadCache } from './read-cache.js';
import { withRetry, type RetryPolicy } from './retry.js';
import { stableKey } from './stable-key.js';
import { defaultTiming, type Timing } from './timing.js';
import type {
  ActivityBeacon,
  ChangeListener,
  ClientChange,
  ClientOptions,
  ClientRead,
  CommunityClientApi,
  OutboxEntry,
  ReactionToggle,
} from './types.js';
import { withReaction } from './reactions.js';
import { PASSED_ON, type PassedOn } from './passed-on.js';
import { inputOf, WRITE_METHODS } from './write-args.js';
import type { WriteKind, WriteRequest } from './writes.js';
import type { EffectTarget } from './write-effects.js';

/** Search answers change as people type and edit profiles: keep them briefly. */
const SEARCH_TTL_MS = 10_000;

type TrackInput = Parameters<CommunityClientApi['track']>[0];

/** The methods made from `PASSED_ON` and the write table (`write-args.ts`). */
type MadeMethods = PassedOn | WriteKind;

/**
 * The one object elements talk to. Reads are cached (TTL + stale-while-revalidate),
 * de-duplicated while in flight and retried with backoff; people lookups from every element on
 * the page are batched into one `getPeople` call; writes go through a persistent outbox.
 */
export class CommunityClient implements CommunityClientApi {
  readonly #timing: Timing;
  readonly #maxAgeMs: number;
  readonly #retryPolicy: RetryPolicy;
  readonly #cache: ReadCache;
  readonly #peopleCache: PeopleCache;
  readonly #peopleReads: PeopleReads;
  private readonly outboxQueue: LazyOutbox;
  readonly #activity: ActivityQueue;
  readonly #listeners = new Set<ChangeListener>();
  readonly #eventTarget: EventTarget | null;
  readonly #stopWatchingPeople?: () => void;
  /** The backend's event stream and what its events change: loaded with the first subscriber (a card page has none). */
  #live?: LiveUpdates;
  /** The import of `live` while it is under way. */
  #liveLoad?: Promise<void>;
  #disposed = false;
  /** What a delivered write or a pushed event changes (applied by code loaded with them). */
  readonly #effects: EffectTarget;
  #trackingOn: boolean;

  constructor(
    readonly backend: Backend,
    options: ClientOptions = {},
  ) {
    this.#timing = defaultTiming(options);
    this.#maxAgeMs = options.outboxMaxAgeMs ?? OUTBOX_MAX_AGE_MS;
    const backoff = { baseMs: options.backoffBaseMs ?? 300, maxMs: options.backoffMaxMs ?? 30_000 };
    this.#retryPolicy = {
      ...backoff,
      retries: options.readRetries ?? 3,
      wake: () => this.#backOnline.promise,
    };
    this.#cache = new ReadCache(this.#timing, options.ttlMs ?? 60_000, options.staleMs ?? 600_000);
    this.#peopleReads = new PeopleReads(this.#cache, this.#timing, {
      batchWindowMs: options.batchWindowMs ?? 0,
      maxBatchSize: Math.max(1, options.maxBatchSize ?? 100),
      fetchPeople: (keys, details, signal) =>
        this.#retried(
          (s) => backend.getPeople(keys, details ? { signal: s, details } : { signal: s }),
          signal,
        ),
      fetchCurrentUser: (signal) => this.#retried((s) => backend.currentUser({ signal: s }), signal),
      onChanged: (ids) => this.#emit({ topic: 'people', ids }),
    });
    this.#peopleCache = this.#peopleReads.cache;
    this.#effects = {
      cache: this.#cache,
      peopleCache: this.#peopleCache,
      emit: (change) => this.#emit(change),
    };
    const storage = options.storage === undefined ? browserStorage('localStorage') : options.storage;
    const sessionStorage =
      options.sessionStorage !== undefined
        ? options.sessionStorage
        : options.storage === undefined
          ? browserStorage('sessionStorage')
          : null;
    this.#eventTarget = options.eventTarget === undefined ? (globalThis.window ?? null) : options.eventTarget;
    this.outboxQueue = lazyOutbox({
      backend,
      loading: options.loadOutbox ?? 'at-start',
      eventTarget: this.#eventTarget,
      storage,
      sessionStorage,
      storageKey: options.storageKey ?? backend.name,
      backoff: { baseMs: backoff.baseMs, maxMs: options.outboxBackoffMaxMs ?? 120_000 },
      maxAgeMs: this.#maxAgeMs,
      timing: this.#timing,
      currentUserId: () => this.currentUser().then((me) => me.id),
      effects: this.#effects,
      // Recorded once, by the tab that sent it.
      track: (activity) => this.track(activity),
      onChange: () => this.#emit({ topic: 'outbox' }),
    });
    this.#trackingOn = options.tracking ?? true;
    this.#activity = new ActivityQueue({
      flushMs: options.trackFlushMs ?? 5_000,
      maxQueued: options.trackQueueMax ?? 1_000,
      timing: this.#timing,
      send: (events) => backend.track(events),
      beacon: (events) => this.#beacon(events),
    });
    for (const type in this.#windowEvents) this.#eventTarget?.addEventListener(type, this.#onWindowEvent);
    this.outboxQueue.start();
    this.#stopWatchingPeople = backend.watchPeople?.((people) => this.#peopleCache.learn(people));
  }

  get backendName(): string {
    return this.backend.name;
  }

  get contentLanguage(): string | undefined {
    return this.backend.contentLanguage;
  }

  get capabilities(): BackendCapabilities {
    return this.backend.capabilities;
  }

  /** Turning tracking off also drops what was queued: nothing is sent afterwards. */
  get tracking(): boolean {
    return this.#trackingOn;
  }

  set tracking(on: boolean) {
    this.#trackingOn = on;
    if (!on) this.#activity.clear();
  }

  /** The first subscriber opens the backend's live updates, when it offers them. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    this.#startLive();
    return () => this.#listeners.delete(listener);
  }

  /** Whether the live-updates stream is open and attached (for tests and diagnostics). */
  get liveConnected(): boolean {
    return this.#live?.connected ?? false;
  }

  // ------------------------------------------------------------ people

  currentUser(options?: CallOptions): Promise<Person> {
    return this.#peopleReads.currentUser(options);
  }

  person(idOrEmail: string, options?: CallOptions): Promise<Person | null> {
    return this.#peopleReads.person(idOrEmail, options);
  }

  people(ids: readonly string[], options?: CallOptions): Promise<(Person | null)[]> {
    return Promise.all(ids.map((id) => this.person(id, options)));
  }

  peekPerson(idOrEmail: string): Person | undefined {
    return this.#peopleCache.peekPerson(idOrEmail);
  }

  searchPeople(query: PeopleQuery, options?: CallOptions): Promise<PeopleSearchResult> {
    return this.#read(
      'searchPeople',
      [query],
      async (signal) => {
        const result = await this.backend.searchPeople(query, { signal });
        for (const match of result.items) this.#peopleCache.store(match.person.id, match.person);
        return result;
      },
      options,
      SEARCH_TTL_MS,
    );
  }

  toggleReaction(kudos: Kudos, reaction: ReactionType): ReactionToggle {
    const on = !kudos.reactions.find((summary) => summary.type === reaction)?.reactedByMe;
    const saved = this.react(kudos.id, reaction, on).catch((error: unknown) => {
      // The button goes back and the user is told; a refused reaction left in the outbox would
      // linger across reloads with nothing showing it.
      for (const entry of this.outbox('react')) {
        const { kudosId, reaction: type, on: wanted } = entry.input;
        if (entry.state === 'failed' && kudosId === kudos.id && type === reaction && wanted === on) {
          this.discardWrite(entry.id);
        }
      }
      throw error;
    });
    return {
      shown: withReaction(kudos, reaction, on),
      saved,
      undo: (latest) => withReaction(latest, reaction, !on),
    };
  }

  // ------------------------------------------------------------ outbox

  outbox<K extends WriteKind>(kind?: K): OutboxEntry<K>[] {
    return this.outboxQueue.list(kind);
  }

  pendingKudos(): OutboxEntry<'giveKudos'>[] {
    return this.outbox('giveKudos');
  }

  get outboxMaxAgeMs(): number {
    return this.#maxAgeMs;
  }

  retryWrite(id: string): Promise<unknown> {
    return this.outboxQueue.retry(id);
  }

  discardWrite(id: string): void {
    this.outboxQueue.discard(id);
  }

  expiredWrites<K extends WriteKind>(kind?: K): OutboxEntry<K>[] {
    return this.outboxQueue.expired(kind);
  }

  dismissExpired(kind?: WriteKind): void {
    this.outboxQueue.dismissExpired(kind);
  }

  signOut(): void {
    // The stream was the signed-out user's: open a new one (for whoever signs in) without their place.
    const wasLive = this.#live?.running;
    this.#live?.stop(true);
    if (wasLive) this.#live!.start();
    this.#cache.invalidate(() => true);
    this.#activity.clear();
    this.outboxQueue.clearAll();
  }

  // ------------------------------------------------------------ activity

  track(event: TrackInput): void {
    if (!this.#trackingOn || !this.backend.capabilities.tracking) return;
    const at = event.at ?? new Date(this.#timing.now()).toISOString();
    const enqueue = (actorId: string): void => {
      if (this.#trackingOn) this.#activity.push({ ...event, actorId, at });
    };
    const actorId = event.actorId ?? this.peekPerson('me')?.id;
    if (actorId) enqueue(actorId);
    else
      this.currentUser().then(
        (me) => enqueue(me.id),
        () => undefined,
      );
  }

  flushActivity(options: { beacon?: boolean } = {}): Promise<void> {
    if (!this.#trackingOn) return Promise.resolve();
    return this.#activity.flush(options.beacon);
  }

  dispose(): void {
    this.#disposed = true;
    this.#live?.stop();
    this.#stopWatchingPeople?.();
    this.#peopleReads.dispose();
    this.outboxQueue.dispose();
    this.#activity.dispose();
    for (const type in this.#windowEvents) this.#eventTarget?.removeEventListener(type, this.#onWindowEvent);
    this.#listeners.clear();
  }

  // ------------------------------------------------------------ internals

  /** Resolved (and replaced) when the browser comes back online: reads waiting to retry go at once. */
  #backOnline = deferred();
  // TS-private, not #: the outbox tests call it on clients that listen to no window.
  private readonly onOnline = (): void => {
    const waiting = this.#backOnline;
    this.#backOnline = deferred();
    waiting.resolve();
    this.outboxQueue.retryWaiting();
    // The stream's code could not be fetched while offline.
    if (this.#listeners.size) this.#startLive();
  };
  /** What the client does on the window's events (one listener for them all). */
  readonly #windowEvents: Record<string, () => unknown> = {
    online: this.onOnline,
    visibilitychange: () =>
      globalThis.document?.visibilityState !== 'hidden' && this.outboxQueue.retryWaiting(),
    pagehide: () => this.flushActivity({ beacon: true }),
    [KringSignedOutEvent.eventName]: () => this.signOut(),
  };
  readonly #onWindowEvent = ({ type }: Event): unknown => this.#windowEvents[type]();

  #retried<T>(call: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(call, this.#retryPolicy, this.#timing, signal);
  }

  /** A read passed on to the adapter as it is: cached under its name and arguments, retried. */
  protected passOn(method: ClientRead, args: unknown[], options?: CallOptions): Promise<unknown> {
    const call = this.backend[method] as (...args: unknown[]) => Promise<unknown>;
    return this.#read(method, args, (signal) => call.apply(this.backend, [...args, { signal }]), options);
  }

  #read<T>(
    method: string,
    args: unknown[],
    call: (signal?: AbortSignal) => Promise<T>,
    options?: CallOptions,
    ttlMs?: number,
  ): Promise<T> {
    return this.#cache.read(stableKey(method, args), (signal) => this.#retried(call, signal), {
      signal: options?.signal,
      ttlMs,
    });
  }

  protected write(kind: WriteKind, args: unknown[]): Promise<unknown> {
    return this.outboxQueue.enqueue({ kind, input: inputOf(kind, args) } as WriteRequest);
  }

  /** Opens the backend's live updates, when it offers them, once their code has arrived. */
  #startLive(): void {
    if (!this.backend.capabilities.liveUpdates) return;
    if (this.#live) return this.#live.start();
    this.#liveLoad ??= import('./live-client.js').then(
      ({ openLive }) => {
        if (this.#disposed) return;
        this.#live = openLive(
          { backend: this.backend, timing: this.#timing, wake: () => this.#backOnline.promise },
          this.#effects,
        );
        this.#live.start();
      },
      () => {
        // Offline, most likely: tried again when the browser is back online.
        this.#liveLoad = undefined;
      },
    );
  }

  #beacon(events: ActivityEvent[]): boolean {
    const send = (this.backend as Backend & ActivityBeacon).trackBeacon;
    if (typeof send !== 'function') return false;
    try {
      return send.call(this.backend, events);
    } catch {
      return false;
    }
  }

  #emit(change: ClientChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('kring: a change listener failed', error);
      }
    }
  }
}

/** The methods made below from `PASSED_ON` and the write table, on the class's type. */
export interface CommunityClient extends Pick<CommunityClientApi, MadeMethods> {}

/** What the made methods call: `passOn` and `write` (protected: only they use them). */
interface Internals {
  passOn(method: string, args: unknown[], options: unknown): Promise<unknown>;
  write(kind: WriteKind, args: unknown[]): Promise<unknown>;
}
const made = CommunityClient.prototype as unknown as Record<
  string,
  (this: Internals, ...args: unknown[]) => Promise<unknown>
>;
for (const [method, count] of Object.entries(PASSED_ON))
  made[method] = function (...args) {
    return this.passOn(method, args.slice(0, count), args[count]);
  };
for (const kind of WRITE_METHODS)
  made[kind] = function (...args) {
    return this.write(kind, args);
  };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Creates the client elements share; see `ClientOptions` for the defaults. */
export function createClient(backend: Backend, options?: ClientOptions): CommunityClient {
  return new CommunityClient(backend, options);
}
