import type {
  Backend,
  BackendCapabilities,
  CallOptions,
  InviteListQuery,
  LiveEvent,
} from '../backends/backend.js';
import type {
  ActivityEvent,
  AmbassadorProfile,
  AmbassadorRole,
  BadgeAward,
  BadgeAwardInput,
  CommunityMetrics,
  EvidenceInput,
  Invite,
  InviteInput,
  InviteLink,
  InviteQuota,
  InviteTokenInfo,
  InviteTreeNode,
  Kudos,
  KudosInput,
  KudosQuery,
  MetricsQuery,
  Page,
  PeopleQuery,
  PeopleSearchResult,
  Person,
  PioneerRank,
  ReactionType,
  Skill,
} from '../model.js';
import { ActivityQueue } from './activity-queue.js';
import { LiveUpdates } from './live-updates.js';
import { KringSignedOutEvent } from './signed-out-event.js';
import { LazyOutbox } from './lazy-outbox.js';
import { OUTBOX_MAX_AGE_MS } from './outbox-storage.js';
import { CURRENT_USER_KEY, type PeopleCache } from './people-cache.js';
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
import type { WriteInputs, WriteKind, WriteRequest, WriteResults } from './writes.js';
import type { liveEffects, WriteActivity, WriteEffects } from './write-effects.js';

/** Search answers change as people type and edit profiles: keep them briefly. */
const SEARCH_TTL_MS = 10_000;

/** A read's arguments without the trailing `CallOptions`. */
type ReadArgs<M extends ClientRead> = Backend[M] extends (...args: [...infer A, CallOptions?]) => unknown
  ? A
  : never;

type TrackInput = Parameters<CommunityClientApi['track']>[0];

/**
 * The one object elements talk to. Reads are cached (TTL + stale-while-revalidate),
 * de-duplicated while in flight and retried with backoff; people lookups from every element on
 * the page are batched into one `getPeople` call; writes go through a persistent outbox.
 */
export class CommunityClient implements CommunityClientApi {
  private readonly timing: Timing;
  private readonly maxAgeMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly cache: ReadCache;
  private readonly peopleCache: PeopleCache;
  private readonly peopleReads: PeopleReads;
  private readonly outboxQueue: LazyOutbox;
  private readonly activity: ActivityQueue;
  private readonly listeners = new Set<ChangeListener>();
  private readonly eventTarget: EventTarget | null;
  private readonly stopWatchingPeople?: () => void;
  private readonly live: LiveUpdates;
  /** What a pushed event changes: loaded with the stream's first subscriber (a card page has none). */
  private effectsOfLive?: typeof liveEffects;
  /** Events that arrived before `effectsOfLive`, in order. */
  private liveQueue?: LiveEvent[];
  /** The import of `effectsOfLive` while it is under way. */
  private liveEffectsLoad?: Promise<void>;
  private trackingOn: boolean;

