import type { Backend, BackendCapabilities, CallOptions, WriteOptions } from '../backends/backend.js';
import type { BackendError } from '../errors.js';
import type { WriteKind, WriteRequest } from './writes.js';
import type { ActivityEvent, Kudos, Person, ReactionType } from '../model.js';

/** What changed, so subscribers know which data to reload. */
export type ChangeTopic = 'people' | 'kudos' | 'invites' | 'ambassadors' | 'outbox' | 'metrics';

export interface ClientChange {
  topic: ChangeTopic;
  /** Person ids, kudos ids, invite ids… that changed, when known. */
  ids?: string[];
  /** The kudos that was just given or updated, for feeds that insert it directly. */
  kudos?: Kudos;
}

export type ChangeListener = (change: ClientChange) => void;

export type { WriteInputs, WriteKind, WriteRequest, WriteResults } from './writes.js';

/**
 * `sending`: on its way. `waiting`: the server could not be reached (offline, timeout, 5xx, 429); it is
 * sent again by itself, across reloads, for up to `outboxMaxAgeMs`. `failed`: the server refused it (a
 * 4xx other than 408/429); it waits for the user's Retry or Discard.
 */
export type OutboxState = 'sending' | 'waiting' | 'failed';

/** Where a write stands in the outbox, whatever the write is. */
export interface OutboxEntryState {
  /** Also the idempotency key sent with every attempt. */
  id: string;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  /** When the next attempt is due (state `waiting`). */
  nextAttemptAt?: string;
  /** Human message of the last failure: why it waits, or the server's reason for refusing it. */
  error?: string;
  /** `BackendError.kind` of the last failure. */
  errorKind?: string;
  /** HTTP status and machine-readable code of the last failure, when the server answered. */
  status?: number;
  code?: string;
  /** The signed-in user who made the write; it is only ever sent while that user is signed in. */
  userId?: string;
  /** How often the server refused it (each Retry can be refused again). */
  refusals?: number;
  /** Incremented on every change, so tabs sharing the outbox keep the newest copy. */
  rev?: number;
}

/**
 * A write that has not been confirmed by the backend yet. Survives a reload. `kind` narrows `input`:
 * `outbox('giveKudos')` lists entries whose `input` is a `KudosInput`.
 */
export type OutboxEntry<K extends WriteKind = WriteKind> = OutboxEntryState & WriteRequest<K>;

/** A kudos in the outbox: `input` is what the user wrote. */
export type PendingKudos = OutboxEntry<'giveKudos'>;

export interface ClientOptions {
  /**
   * How long `getPeople` collects ids before one backend call. Default 0: the call goes out as soon as
   * the elements updating in this task have all asked (a page, a list render), before the browser paints.
   */
  batchWindowMs?: number;
  /** Largest `getPeople` call; bigger batches are split. Default 100. */
  maxBatchSize?: number;
  /** Reads younger than this are served from cache. Default 60 000 ms. */
  ttlMs?: number;
  /** Reads older than ttl but younger than this are served stale and revalidated. Default 10 min. */
  staleMs?: number;
  /** Read retries after the first attempt. Default 3. */
  readRetries?: number;
  /** Read backoff base and cap, ms. Defaults 300 and 30 000. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /**
   * Longest wait between two attempts of a write that cannot reach the server. Default 120 000 (2 min);
   * the browser coming back online or the page becoming visible sends at once.
   */
  outboxBackoffMaxMs?: number;
  /** Unsent writes older than this are dropped and the user is told. Default 7 days. */
  outboxMaxAgeMs?: number;
  /** Where the outbox persists; default `localStorage`. `null` keeps it in memory. */
  storage?: Storage | null;
  /**
   * Tab-scoped storage remembering whose outbox the tab showed, so a reload while offline still shows
   * the user's unsent writes. Default `sessionStorage` when `storage` is the default, else none.
   */
  sessionStorage?: Storage | null;
  /**
   * When the outbox code loads. `at-start` (default): with the client. `when-needed`: on the first write
   * or look at the outbox, at start when unsent writes are stored, or when another tab stores some; a
   * page that only reads never downloads it. `<kring-community>` uses `when-needed`. Writes made before
   * it arrives are stored and listed at once, and sent when it arrives.
   */
  loadOutbox?: 'at-start' | 'when-needed';
  /** The tenant part of the outbox's storage key (backend name + endpoint); the user id is added to it. */
  storageKey?: string;
  /** Sends activity when true (default true). */
  tracking?: boolean;
  /** Activity flush interval, ms. Default 5 000. */
  trackFlushMs?: number;
  /** Most activity events kept while the backend cannot be reached; the oldest are dropped. Default 1 000. */
  trackQueueMax?: number;
  /** Clock, ms since the epoch; injectable for tests. Default `Date.now`. */
  now?: () => number;
  /** Random number in [0, 1) for backoff jitter; injectable for tests. Default `Math.random`. */
  random?: () => number;
  /** Timer functions; injectable for tests. Default the global ones. */
  setTimeout?: (callback: () => void, ms: number) => number;
  clearTimeout?: (handle: number) => void;
  /**
   * Where `online`, `visibilitychange`, `pagehide` and `kring-signed-out` are heard. Default `window`;
   * `null` listens nowhere.
   */
  eventTarget?: EventTarget | null;
}

