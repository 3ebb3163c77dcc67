import {
  ALL_CAPABILITIES,
  type Backend,
  type BackendCapabilities,
  type CallOptions,
  type WriteOptions,
} from '../backend.js';
import { BackendError } from '../../errors.js';
import {
  createHttp,
  rejectOnlyWithBackendErrors,
  type FetchLike,
  type HeaderRecord,
  type Http,
  type TokenProvider,
} from '../http/index.js';
import type {
  ActivityEvent,
  AmbassadorProfile,
  BadgeAward,
  CommunityMetrics,
  Invite,
  InviteLink,
  InviteQuota,
  InviteTokenInfo,
  InviteTreeNode,
  Kudos,
  Page,
  PeopleSearchResult,
  Person,
  PioneerRank,
  Skill,
} from '../../model.js';

/** A CSRF header: WordPress `X-WP-Nonce`, Drupal `X-CSRF-Token`, or any other name. */
export interface CsrfHeader {
  header: string;
  /** The token, or a function asked before each request (it may fetch `/session/token` once and cache it). */
  value: string | (() => string | Promise<string>);
}

export interface RestBackendOptions {
  /** Base URL of the API, e.g. `/wp-json/kring/v1`. */
  endpoint: string;
  fetch?: FetchLike;
  /** `same-origin` by default; `include` when the API is on another origin and uses cookies. */
  credentials?: RequestCredentials;
  headers?: HeaderRecord;
  getToken?: TokenProvider;
  csrf?: CsrfHeader;
  /** Origins besides the endpoint's that may receive requests (and the token); see `createHttp`. */
  trustedOrigins?: readonly string[];
  /** Features the server offers; all on by default (live updates off: see `liveUpdates`). */
  capabilities?: Partial<BackendCapabilities>;
  /**
   * The server offers `GET /events` (Kring Server does): the client keeps a stream open and shows
   * others' kudos, reactions, endorsements and badges as they happen. Default false.
   */
  liveUpdates?: boolean;
  /**
   * Hosts photo URLs may come from besides this page's origin (e.g. `['photos.intranet.example']`), over
   * https only. A `photoUrl` from anywhere else is dropped (the card shows initials): the server's data
   * never makes the browser contact a host the integrator did not choose.
   */
  photoHosts?: readonly string[];
  /** Per-attempt timeout. Default 15 s. */
  timeoutMs?: number;
  /** Retries per request inside the adapter. Default 0: the CommunityClient is the one retry layer. */
  retries?: number;
  /** Test hooks. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Creates the key for activity batches (which carry none from the caller). */
  createKey?: () => string;
}

export interface RestBackend extends Backend {
  readonly endpoint: string;
  /**
   * Sends activity with a `keepalive` fetch, which survives page unload (call it from `pagehide`). It
   * carries the same `X-Kring-Request`, CSRF and key headers as `track` (a token only when the token
   * function is not needed: it cannot be awaited while the page goes). Returns false when the browser
   * refused to queue it (then fall back to `track`).
   */
  trackBeacon(events: readonly ActivityEvent[]): boolean;
}

/**
 * Sent with every activity batch. A cross-site form or beacon cannot set it, so a server that requires it
 * (the contract does) cannot be made to record activity by another site.
 */
export const KRING_REQUEST_HEADER = 'X-Kring-Request';

/** The server takes the actor from the session; the client does not claim one. */
const withoutActor = (events: readonly ActivityEvent[]) =>
  events.map(({ actorId: _actor, ...event }) => event);

/** Largest lookup per request; matches the contract's `maxItems`. */
const LOOKUP_CHUNK = 100;

interface ItemsBody<T> {
  items: T[];
}