  constructor(
    readonly backend: Backend,
    options: ClientOptions = {},
  ) {
    this.timing = defaultTiming(options);
    this.maxAgeMs = options.outboxMaxAgeMs ?? OUTBOX_MAX_AGE_MS;
    const backoff = { baseMs: options.backoffBaseMs ?? 300, maxMs: options.backoffMaxMs ?? 30_000 };
    this.retryPolicy = { ...backoff, retries: options.readRetries ?? 3, wake: () => this.backOnline.promise };
    this.cache = new ReadCache(this.timing, options.ttlMs ?? 60_000, options.staleMs ?? 600_000);
    this.peopleReads = new PeopleReads(this.cache, this.timing, {
      batchWindowMs: options.batchWindowMs ?? 0,
      maxBatchSize: Math.max(1, options.maxBatchSize ?? 100),
      fetchPeople: (keys, details, signal) =>
        this.retried(
          (s) => backend.getPeople(keys, details ? { signal: s, details } : { signal: s }),
          signal,
        ),
      fetchCurrentUser: (signal) => this.retried((s) => backend.currentUser({ signal: s }), signal),
      onChanged: (ids) => this.emit({ topic: 'people', ids }),
    });
    this.peopleCache = this.peopleReads.cache;
    const storage = options.storage === undefined ? defaultStorage('localStorage') : options.storage;
    const sessionStorage =
      options.sessionStorage !== undefined
        ? options.sessionStorage
        : options.storage === undefined
          ? defaultStorage('sessionStorage')
          : null;
    this.eventTarget = options.eventTarget === undefined ? (globalThis.window ?? null) : options.eventTarget;
    this.outboxQueue = new LazyOutbox({
      backend,
      loading: options.loadOutbox ?? 'at-start',
      eventTarget: this.eventTarget,
      storage,
      sessionStorage,
      storageKey: options.storageKey ?? backend.name,
      backoff: { baseMs: backoff.baseMs, maxMs: options.outboxBackoffMaxMs ?? 120_000 },
      maxAgeMs: this.maxAgeMs,
      timing: this.timing,
      currentUserId: () => this.currentUser().then((me) => me.id),
      onDelivered: (effects, activity) => this.delivered(effects, activity),
      onChange: () => this.emit({ topic: 'outbox' }),
    });
    this.trackingOn = options.tracking ?? true;
    this.activity = new ActivityQueue({
      flushMs: options.trackFlushMs ?? 5_000,
      maxQueued: options.trackQueueMax ?? 1_000,
      timing: this.timing,
      send: (events) => backend.track(events),
      beacon: (events) => this.beacon(events),
    });
    this.eventTarget?.addEventListener('online', this.onOnline);
    this.eventTarget?.addEventListener('visibilitychange', this.onVisible);
    this.eventTarget?.addEventListener('pagehide', this.onPageHide);
    this.eventTarget?.addEventListener(KringSignedOutEvent.eventName, this.onSignedOut);
    this.outboxQueue.start();
    this.stopWatchingPeople = backend.watchPeople?.((people) => this.peopleCache.learn(people));
    this.live = new LiveUpdates({
      backend,
      timing: this.timing,
      apply: (event) => this.onLive(event),
      wake: () => this.backOnline.promise,
    });
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
    return this.trackingOn;
  }

  set tracking(on: boolean) {
    this.trackingOn = on;
    if (!on) this.activity.clear();
  }

  /** The first subscriber opens the backend's live updates, when it offers them. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (this.backend.capabilities.liveUpdates) {
      this.live.start();
      this.loadLiveEffects();
    }
    return () => this.listeners.delete(listener);
  }

  /** Whether the live-updates stream is open and attached (for tests and diagnostics). */
  get liveConnected(): boolean {
    return this.live.connected;
  }

  // ------------------------------------------------------------ people

  currentUser(options?: CallOptions): Promise<Person> {
    return this.peopleReads.currentUser(options);
  }

  person(idOrEmail: string, options?: CallOptions): Promise<Person | null> {
    return this.peopleReads.person(idOrEmail, options);
  }

  people(ids: readonly string[], options?: CallOptions): Promise<(Person | null)[]> {
    return Promise.all(ids.map((id) => this.person(id, options)));
  }

  peekPerson(idOrEmail: string): Person | undefined {
    return this.peopleCache.peekPerson(idOrEmail);
  }

  searchPeople(query: PeopleQuery, options?: CallOptions): Promise<PeopleSearchResult> {
    return this.read(
      'searchPeople',
      [query],
      async (signal) => {
        const result = await this.backend.searchPeople(query, { signal });
        for (const match of result.items) this.peopleCache.store(match.person.id, match.person);
        return result;
      },
      options,
      SEARCH_TTL_MS,
    );
  }

  suggestSkills(text: string, options?: CallOptions): Promise<string[]> {
    return this.passOn('suggestSkills', [text], options);
  }

  // ------------------------------------------------------------ other reads

  listKudos(query: KudosQuery, options?: CallOptions): Promise<Page<Kudos>> {
    return this.passOn('listKudos', [query], options);
  }

  listReactors(kudosId: string, reaction: ReactionType, options?: CallOptions): Promise<string[]> {
    return this.passOn('listReactors', [kudosId, reaction], options);
  }

  kudosValues(options?: CallOptions): Promise<string[]> {
    return this.passOn('kudosValues', [], options);
  }

  listInvites(query: InviteListQuery, options?: CallOptions): Promise<Page<Invite>> {
    return this.passOn('listInvites', [query], options);
  }

  inviteQuota(options?: CallOptions): Promise<InviteQuota> {
    return this.passOn('inviteQuota', [], options);
  }

  lookupInvite(token: string, options?: CallOptions): Promise<InviteTokenInfo> {
    return this.passOn('lookupInvite', [token], options);
  }

