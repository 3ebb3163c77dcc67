import { ALL_CAPABILITIES, type Backend, type BackendCapabilities } from '../backend.js';
import { BackendError } from '../../errors.js';
// The HTTP layer's files, not its index: the index also carries the error mapping, which loads on the
// first failure (`http/failure.ts`), so a page whose requests succeed never downloads it.
import {
  createHttp,
  type FetchLike,
  type HeaderRecord,
  type Http,
  type TokenProvider,
} from '../http/client.js';
import { rejectOnlyWithBackendErrors } from '../http/guard.js';
import type { ActivityEvent, Person } from '../../model.js';
import { COMMUNITY_METHODS, lazyMethods } from '../lazy-methods.js';
// The outbox's key function, which the core carries (it keys every write).
import { newIdempotencyKey } from '../../idempotency-key.js';
import type { RestCalls } from './rest-community.js';

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

/**
 * The methods whose code (`rest-community.ts`) loads on first use: everything but the reads a page of
 * profile cards makes (people, the signed-in user, activity), so such a page never downloads it (issue 18).
 */
const LAZY_METHODS = [
  'searchPeople',
  'suggestSkills',
  ...COMMUNITY_METHODS,
] as const satisfies readonly (keyof Backend)[];

export type RestCommunityMethod = (typeof LAZY_METHODS)[number];

/** The Backend contract over the HTTP API described in `docs/api/openapi.yaml`. */
export function createRestBackend(options: RestBackendOptions): RestBackend {
  if (!options.endpoint) throw new BackendError('invalid', 'The REST backend needs an endpoint URL.');
  const csrf = options.csrf;
  const headers = async () => {
    const record: HeaderRecord = { ...options.headers };
    if (csrf) record[csrf.header] = typeof csrf.value === 'function' ? await csrf.value() : csrf.value;
    return record;
  };
  // The HTTP settings (fetch, credentials, token, trusted origins, timeout, retries, test hooks) carry
  // the same names in both option types.
  const http: Http = createHttp({ ...options, baseUrl: options.endpoint, headers });
  const createKey = options.createKey ?? newIdempotencyKey;
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

  const calls: RestCalls = { http, safePhoto };

  return rejectOnlyWithBackendErrors<RestBackend>({
    name: 'rest',
    endpoint: http.baseUrl,
    capabilities,

    currentUser: async (call) =>
      safePhoto(await http.request<Person>('GET', '/me', { signal: call?.signal })),

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

    ...lazyMethods(LAZY_METHODS, async () => (await import('./rest-community.js')).restCommunity(calls)),

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
    // Loaded with the first stream (`liveUpdates` on): a page of cards without one never downloads it.
    streamEvents: async (stream) =>
      (await import('./event-stream.js')).readEventStream({
        ...stream,
        url: http.url('/events'),
        fetch: options.fetch,
        credentials: options.credentials,
        headers,
        getToken: options.getToken,
      }),

    trackBeacon(events) {
      if (events.length === 0) return true;
      // A header function (a CSRF token fetched on demand) cannot be awaited while the page goes.
      // Nor can a token function: such an API gets the batch through `track` instead.
      if ((csrf && typeof csrf.value === 'function') || options.getToken) return false;
      const sent: HeaderRecord = {
        ...options.headers,
        'Content-Type': 'application/json',
        [KRING_REQUEST_HEADER]: '1',
        'Idempotency-Key': createKey(),
      };
      if (csrf) sent[csrf.header] = csrf.value as string;
      try {
        const sending = (options.fetch ?? globalThis.fetch)(http.url('/activity'), {
          method: 'POST',
          keepalive: true,
          credentials: options.credentials ?? 'same-origin',
          headers: sent,
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
