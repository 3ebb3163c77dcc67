/**
 * The demo backend: a fictional Dutch company generated in the browser from a seed, implementing
 * the whole `Backend` contract with real rules. Writes persist (as a small delta) in localStorage,
 * so they survive a reload. It is the default backend and needs no server.
 */
import type { ActivityEvent, InviteTokenState } from '../../model.js';
import { INVITE_TOKEN_PARAM } from '../../invites/token.js';
import {
  ALL_CAPABILITIES,
  type Backend,
  type BackendCapabilities,
  type CallOptions,
  type WriteOptions,
} from '../backend.js';
import { abortedError, BackendError, isBackendError, throwIfAborted } from '../../errors.js';
import { createActivityModule } from './activity.js';
import { createAmbassadorsModule } from './ambassadors.js';
import type { DemoContext } from './context.js';
import { createEndorsementsModule } from './endorsements.js';
import { createInvitesModule } from './invites.js';
import { createKudosModule } from './kudos.js';
import { createPeopleModule } from './people.js';
import { createSearchModule } from './search.js';
import type { DemoData, DemoHistory } from './seed.js';
import { DemoStore, type StorageLike } from './store.js';

export type { DemoData, DemoHistory } from './seed.js';
export type { StorageLike } from './store.js';

export const DEFAULT_DEMO_SEED = 'kring';
export const DEFAULT_DEMO_SIZE = 300;
export const MAX_DEMO_SIZE = 100_000;

export interface DemoBackendOptions {
  /** Same seed, same company. Default `kring`. */
  seed?: number | string;
  /** Number of people (12 … 100,000). Default 300. */
  size?: number;
  /** Persist writes so they survive a reload. Default true. */
  persist?: boolean;
  /** Where writes persist. Default `localStorage`; `null` keeps them in memory. */
  storage?: StorageLike | null;
  /** The clock (a fixed date or a function). The data ends on this day. Default the real clock. */
  now?: Date | (() => Date);
  /** Who is signed in (id or e-mail). Default the community manager, who may manage badges. */
  currentUserId?: string;
  /**
   * Whose saved writes to use. Default `currentUserId` (each demo user their own world); the same value
   * for several users lets them share one, e.g. an invitation made by one and accepted by another.
   */
  storageOwner?: string;
  /** Simulated network delay per call, ms. Default 0. */
  latencyMs?: number;
  /** Most kudos from one person to the same colleague within any 24 hours. Default 3. */
  kudosDailyLimit?: number;
  /** Invitations per member per calendar month. Default 5. */
  inviteQuota?: number;
  /** The shareable URL of an invite token. Default the current page with `?invite=<token>`. */
  inviteUrl?: (token: string) => string;
}

/** Demo-only extras for stories, tests and the demo page. Not part of the `Backend` contract. */
export interface DemoInspector {
  /** The generated data set (read only: change data through the backend methods). */
  readonly data: DemoData;
  /** How long generating the data took, ms (people, skills, endorsements, invites, ambassadors). */
  readonly generationMs: number;
  /** The generated kudos and reactions (generated now if they were deferred; pristine, without writes). */
  history(): DemoHistory;
  /** How long generating kudos and reactions took, ms (0 while deferred). */
  readonly historyMs: number;
  /** The generated activity (reading and public acts over six months), for imitations of other backends. */
  activity(): readonly ActivityEvent[];
  readonly storageKey: string;
  readonly currentUserId: string;
  readonly communityManagerId: string;
  /** The token of an e-mailed invitation (in a real system only the invitee's inbox has it). */
  inviteToken(inviteId: string): string | undefined;
  /** A token in each state, where the data has one, for stories of `<kring-welcome>`. */
  sampleTokens(): Partial<Record<InviteTokenState, string>>;
  /** Forgets the persisted writes; the next backend created starts from the generated data. */
  clearPersisted(): void;
}

export interface DemoBackend extends Backend {
  readonly name: 'demo';
  readonly demo: DemoInspector;
}

function defaultInviteUrl(token: string): string {
  const base = typeof location === 'undefined' ? 'https://intranet.kring-demo.nl/' : location.href;
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set(INVITE_TOKEN_PARAM, token);
  return url.href;
}