/**
 * Optional extra an adapter may offer: sends activity synchronously while the page unloads
 * (e.g. with `navigator.sendBeacon`). Returns false when the events could not be queued.
 * Kept apart from `Backend` so adapters that lack it still satisfy the contract.
 */
export interface ActivityBeacon {
  trackBeacon?(events: readonly ActivityEvent[]): boolean;
}

/** The adapter's reads the client passes on as they are: cached, de-duplicated and retried. */
export type ClientRead =
  | 'currentUser'
  | 'searchPeople'
  | 'suggestSkills'
  | 'listKudos'
  | 'listReactors'
  | 'kudosValues'
  | 'listInvites'
  | 'inviteQuota'
  | 'lookupInvite'
  | 'inviteTree'
  | 'ambassadorProfile'
  | 'listBadges'
  | 'metrics'
  | 'pioneers';

/** The client's reads: the adapter's signatures, stated once in `Backend`. */
export type ClientReads = Pick<Backend, ClientRead>;

/** An adapter write as the client offers it: without the `WriteOptions`, which the outbox adds. */
type WithoutWriteOptions<F> = F extends (...args: [...infer A, WriteOptions]) => infer R
  ? (...args: A) => R
  : never;

/**
 * The client's writes: each gets an idempotency key, goes through the outbox, resolves when the backend
 * confirms. A write that cannot reach the server (network, throttled, server) waits in the outbox and is
 * sent when it can, however long that takes; `invalid`, `forbidden`, `conflict`… reject at once and the
 * entry stays `failed` in the outbox, with the server's message, until retried or discarded.
 */
export type ClientWrites = { [K in WriteKind]: WithoutWriteOptions<Backend[K]> };

/**
 * The one object elements talk to. Reads are cached, de-duplicated and retried; `getPeople`
 * calls from every element on the page are batched; writes go through a persistent outbox.
 */
export interface CommunityClientApi extends ClientReads, ClientWrites {
  /** The adapter's name (`demo`, `rest`…). Elements never reach the adapter itself. */
  readonly backendName: string;
  /** The language the adapter's directory and community text is written in, when it says (`Backend.contentLanguage`). */
  readonly contentLanguage?: string;
  readonly capabilities: BackendCapabilities;
  tracking: boolean;

  subscribe(listener: ChangeListener): () => void;

  // reads (the rest, with the adapter's own signatures, come from `ClientReads`)
  /** One person by id or e-mail (`me` means the current user); batched with every other call. */
  person(idOrEmail: string, options?: CallOptions): Promise<Person | null>;
  people(ids: readonly string[], options?: CallOptions): Promise<(Person | null)[]>;
  /** Synchronous cache read, for rendering without a loading flash. */
  peekPerson(idOrEmail: string): Person | undefined;

  /**
   * Toggles the signed-in user's reaction. `shown` is the kudos as it looks at once; `saved` resolves
   * with the server's copy. When the write is refused it is dropped from the outbox (the button goes
   * back, nothing lingers across reloads) and `saved` rejects; `undo(latest)` is `latest` without it.
   */
  toggleReaction(kudos: Kudos, reaction: ReactionType): ReactionToggle;

  // outbox
  outbox<K extends WriteKind>(kind?: K): OutboxEntry<K>[];
  /** The signed-in user's kudos not confirmed yet (waiting, sending or refused), oldest first. */
  pendingKudos(): OutboxEntry<'giveKudos'>[];
  /** How long an unsent write is kept before it is dropped (and the user told), ms. */
  readonly outboxMaxAgeMs: number;
  /** Tries a failed or waiting entry again now, with the same idempotency key. */
  retryWrite(id: string): Promise<unknown>;
  /** Drops an entry; its promise rejects with an `aborted` BackendError. */
  discardWrite(id: string): void;
  /** Writes dropped unsent because they were older than `outboxMaxAgeMs`, so the user can be told. */
  expiredWrites<K extends WriteKind>(kind?: K): OutboxEntry<K>[];
  /** The user read about the expired writes. */
  dismissExpired(kind?: WriteKind): void;
  /** Forgets every stored write and cached read of the signed-out user (also on `kring-signed-out`). */
  signOut(): void;

  // activity
  /** Queues an activity event (actor and time filled in); no-op when tracking is off. */
  track(event: Omit<ActivityEvent, 'actorId' | 'at'> & Partial<Pick<ActivityEvent, 'actorId' | 'at'>>): void;
  flushActivity(options?: { beacon?: boolean }): Promise<void>;

  /** Stops timers and listeners. */
  dispose(): void;
}

export type { BackendError };

/** What `toggleReaction` gives: the kudos to show now, the outcome, and how to take it back. */
export interface ReactionToggle {
  shown: Kudos;
  saved: Promise<Kudos>;
  undo(latest: Kudos): Kudos;
}