/** The Backend contract over the HTTP API described in `docs/api/openapi.yaml`. */
export function createRestBackend(options: RestBackendOptions): RestBackend {
  if (!options.endpoint) throw new BackendError('invalid', 'The REST backend needs an endpoint URL.');
  const csrf = options.csrf;
  const http: Http = createHttp({
    baseUrl: options.endpoint,
    fetch: options.fetch,
    credentials: options.credentials,
    getToken: options.getToken,
    trustedOrigins: options.trustedOrigins,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    sleep: options.sleep,
    random: options.random,
    now: options.now,
    headers: async () => {
      const headers: HeaderRecord = { ...options.headers };
      if (csrf) headers[csrf.header] = typeof csrf.value === 'function' ? await csrf.value() : csrf.value;
      return headers;
    },
  });
  const createKey = options.createKey ?? randomKey;
  const photoHosts = new Set((options.photoHosts ?? []).map((host) => host.toLowerCase()));
  /** The person without a `photoUrl` that is not same-origin or https on an allowed host. */
  const safePhoto = (person: Person): Person =>
    person.photoUrl === undefined || photoAllowed(person.photoUrl, photoHosts)
      ? person
      : { ...person, photoUrl: undefined };
  const capabilities: BackendCapabilities = {
    ...ALL_CAPABILITIES,
    liveUpdates: options.liveUpdates ?? false,
    ...options.capabilities,
  };

  const get = <T>(
    path: string,
    query: Record<string, string | number | boolean | undefined> | undefined,
    call?: CallOptions,
  ) => http.request<T>('GET', path, { query, signal: call?.signal });
  const write = <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, write: WriteOptions) =>
    http.request<T>(method, path, { body, signal: write.signal, idempotencyKey: write.idempotencyKey });
  const seg = encodeURIComponent;

  return rejectOnlyWithBackendErrors<RestBackend>({
    name: 'rest',
    endpoint: http.baseUrl,
    capabilities,

    currentUser: async (call) => safePhoto(await get<Person>('/me', undefined, call)),

    async getPeople(ids, call) {
      const unique = [...new Set(ids)];
      const found = new Map<string, Person | null>();
      for (let start = 0; start < unique.length; start += LOOKUP_CHUNK) {
        const chunk = unique.slice(start, start + LOOKUP_CHUNK);
        const body = await http.request<{ people: (Person | null)[] }>('POST', '/people/lookup', {
          body: { ids: chunk },
          safe: true,
          signal: call?.signal,
        });
        chunk.forEach((id, index) => found.set(id, body?.people?.[index] ?? null));
      }
      return ids.map((id) => {
        const person = found.get(id) ?? null;
        return person && safePhoto(person);
      });
    },

    searchPeople: async (query, call) => {
      const result = await inPages(query, (limit, cursor) =>
        get<PeopleSearchResult>(
          '/people/search',
          {
            text: query.text,
            skill: query.skill,
            department: query.department,
            membersOnly: query.membersOnly || undefined,
            limit,
            cursor,
          },
          call,
        ),
      );
      return {
        ...result,
        items: result.items.map((match) => ({ ...match, person: safePhoto(match.person) })),
      };
    },

    async suggestSkills(text, call) {
      return (await get<ItemsBody<string>>('/skills/suggest', { text }, call)).items;
    },

    endorseSkill: (personId, skill, w) =>
      write<Skill>('PUT', `/people/${seg(personId)}/skills/${seg(skill)}/endorsement`, undefined, w),
    unendorseSkill: (personId, skill, w) =>
      write<Skill>('DELETE', `/people/${seg(personId)}/skills/${seg(skill)}/endorsement`, undefined, w),

    listKudos: (query, call) =>
      inPages(query, (limit, cursor) =>
        get<Page<Kudos>>(
          '/kudos',
          {
            person: query.person,
            from: query.from,
            department: query.department,
            value: query.value,
            limit,
            cursor,
          },
          call,
        ),
      ),
    giveKudos: (input, w) => write<Kudos>('POST', '/kudos', input, w),
    react: (kudosId, reaction, on, w) =>
      write<Kudos>(on ? 'PUT' : 'DELETE', `/kudos/${seg(kudosId)}/reactions/${seg(reaction)}`, undefined, w),
    async listReactors(kudosId, reaction, call) {
      return (
        await get<ItemsBody<string>>(`/kudos/${seg(kudosId)}/reactions/${seg(reaction)}`, undefined, call)
      ).items;
    },
    async kudosValues(call) {
      return (await get<ItemsBody<string>>('/kudos-values', undefined, call)).items;
    },

    sendInvite: (input, w) => write<Invite>('POST', '/invites', input, w),
    listInvites: (query, call) =>
      inPages(query, (limit, cursor) =>
        get<Page<Invite>>('/invites', { inviterId: query.inviterId, limit, cursor }, call),
      ),
    resendInvite: (inviteId, w) => write<Invite>('POST', `/invites/${seg(inviteId)}/resend`, undefined, w),
    revokeInvite: (inviteId, w) => write<Invite>('POST', `/invites/${seg(inviteId)}/revoke`, undefined, w),
    inviteQuota: (call) => get<InviteQuota>('/invites/quota', undefined, call),
    createInviteLink: (w) => write<InviteLink>('POST', '/invite-links', undefined, w),
    // The token travels in a body: a path or query would leave it in server and proxy logs.
    lookupInvite: (token, call) =>
      http.request<InviteTokenInfo>('POST', '/invite-links/lookup', {
        body: { token },
        safe: true,
        signal: call?.signal,
      }),
    respondToInvite: (token, accept, w) =>
      write<InviteTokenInfo>('POST', '/invite-links/response', { token, accept }, w),
    inviteTree: (personId, call) =>
      get<InviteTreeNode>(`/people/${seg(personId)}/invite-tree`, undefined, call),

    ambassadorProfile: (personId, call) =>
      get<AmbassadorProfile>(`/people/${seg(personId)}/ambassador`, undefined, call),
    chooseAmbassadorRoles: (roles, w) =>
      write<AmbassadorProfile>('PUT', '/me/ambassador/roles', { roles }, w),
    recordEvidence: (input, w) => write<AmbassadorProfile>('POST', '/ambassador/evidence', input, w),
    async listBadges(personId, call) {
      return (await get<ItemsBody<BadgeAward>>(`/people/${seg(personId)}/badges`, undefined, call)).items;
    },
    awardBadge: (input, w) => write<BadgeAward>('POST', '/badges', input, w),
    revokeBadge: (badgeId, w) => write<BadgeAward>('POST', `/badges/${seg(badgeId)}/revoke`, undefined, w),

    async track(events, call) {
      if (events.length === 0) return;
      await http.request('POST', '/activity', {
        body: { events: withoutActor(events) },
        headers: { [KRING_REQUEST_HEADER]: '1' },
        signal: call?.signal,
        idempotencyKey: createKey(),
        parse: 'none',
      });
    },
    metrics: (query, call) => get<CommunityMetrics>('/metrics', { month: query.month }, call),
    async pioneers(query, call) {
      const limit = query.limit === undefined ? undefined : Math.min(query.limit, MAX_PAGE_LIMIT);
      return (await get<ItemsBody<PioneerRank>>('/pioneers', { limit }, call)).items;
    },

    // Loaded with the first stream (`liveUpdates` on): a page of cards without one never downloads it.
    streamEvents: async ({ lastEventId, signal, onEvent }) =>
      (await import('./event-stream.js')).readEventStream({
        url: http.url('/events'),
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        credentials: options.credentials ?? 'same-origin',
        headers: async () => {
          const headers: HeaderRecord = { ...options.headers };
          if (csrf) headers[csrf.header] = typeof csrf.value === 'function' ? await csrf.value() : csrf.value;
          return headers;
        },
        getToken: options.getToken,
        lastEventId,
        signal,
        onEvent,
      }),

    trackBeacon(events) {
      if (events.length === 0) return true;
      // A header function (a CSRF token fetched on demand) cannot be awaited while the page goes.
      // Nor can a token function: such an API gets the batch through `track` instead.
      if ((csrf && typeof csrf.value === 'function') || options.getToken) return false;
      const headers: HeaderRecord = {
        ...options.headers,
        'Content-Type': 'application/json',
        [KRING_REQUEST_HEADER]: '1',
        'Idempotency-Key': createKey(),
      };
      if (csrf) headers[csrf.header] = csrf.value as string;
      try {
        const sending = (options.fetch ?? globalThis.fetch)(http.url('/activity'), {
          method: 'POST',
          keepalive: true,
          credentials: options.credentials ?? 'same-origin',
          headers,
          body: JSON.stringify({ events: withoutActor(events) }),
        });
        // Nobody waits for the answer: the page is going. A failure loses these events, as a beacon's would.
        void Promise.resolve(sending).catch(() => undefined);
        return true;
      } catch {
        return false;
      }
    },
  });
}