/** Waits `ms`, rejecting with an `aborted` BackendError as soon as the signal fires. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createDemoBackend(options: DemoBackendOptions = {}): DemoBackend {
  const clock = options.now;
  const now =
    clock === undefined ? () => new Date() : clock instanceof Date ? () => new Date(clock.getTime()) : clock;
  const size = Math.min(MAX_DEMO_SIZE, Math.max(12, Math.floor(options.size ?? DEFAULT_DEMO_SIZE)));
  const store = new DemoStore({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    size,
    now,
    persist: options.persist ?? true,
    storage: options.storage,
    owner: options.storageOwner ?? options.currentUserId,
  });

  let currentUserId = store.data.communityManagerId;
  if (options.currentUserId !== undefined) {
    const chosen = store.findPerson(options.currentUserId);
    if (chosen) currentUserId = chosen.id;
    else
      console.warn(
        `Kring demo backend: unknown currentUserId "${options.currentUserId}"; using the community manager.`,
      );
  }

  const context: DemoContext = {
    store,
    currentUserId,
    kudosDailyLimit: options.kudosDailyLimit ?? 3,
    monthlyInviteQuota: options.inviteQuota ?? 5,
    inviteUrl: options.inviteUrl ?? defaultInviteUrl,
  };
  // Every module defines its stored operations before the persisted delta is replayed.
  const people = createPeopleModule(context);
  const search = createSearchModule(context);
  const endorsements = createEndorsementsModule(context);
  const kudos = createKudosModule(context);
  const invites = createInvitesModule(context);
  const ambassadors = createAmbassadorsModule(context);
  const activity = createActivityModule(context, invites.toInvite);
  store.restore();

  const latencyMs = Math.max(0, options.latencyMs ?? 0);

  async function read<T>(callOptions: CallOptions | undefined, work: () => T): Promise<T> {
    const signal = callOptions?.signal;
    try {
      throwIfAborted(signal);
      await delay(latencyMs, signal);
      // Answer asynchronously even without latency, as a real backend would.
      if (latencyMs === 0) await Promise.resolve();
      throwIfAborted(signal);
      return work();
    } catch (error) {
      if (isBackendError(error)) throw error;
      // Anything else is a defect in the demo backend (like an HTTP 500), never a network problem.
      const message = error instanceof Error ? error.message : String(error);
      throw new BackendError('server', `The demo backend failed: ${message}`, { cause: error });
    }
  }

  function write<T>(writeOptions: WriteOptions, work: () => T): Promise<T> {
    return read(writeOptions, () => {
      const key = writeOptions?.idempotencyKey;
      if (typeof key !== 'string' || key.length === 0) {
        throw new BackendError('invalid', 'Every write needs an idempotency key.', {
          code: 'idempotency-key',
        });
      }
      return store.idempotent(key, work);
    });
  }

  const capabilities: BackendCapabilities = {
    ...ALL_CAPABILITIES,
    manageBadges: ambassadors.canManageBadges(),
  };

  const inspector: DemoInspector = {
    data: store.data,
    generationMs: store.generationMs,
    history: () => store.generatedHistory(),
    activity: () => store.activityEvents().generated,
    get historyMs() {
      return store.historyMs;
    },
    storageKey: store.storageKey,
    currentUserId,
    communityManagerId: store.data.communityManagerId,
    inviteToken: (inviteId) => store.invitesById.get(inviteId)?.token,
    sampleTokens() {
      const tokens: Partial<Record<InviteTokenState, string>> = { unknown: 'no-such-invitation' };
      for (const invite of store.invites) {
        const state = invites.lookupInvite(invite.token).state;
        tokens[state] ??= invite.token;
      }
      return tokens;
    },
    clearPersisted: () => store.clearPersisted(),
  };

  return {
    name: 'demo',
    capabilities,
    // The fictional company is Dutch: its departments, titles and badge criteria are written in Dutch.
    contentLanguage: 'nl',
    demo: inspector,

    currentUser: (o) => read(o, () => people.currentUser()),
    getPeople: (ids, o) => read(o, () => people.getPeople(ids)),
    searchPeople: (query, o) => read(o, () => search.searchPeople(query ?? {})),
    suggestSkills: (text, o) => read(o, () => people.suggestSkills(text ?? '')),

    endorseSkill: (personId, skill, o) => write(o, () => endorsements.endorseSkill(personId, skill)),
    unendorseSkill: (personId, skill, o) => write(o, () => endorsements.unendorseSkill(personId, skill)),

    listKudos: (query, o) => read(o, () => kudos.listKudos(query ?? {})),
    giveKudos: (input, o) => write(o, () => kudos.giveKudos(input)),
    react: (kudosId, reaction, on, o) => write(o, () => kudos.react(kudosId, reaction, on)),
    listReactors: (kudosId, reaction, o) => read(o, () => kudos.listReactors(kudosId, reaction)),
    kudosValues: (o) => read(o, () => kudos.kudosValues()),

    sendInvite: (input, o) => write(o, () => invites.sendInvite(input)),
    listInvites: (query, o) => read(o, () => invites.listInvites(query ?? {})),
    resendInvite: (inviteId, o) => write(o, () => invites.resendInvite(inviteId)),
    revokeInvite: (inviteId, o) => write(o, () => invites.revokeInvite(inviteId)),
    inviteQuota: (o) => read(o, () => invites.inviteQuota()),
    createInviteLink: (o) => write(o, () => invites.createInviteLink()),
    lookupInvite: (token, o) => read(o, () => invites.lookupInvite(token)),
    respondToInvite: (token, accept, o) => write(o, () => invites.respondToInvite(token, accept)),
    inviteTree: (personId, o) => read(o, () => invites.inviteTree(personId)),

    ambassadorProfile: (personId, o) => read(o, () => ambassadors.ambassadorProfile(personId)),
    chooseAmbassadorRoles: (roles, o) => write(o, () => ambassadors.chooseAmbassadorRoles(roles)),
    recordEvidence: (input, o) => write(o, () => ambassadors.recordEvidence(input)),
    listBadges: (personId, o) => read(o, () => ambassadors.listBadges(personId)),
    awardBadge: (input, o) => write(o, () => ambassadors.awardBadge(input)),
    revokeBadge: (badgeId, o) => write(o, () => ambassadors.revokeBadge(badgeId)),

    track: (events, o) => read(o, () => activity.track(events ?? [])),
    metrics: (query, o) => read(o, () => activity.metrics(query)),
    pioneers: (query, o) => read(o, () => activity.pioneers(query ?? {})),
  };
}
