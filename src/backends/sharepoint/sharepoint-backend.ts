import type { Person } from '../../model.js';
import { ALL_CAPABILITIES, type Backend, type BackendCapabilities, type CallOptions } from '../backend.js';
import { BackendError, isBackendError, untilAborted } from '../../errors.js';
import {
  abortableSleep,
  backoffDelay,
  createHttp,
  parseRetryAfter,
  rejectOnlyWithBackendErrors,
  type FetchLike,
  type TokenProvider,
} from '../http/index.js';
import {
  boundaryOf,
  buildBatchBody,
  MAX_BATCH_PARTS,
  newBoundary,
  parseBatchResponse,
  type BatchPart,
} from './batch.js';
import { DigestCache, pageDigest, type DigestSeed } from './digest.js';
import { lazyListCommunity } from '../lists/lazy-community.js';
import { ListClient } from './lists.js';
import { flavourHeaders, isRecord, mediaType, text, unwrap, type ODataFlavour } from './odata.js';
import {
  accountNameFor,
  personFromProfile,
  personIdFromLogin,
  profilePath,
  splitMultiValue,
  NO_ENDORSEMENTS,
} from './profiles.js';
import { createRateGate } from './rate-gate.js';
import type { ListAdapterSettings } from '../lists/settings.js';
import { createPeopleSearch } from './people-search.js';
import { unlessStoreMissing } from '../lists/missing-store.js';
import { DEFAULT_LIST_TITLES, type ListTitles } from '../lists/schema.js';

export { PEOPLE_SOURCE_ID } from './people-search.js';

export interface SharePointBackendOptions extends ListAdapterSettings {
  /** The site (web) URL, e.g. `https://contoso.sharepoint.com/sites/intranet`. */
  siteUrl: string;
  /** Injectable fetch (SPFx: a wrapper around `spHttpClient`; tests: msw). */
  fetch?: FetchLike;
  /** List titles, when they differ from the defaults (`Kring Kudos`, …). */
  lists?: Partial<ListTitles>;
  /** JSON flavour to ask for. Default `nometadata`; SPFx's SPHttpClient speaks `v4`. */
  odata?: ODataFlavour;
  /** Bearer tokens instead of cookies + digest (an app registration, or SPFx's AadTokenProvider). */
  getToken?: TokenProvider;
  /** Origins besides the site's that may receive requests (and the token or digest); see `createHttp`. */
  trustedOrigins?: readonly string[];
  /**
   * A digest the page already has (SPFx `pageContext.legacyPageContext.formDigestValue`). Default: the page's
   * own, from classic `#__REQUESTDIGEST` or modern `_spPageContextInfo.formDigestValue`.
   */
  formDigest?: DigestSeed;
  /** Claims prefix for ids that are plain sign-in names. Default SharePoint Online's `i:0#.f|membership|`. */
  claimsPrefix?: string;
  /** Minimum spacing of search requests; default 100 ms (SharePoint allows ten per second per user). */
  searchIntervalMs?: number;
}

export interface SharePointBackend extends Backend {
  readonly siteUrl: string;
  readonly lists: ListTitles;
}