  inviteTree(personId: string, options?: CallOptions): Promise<InviteTreeNode> {
    return this.passOn('inviteTree', [personId], options);
  }

  ambassadorProfile(personId: string, options?: CallOptions): Promise<AmbassadorProfile> {
    return this.passOn('ambassadorProfile', [personId], options);
  }

  listBadges(personId: string, options?: CallOptions): Promise<BadgeAward[]> {
    return this.passOn('listBadges', [personId], options);
  }

  metrics(query: MetricsQuery, options?: CallOptions): Promise<CommunityMetrics> {
    return this.passOn('metrics', [query], options);
  }

  pioneers(query: { limit?: number }, options?: CallOptions): Promise<PioneerRank[]> {
    return this.passOn('pioneers', [query], options);
  }

  // ------------------------------------------------------------ writes

  endorseSkill(personId: string, skill: string): Promise<Skill> {
    return this.write('endorseSkill', { personId, skill });
  }

  unendorseSkill(personId: string, skill: string): Promise<Skill> {
    return this.write('unendorseSkill', { personId, skill });
  }

  giveKudos(input: KudosInput): Promise<Kudos> {
    return this.write('giveKudos', input);
  }

  react(kudosId: string, reaction: ReactionType, on: boolean): Promise<Kudos> {
    return this.write('react', { kudosId, reaction, on });
  }

  sendInvite(input: InviteInput): Promise<Invite> {
    return this.write('sendInvite', input);
  }

  resendInvite(inviteId: string): Promise<Invite> {
    return this.write('resendInvite', { inviteId });
  }

  revokeInvite(inviteId: string): Promise<Invite> {
    return this.write('revokeInvite', { inviteId });
  }

  createInviteLink(): Promise<InviteLink> {
    return this.write('createInviteLink', {});
  }

  respondToInvite(token: string, accept: boolean): Promise<InviteTokenInfo> {
    return this.write('respondToInvite', { token, accept });
  }

  chooseAmbassadorRoles(roles: readonly AmbassadorRole[]): Promise<AmbassadorProfile> {
    return this.write('chooseAmbassadorRoles', { roles: [...roles] });
  }

  recordEvidence(input: EvidenceInput): Promise<AmbassadorProfile> {
    return this.write('recordEvidence', input);
  }

  awardBadge(input: BadgeAwardInput): Promise<BadgeAward> {
    return this.write('awardBadge', input);
  }

  revokeBadge(badgeId: string): Promise<BadgeAward> {
    return this.write('revokeBadge', { badgeId });
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
    return this.maxAgeMs;
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
    const wasLive = this.live.running;
    this.live.stop(true);
    if (wasLive) this.live.start();
    this.cache.invalidate(() => true);
    this.activity.clear();
    this.outboxQueue.clearAll();
  }

  // ------------------------------------------------------------ activity

