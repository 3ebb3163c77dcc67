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

export { BackendError, type BackendErrorKind } from '../errors.js';

/** Options every call takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * For people look-ups: everything an opened view shows (skills, "about me"), not only the summary a
   * compact card needs. Adapters that always send everything ignore it (see `Person.summaryOnly`).
   */
  details?: boolean;
}

/**
 * One change pushed by the backend (the REST contract's `GET /events`): `kudos` and `reaction` carry
 * `{ kudos }`, `endorsement` `{ personId, skill, endorserId, on }`, `badge` `{ badge }`, `invite`
 * `{ invite }`; `reset` means events were missed and what is shown should be read again.
 */
export interface LiveEvent {
  id?: string;
  type: 'kudos' | 'reaction' | 'endorsement' | 'badge' | 'invite' | 'reset' | (string & {});
  data: unknown;
}

/** Options every write takes: the same key on a retry means the same write. */
export interface WriteOptions extends CallOptions {
  idempotencyKey: string;
}

/** What an adapter can do; elements hide what it cannot. */
export interface BackendCapabilities {
  search: boolean;
  endorsements: boolean;
  kudos: boolean;
  reactions: boolean;
  invites: boolean;
  ambassadors: boolean;
  /** The current user may award and revoke badges manually. */
  manageBadges: boolean;
  tracking: boolean;
  metrics: boolean;
  /**
   * The backend pushes others' changes as they happen (`streamEvents`); the client then updates feeds,
   * cards and counters without a reload. Off when absent.
   */
  liveUpdates?: boolean;
}

/** Everything on: a full backend starts from this and turns off what it cannot do. */
export const ALL_CAPABILITIES: Readonly<BackendCapabilities> = {
  search: true,
  endorsements: true,
  kudos: true,
  reactions: true,
  invites: true,
  ambassadors: true,
  manageBadges: true,
  tracking: true,
  metrics: true,
};

export interface InviteListQuery {
  /** Invitations sent by this person (default: the current user). */
  inviterId?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The contract every adapter implements (demo, REST, SharePoint, Graph).
 * Every method rejects with a `BackendError` only. Integrators call these names: keep them stable.
 */
export interface Backend {
  /** Short adapter name, e.g. `demo`, `rest`. */
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  /**
   * BCP 47 language the directory and community texts are written in (job titles, departments,
   * badge criteria), when the whole organisation writes in one; the elements mark that text with it
   * where it differs from the language they render in. `<kring-community content-lang>` overrides it.
   */
  readonly contentLanguage?: string;

  // people
  currentUser(options?: CallOptions): Promise<Person>;
  /** Looks up people by id or e-mail; results in the same order, `null` for unknown. */
  getPeople(ids: readonly string[], options?: CallOptions): Promise<(Person | null)[]>;
  searchPeople(query: PeopleQuery, options?: CallOptions): Promise<PeopleSearchResult>;
  /** Skill names that start with or contain the text, for suggestions. */
  suggestSkills(text: string, options?: CallOptions): Promise<string[]>;

  // endorsements
  endorseSkill(personId: string, skill: string, options: WriteOptions): Promise<Skill>;
  unendorseSkill(personId: string, skill: string, options: WriteOptions): Promise<Skill>;

  // kudos
  listKudos(query: KudosQuery, options?: CallOptions): Promise<Page<Kudos>>;
  giveKudos(input: KudosInput, options: WriteOptions): Promise<Kudos>;
  /** Adds (`on` true) or removes the current user's reaction; returns the updated kudos. */
  react(kudosId: string, reaction: ReactionType, on: boolean, options: WriteOptions): Promise<Kudos>;
  /** Person ids of those who reacted with this reaction. */
  listReactors(kudosId: string, reaction: ReactionType, options?: CallOptions): Promise<string[]>;
  /** The company values kudos can be tagged with. */
  kudosValues(options?: CallOptions): Promise<string[]>;

  // invitations
  sendInvite(input: InviteInput, options: WriteOptions): Promise<Invite>;
  listInvites(query: InviteListQuery, options?: CallOptions): Promise<Page<Invite>>;
  resendInvite(inviteId: string, options: WriteOptions): Promise<Invite>;
  revokeInvite(inviteId: string, options: WriteOptions): Promise<Invite>;
  inviteQuota(options?: CallOptions): Promise<InviteQuota>;
  createInviteLink(options: WriteOptions): Promise<InviteLink>;
  lookupInvite(token: string, options?: CallOptions): Promise<InviteTokenInfo>;
  respondToInvite(token: string, accept: boolean, options: WriteOptions): Promise<InviteTokenInfo>;
  inviteTree(personId: string, options?: CallOptions): Promise<InviteTreeNode>;

  // ambassadors and badges
  ambassadorProfile(personId: string, options?: CallOptions): Promise<AmbassadorProfile>;
  chooseAmbassadorRoles(roles: readonly AmbassadorRole[], options: WriteOptions): Promise<AmbassadorProfile>;
  recordEvidence(input: EvidenceInput, options: WriteOptions): Promise<AmbassadorProfile>;
  listBadges(personId: string, options?: CallOptions): Promise<BadgeAward[]>;
  awardBadge(input: BadgeAwardInput, options: WriteOptions): Promise<BadgeAward>;
  revokeBadge(badgeId: string, options: WriteOptions): Promise<BadgeAward>;

  // activity and metrics
  /** Records activity; adapters may batch. Never called when tracking is off. */
  track(events: readonly ActivityEvent[], options?: CallOptions): Promise<void>;
  metrics(query: MetricsQuery, options?: CallOptions): Promise<CommunityMetrics>;
  pioneers(query: { limit?: number }, options?: CallOptions): Promise<PioneerRank[]>;

  /**
   * Optional. Newer records of people the backend already answered for, learned afterwards: the Graph
   * adapter answers with names first and sends the photos this way when they arrive. Returns a function
   * that stops the listening.
   */
  watchPeople?(listener: (people: readonly Person[]) => void): () => void;

  /**
   * Optional (capability `liveUpdates`). Opens the backend's stream of changes and calls `onEvent` for
   * each, from the one after `lastEventId` when given. Resolves when the backend ends the stream (the
   * caller reconnects), resolves `false` when the backend offers no stream (do not ask again), rejects
   * with a `BackendError` when it cannot be reached. Stops when `signal` aborts.
   */
  streamEvents?(options: {
    lastEventId?: string;
    signal: AbortSignal;
    onEvent: (event: LiveEvent) => void;
  }): Promise<boolean | void>;

  /**
   * Optional. Releases what the backend holds (object URLs, queued requests). `<kring-community>` calls it
   * on a backend it created from its attributes once it stops using it (removed, moved, switched); a
   * backend passed to `Kring.configure({ backend })` belongs to the page, which disposes it.
   */
  dispose?(): void;
}