export function createSharePointBackend(options: SharePointBackendOptions): SharePointBackend {
  if (!options.siteUrl) throw new BackendError('invalid', 'The SharePoint backend needs a site URL.');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const flavour = options.odata ?? 'nometadata';
  let siteUrl: string;
  try {
    siteUrl = new URL(options.siteUrl, globalThis.location?.href).href.replace(/\/+$/, '');
  } catch (cause) {
    throw new BackendError('invalid', `"${options.siteUrl}" is not a valid SharePoint site URL.`, { cause });
  }
  const titles: ListTitles = { ...DEFAULT_LIST_TITLES, ...options.lists };
  const http = createHttp({
    baseUrl: siteUrl,
    fetch: options.fetch,
    credentials: 'same-origin',
    getToken: options.getToken,
    trustedOrigins: options.trustedOrigins,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    sleep,
    random,
    now,
  });
  const digest = new DigestCache(http, flavour, now, options.formDigest ?? pageDigest(now));
  const lists = new ListClient({
    http,
    flavour,
    digest,
    usesBearer: Boolean(options.getToken),
    sleep,
    random,
  });
  const headers = flavourHeaders(flavour);
  const capabilities: BackendCapabilities = {
    ...ALL_CAPABILITIES,
    manageBadges: options.manageBadges ?? false,
  };

  // ------------------------------------------------------------ current user

  let meRequest: Promise<{ id: string; name: string; email?: string }> | undefined;
  function me(signal?: AbortSignal) {
    // Shared by every caller, so it runs without any one caller's signal; each caller still stops waiting on abort.
    meRequest ??= http.request<unknown>('GET', '/_api/web/currentuser', { headers }).then((body) => {
      const user = unwrap(body);
      if (!isRecord(user) || !text(user, 'LoginName')) {
        throw new BackendError('auth', 'SharePoint did not say who is signed in.');
      }
      return {
        id: personIdFromLogin(text(user, 'LoginName')!),
        name: text(user, 'Title') ?? text(user, 'LoginName')!,
        email: text(user, 'Email'),
      };
    });
    meRequest.catch(() => (meRequest = undefined));
    return untilAborted(meRequest, signal);
  }
  const meId = async (signal?: AbortSignal) => (await me(signal)).id;

  // ------------------------------------------------------------ community lists

  // The lists' code (kudos, invitations, ambassadors, metrics, and their settings: kudos values, invitation
  // links) loads on first use: cards never need it, and a card page's files fit the 6 connections a browser
  // opens to one host (issue 18).
  const community = lazyListCommunity(async () => {
    const [{ createListCommunity }, { sharePointListTransport }, { kudosAndInviteSettings }] =
      await Promise.all([
        import('../lists/community.js'),
        import('./community-transport.js'),
        import('../lists/settings.js'),
      ]);
    return createListCommunity({
      lists: sharePointListTransport(lists),
      titles,
      meId,
      getPeople,
      manageBadges: capabilities.manageBadges,
      ...kudosAndInviteSettings(options, siteUrl),
      inviteQuota: options.inviteQuota,
      now,
      // A profile card that is closed must not fail the tally the other cards wait for.
      detachSharedReads: true,
      metricsPeopleDetails: true,
      splitRoles: splitMultiValue,
    });
  });
  const missingListsFix =
    `Profile cards show the directory without endorsements until the Kring lists exist on ${siteUrl}: ` +
    `run provisionSharePointLists({ siteUrl: '${siteUrl}' }) once (docs/backends/sharepoint.md).`;
  // The SharePoint backend answers only the Backend methods; the tally and the member map serve its search.
  const { endorsementCounts: endorsementTally, members: memberMap, ...communityMethods } = community;

  // ------------------------------------------------------------ profiles

  const profileUrl = (id: string) => `${siteUrl}${profilePath(accountNameFor(id, options.claimsPrefix))}`;

  async function oneProfile(id: string, signal?: AbortSignal): Promise<unknown> {
    try {
      return unwrap(await http.request<unknown>('GET', profileUrl(id), { headers, signal }));
    } catch (error) {
      if (isBackendError(error) && (error.kind === 'not-found' || error.status === 400)) return null;
      throw error;
    }
  }

  /**
   * Up to 20 profile look-ups in one `$batch`. Each part's status is honoured: 200 is a profile, 404/400
   * an unknown account, 429/503/5xx a part to send again (after the longest Retry-After among them).
   */
  async function profileBatch(ids: readonly string[], signal?: AbortSignal): Promise<unknown[]> {
    const answers: unknown[] = new Array(ids.length).fill(null);
    let pending = ids.map((_, index) => index);
    for (let round = 0; pending.length > 0; round += 1) {
      const boundary = newBoundary('batch', random);
      const parts: BatchPart[] = pending.map((index) => ({
        method: 'GET',
        url: profileUrl(ids[index]),
        headers: { Accept: mediaType(flavour) },
      }));
      const result = await lists.writeWithHeaders('POST', '/_api/$batch', {
        rawBody: buildBatchBody(parts, boundary),
        headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, Accept: 'multipart/mixed' },
        safe: true,
        parse: 'text',
        signal,
      });
      const responseBoundary = boundaryOf(result.headers.get('content-type'));
      const responses = responseBoundary
        ? parseBatchResponse(String(result.data ?? ''), responseBoundary)
        : [];
      const retry: number[] = [];
      let waitMs = 0;
      let failure: BackendError | undefined;
      pending.forEach((index, position) => {
        const part = responses[position];
        if (!part) {
          retry.push(index);
          return;
        }
        if (part.status >= 200 && part.status < 300) {
          try {
            answers[index] = part.body.trim() ? unwrap(JSON.parse(part.body)) : null;
          } catch {
            answers[index] = null;
          }
        } else if (part.status === 429 || part.status >= 500) {
          retry.push(index);
          // Each part carries its own Retry-After (seconds or a date) and RateLimit-Reset; wait for the longest.
          waitMs = Math.max(waitMs, parseRetryAfter(part.headers, now()) ?? 0);
          failure ??= new BackendError(
            part.status === 429 || part.status === 503 ? 'throttled' : 'server',
            'SharePoint is busy. Please try again in a moment.',
            { status: part.status },
          );
        }
      });
      if (retry.length === 0) break;
      if (round >= (options.retries ?? 0))
        throw failure ?? new BackendError('server', 'SharePoint did not answer every profile.');
      pending = retry;
      await sleep(Math.max(waitMs, backoffDelay(round, { baseMs: 300, maxMs: 10_000 }, random)), signal);
    }
    return answers;
  }

  /** Raw profiles of recent look-ups, so opening a card after a page-wide look-up costs no profile request. */
  const recentProfiles = new Map<string, { at: number; profile: unknown }>();
  const PROFILE_REUSE_MS = 60_000;

  /**
   * Page-wide look-ups (no `details`) return summaries: what a compact card shows, without skills and
   * "about me", so they need neither the endorsements list nor the current user: only the `$batch`es.
   * A look-up with `details` adds skills with their endorsement counts.
   */
  async function getPeople(ids: readonly string[], call?: CallOptions): Promise<(Person | null)[]> {
    const unique = [...new Set(ids.map((id) => personIdFromLogin(id)))];
    if (unique.length === 0) return ids.map(() => null);
    const details = call?.details === true;
    const loadProfiles = async (): Promise<unknown[]> => {
      const fresh = (id: string) => {
        const entry = recentProfiles.get(id);
        return details && entry && now() - entry.at < PROFILE_REUSE_MS ? entry : undefined;
      };
      const missing = unique.filter((id) => !fresh(id));
      let fetched: unknown[] = [];
      if (missing.length === 1) fetched = [await oneProfile(missing[0], call?.signal)];
      else if (missing.length > 1) {
        const chunks: string[][] = [];
        for (let start = 0; start < missing.length; start += MAX_BATCH_PARTS) {
          chunks.push(missing.slice(start, start + MAX_BATCH_PARTS));
        }
        fetched = (await Promise.all(chunks.map((chunk) => profileBatch(chunk, call?.signal)))).flat();
      }
      missing.forEach((id, index) => recentProfiles.set(id, { at: now(), profile: fetched[index] }));
      return unique.map((id) => recentProfiles.get(id)?.profile ?? null);
    };
    // Together, so a failure of either never leaves the other's rejection unhandled.
    const [profiles, endorsements] = await Promise.all([
      loadProfiles(),
      details
        ? unlessStoreMissing(endorsementTally(call?.signal), NO_ENDORSEMENTS, missingListsFix)
        : undefined,
    ]);
    const byId = new Map<string, Person | null>();
    unique.forEach((id, index) => {
      const person = personFromProfile(profiles[index], endorsements);
      byId.set(
        id,
        person && !details ? { ...person, skills: [], about: undefined, summaryOnly: true } : person,
      );
    });
    return ids.map((id) => byId.get(personIdFromLogin(id)) ?? null);
  }

  const search = createPeopleSearch({
    http,
    headers,
    gate: createRateGate(options.searchIntervalMs ?? 100, now, sleep),
    readEndorsements: (signal) =>
      unlessStoreMissing(endorsementTally(signal), NO_ENDORSEMENTS, missingListsFix),
    readMembers: (signal) => unlessStoreMissing(memberMap(signal), new Map(), missingListsFix),
  });

  const backend: SharePointBackend = {
    name: 'sharepoint',
    siteUrl,
    lists: titles,
    capabilities,

    async currentUser(call) {
      const user = await me(call?.signal);
      const [person] = await getPeople([user.id], { ...call, details: true });
      return (
        person ?? {
          id: user.id,
          name: user.name,
          email: user.email,
          skills: [],
          isManagement: false,
          links: user.email ? [{ kind: 'mail', url: `mailto:${user.email}` }] : [],
        }
      );
    },

    getPeople,

    searchPeople: search.searchPeople,
    suggestSkills: search.suggestSkills,

    ...communityMethods,
  };

  return rejectOnlyWithBackendErrors(backend);
}