  track(event: TrackInput): void {
    if (!this.trackingOn || !this.backend.capabilities.tracking) return;
    const at = event.at ?? new Date(this.timing.now()).toISOString();
    const enqueue = (actorId: string): void => {
      if (this.trackingOn) this.activity.push({ ...event, actorId, at });
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
    if (!this.trackingOn) return Promise.resolve();
    return this.activity.flush(options.beacon);
  }

  dispose(): void {
    this.live.stop();
    this.stopWatchingPeople?.();
    this.peopleReads.dispose();
    this.outboxQueue.dispose();
    this.activity.dispose();
    this.eventTarget?.removeEventListener('online', this.onOnline);
    this.eventTarget?.removeEventListener('visibilitychange', this.onVisible);
    this.eventTarget?.removeEventListener('pagehide', this.onPageHide);
    this.eventTarget?.removeEventListener(KringSignedOutEvent.eventName, this.onSignedOut);
    this.listeners.clear();
  }

  // ------------------------------------------------------------ internals

  /** Resolved (and replaced) when the browser comes back online: reads waiting to retry go at once. */
  private backOnline = deferred();
  private readonly onOnline = (): void => {
    const waiting = this.backOnline;
    this.backOnline = deferred();
    waiting.resolve();
    this.outboxQueue.retryWaiting();
  };
  private readonly onVisible = (): void => {
    if (globalThis.document?.visibilityState !== 'hidden') this.outboxQueue.retryWaiting();
  };
  private readonly onSignedOut = (): void => this.signOut();
  private readonly onPageHide = (): void => void this.flushActivity({ beacon: true });

  private retried<T>(call: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(call, this.retryPolicy, this.timing, signal);
  }

  /** A read passed on to the adapter as it is: cached under its name and arguments, retried. */
  private passOn<M extends ClientRead>(
    method: M,
    args: ReadArgs<M>,
    options?: CallOptions,
  ): Promise<Awaited<ReturnType<Backend[M]>>> {
    const call = this.backend[method] as (...args: unknown[]) => Promise<Awaited<ReturnType<Backend[M]>>>;
    return this.read(method, args, (signal) => call.apply(this.backend, [...args, { signal }]), options);
  }

  private read<T>(
    method: string,
    args: unknown[],
    call: (signal?: AbortSignal) => Promise<T>,
    options?: CallOptions,
    ttlMs?: number,
  ): Promise<T> {
    return this.cache.read(stableKey(method, args), (signal) => this.retried(call, signal), {
      signal: options?.signal,
      ttlMs,
    });
  }

  private write<K extends WriteKind>(kind: K, input: WriteInputs[K]): Promise<WriteResults[K]> {
    return this.outboxQueue.enqueue({ kind, input } as WriteRequest) as Promise<WriteResults[K]>;
  }

  /** A confirmed write; `activity` only in the tab that sent it (recorded once). */
  private delivered(effects: WriteEffects, activity: WriteActivity | undefined): void {
    this.applyEffects(effects);
    if (activity) this.track(activity);
  }

  /** Applies a pushed event, in order: after the code that works out its effects has arrived. */
  private onLive(event: LiveEvent): void {
    if (this.effectsOfLive && !this.liveQueue) return this.applyLive(event, this.effectsOfLive);
    (this.liveQueue ??= []).push(event);
    this.loadLiveEffects();
  }

  private loadLiveEffects(): void {
    if (this.effectsOfLive || this.liveEffectsLoad) return;
    this.liveEffectsLoad = import('./write-effects.js').then(
      ({ liveEffects: effectsOf }) => {
        this.liveEffectsLoad = undefined;
        this.effectsOfLive = effectsOf;
        const queued = this.liveQueue ?? [];
        this.liveQueue = undefined;
        for (const event of queued) this.applyLive(event, effectsOf);
      },
      () => {
        this.liveEffectsLoad = undefined;
        // Offline, most likely: what was pushed meanwhile is read again, as after missed events.
        if (this.liveQueue) this.applyLive({ type: 'reset', data: {} }, () => undefined);
        this.liveQueue = undefined;
      },
    );
  }

  private applyEffects(effects: WriteEffects): void {
    const methods = effects.invalidate.map((method) => `${method}:`);
    this.cache.invalidate((key) => methods.some((prefix) => key.startsWith(prefix)));
    for (const id of effects.stalePeople) this.peopleCache.markStale(id);
    if (effects.skill) this.peopleCache.patchSkill(effects.skill.personId, effects.skill.skill);
    for (const change of effects.changes) this.emit(change);
  }

  /**
   * Someone's change, pushed by the backend: the same cache updates and change notifications as a
   * write of our own, so feeds, cards and counters follow (a feed that has the kudos already keeps one).
   */
  private applyLive(event: LiveEvent, effectsOf: typeof liveEffects): void {
    if (event.type === 'reset') {
      // Events were missed: nothing cached can be trusted to be current.
      this.cache.invalidate((key) => key !== CURRENT_USER_KEY);
      for (const topic of ['kudos', 'people', 'invites', 'ambassadors', 'metrics'] as const)
        this.emit({ topic });
      return;
    }
    const effects = effectsOf(event);
    if (effects) this.applyEffects(effects);
  }

  private beacon(events: ActivityEvent[]): boolean {
    const send = (this.backend as Backend & ActivityBeacon).trackBeacon;
    if (typeof send !== 'function') return false;
    try {
      return send.call(this.backend, events);
    } catch {
      return false;
    }
  }

  private emit(change: ClientChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('kring: a change listener failed', error);
      }
    }
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Creates the client elements share; see `ClientOptions` for the defaults. */
export function createClient(backend: Backend, options?: ClientOptions): CommunityClient {
  return new CommunityClient(backend, options);
}

function defaultStorage(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}