/** A UUID-like key; `crypto.randomUUID` only exists on https pages, intranets are not always on https. */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The contract's largest `limit` (`components.parameters.Limit.maximum` in docs/api/openapi.yaml). */
export const MAX_PAGE_LIMIT = 100;

/**
 * Asks for `query.limit` items even when that is above the contract's maximum: pages of at most
 * MAX_PAGE_LIMIT, following `next`, until enough items came or the server has no more.
 */
async function inPages<T, P extends Page<T>>(
  query: { limit?: number; cursor?: string },
  fetchPage: (limit: number | undefined, cursor: string | undefined) => Promise<P>,
): Promise<P> {
  const wanted = query.limit;
  if (wanted === undefined || wanted <= MAX_PAGE_LIMIT) return fetchPage(wanted, query.cursor);
  const first = await fetchPage(MAX_PAGE_LIMIT, query.cursor);
  const items = [...first.items];
  let next = first.next;
  while (next && items.length < wanted) {
    const page = await fetchPage(Math.min(MAX_PAGE_LIMIT, wanted - items.length), next);
    items.push(...page.items);
    next = page.next;
  }
  return { ...first, items, next };
}

/** Same-origin photos always; other hosts only over https and only when the integrator named them. */
function photoAllowed(photoUrl: string, hosts: ReadonlySet<string>): boolean {
  let url: URL;
  try {
    url = new URL(photoUrl, globalThis.location?.href);
  } catch {
    return false;
  }
  if (globalThis.location && url.origin === globalThis.location.origin) return true;
  return url.protocol === 'https:' && hosts.has(url.hostname.toLowerCase());
}
