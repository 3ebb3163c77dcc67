import type { PeopleSearchResult, Person, PersonMatch } from '../../model.js';
import type { Backend, BackendCapabilities, CallOptions } from '../backend.js';
import { BackendError } from '../../errors.js';
import { abortableSleep, createHttp, type FetchLike, type TokenProvider } from '../http/index.js';
import type { ListAdapterSettings } from '../lists/settings.js';
import { membersForSearch, withMembership } from '../lists/membership.js';
import { unlessStoreMissing } from '../lists/missing-store.js';
import { DEFAULT_LIST_TITLES, type ListTitles } from '../lists/schema.js';
import { GraphBatcher, isSuccess, partError, type BatchPartResponse, type PartPriority } from './batch.js';
import type { CommunityMethods } from './community.js';
import { lazyListCommunity } from '../lists/lazy-community.js';
import {
  CARD_FIELDS,
  DETAIL_FIELDS,
  isGuid,
  keysOf,
  lookupKey,
  MAX_FILTER_VALUES,
  NO_ENDORSEMENTS,
  odataLiteral,
  personFromUser,
  skillsFromProfile,
  type EndorsementCounts,
  type GraphUser,
} from './people.js';
import { PhotoUrls } from './photos.js';
import { PhotoParts } from './photo-parts.js';
import { PeopleUpdates } from '../people-updates.js';
import { missingPermission, withPermission } from './permissions.js';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

/** Photo size asked for: enough for a 48 px avatar on a 2× screen. */
export const PHOTO_SIZE = '96x96';

export interface GraphSites {
  /**
   * The SharePoint site holding the Kring lists: a Graph site id (`contoso.sharepoint.com,{guid},{guid}`)
   * or the site's URL (`https://contoso.sharepoint.com/sites/intranet`). Without it, only people work.
   */
  community?: string;
  /** List titles, when they differ from the SharePoint adapter's defaults (`Kring Kudos`, …). */
  lists?: Partial<ListTitles>;
}

export interface GraphBackendOptions extends ListAdapterSettings {
  /** An access token for Microsoft Graph; asked again with `forceRefresh: true` once after a 401. */
  getToken: TokenProvider;
  /** Default `https://graph.microsoft.com` (national clouds have their own). */
  baseUrl?: string;
  fetch?: FetchLike;
  sites?: GraphSites;
  /** Most photos kept as object URLs at once. Default 1 000. */
  photoCapacity?: number;
}

/** `details: true` also fetches skills (beta) and "about me": what an opened card shows. */
export type GraphCallOptions = CallOptions;

export interface GraphBackend extends Backend {
  readonly name: 'graph';
  /** Looks people up with everything an opened card shows: skills (beta) and "about me". */
  getPeople(ids: readonly string[], options?: GraphCallOptions): Promise<(Person | null)[]>;
  currentUser(options?: GraphCallOptions): Promise<Person>;
  /**
   * Revokes every photo object URL and stops what is queued; call when the backend is no longer used
   * (`<kring-community>` does so for a backend it created).
   */
  dispose(): void;
}

const SEARCH_SELECT = CARD_FIELDS.join(',');

export function createGraphBackend(options: GraphBackendOptions): GraphBackend {
  if (typeof options.getToken !== 'function') {
    throw new BackendError('invalid', 'The Microsoft Graph backend needs a getToken function.');
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const http = createHttp({
    baseUrl: options.baseUrl ?? GRAPH_BASE_URL,
    fetch: options.fetch,
    // Graph authenticates with the bearer token only; cookies would only widen the CORS request.
    credentials: 'omit',
    getToken: options.getToken,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    sleep,
    random,
    now,
  });
  const partRetries = options.retries ?? 0;
  const batcher = new GraphBatcher({ http, version: 'v1.0', sleep, random, partRetries });
  const betaBatcher = new GraphBatcher({ http, version: 'beta', sleep, random, partRetries });
  const photos = new PhotoUrls(options.photoCapacity);
  const updates = new PeopleUpdates();
  const titles: ListTitles = { ...DEFAULT_LIST_TITLES, ...options.sites?.lists };
  const hasSite = Boolean(options.sites?.community);
  const missingListsFix =
    `Profile cards show the directory without endorsements until the Kring lists exist on the site ` +
    `${options.sites?.community ?? ''}: run provisionSharePointLists once (docs/backends/graph.md).`;

  const capabilities: BackendCapabilities = {
    search: true,
    endorsements: hasSite,
    kudos: hasSite,
    reactions: hasSite,
    invites: hasSite,
    ambassadors: hasSite,
    manageBadges: hasSite && (options.manageBadges ?? false),
    tracking: hasSite,
    metrics: hasSite,
  };

  // ------------------------------------------------------------ the signed-in user

  // `/me` travels as a batch part too: the client asks for it as it starts, and on a page of cards it waits
  // for the cards' first parts and shares their batch instead of costing a request of its own.
  let meRequest: Promise<GraphUser> | undefined;
  function me(signal?: AbortSignal): Promise<GraphUser> {
    meRequest ??= batcher
      .submit({ method: 'GET', url: `/me?$select=${CARD_FIELDS.join(',')}` }, signal, 'company')
      .then((response) => {
        if (isSuccess(response)) return response.body as GraphUser;
        const error = partError(response);
        throw error.kind === 'forbidden' ? missingPermission('me', error) : error;
      });
    meRequest.catch(() => (meRequest = undefined));
    return meRequest;
  }
  let mePhoto: Promise<BatchPartResponse | undefined> | undefined;
  const meId = async (signal?: AbortSignal) => personFromUser(await me(signal), null).id;

  // ------------------------------------------------------------ photos

  const photoPath = (key: string) => `/users/${encodeURIComponent(key)}/photos/${PHOTO_SIZE}/$value`;

  const photoParts = new PhotoParts((url, signal, priority) =>
    batcher.submit({ method: 'GET', url }, signal, priority),
  );
  const userPhoto = (key: string, signal?: AbortSignal, priority: PartPriority = 'first') =>
    photoParts.ask(photoPath(key), `/users/${encodeURIComponent(key)}/photo/$value`, signal, priority);

  /** Reads a photo part: base64 → object URL; 404 (no photo) or any failure → initials. */
  function storePhoto(keys: string[], response: BatchPartResponse | undefined): string | null | undefined {
    if (!response) return undefined;
    if (isSuccess(response) && typeof response.body === 'string') {
      return photos.storeBase64(keys, response.body, response.headers['content-type']);
    }
    // 404 is "this person has no photo"; other failures show initials this time and are asked again later.
    if (response.status === 404) return photos.storeNone(keys);
    return null;
  }

  function requestPhoto(key: string, signal?: AbortSignal): Promise<BatchPartResponse | undefined> {
    return userPhoto(key, signal).catch(() => undefined);
  }

  /**
   * A page of cards shows names before photos: the photo parts queue behind every name part, and a
   * photo that arrives later reaches the cards through `watchPeople`. One request per key until the
   * photo is stored (in the task after its answer), so asking again in between sends no second part.
   */
  const photosOnTheWay = new Map<string, Promise<BatchPartResponse | undefined>>();
  function photoLater(key: string): Promise<BatchPartResponse | undefined> {
    let request = photosOnTheWay.get(key);
    if (!request) {
      request = userPhoto(key, undefined, 'later').catch(() => {
        photosOnTheWay.delete(key);
        return undefined;
      });
      photosOnTheWay.set(key, request);
    }
    return request;
  }

  /**
   * The person now, with `photoPending`, and again through `watchPeople` once the photo part answers.
   * `complete` adds what the caller knows beyond the user record (community membership), to both.
   */
  function personThenPhoto(
    key: string,
    user: GraphUser,
    part: Promise<BatchPartResponse | undefined>,
    complete: (person: Person) => Person = (person) => person,
  ): Person {
    const person = complete(personFromUser(user, undefined));
    const keys = [key, ...keysOf(user)];
    void part.then((response) => {
      updates.announce(person.id, () => {
        const photo = storePhoto(keys, response);
        for (const stored of keys) photosOnTheWay.delete(stored);
        return complete(personFromUser(user, photo));
      });
    });
    return { ...person, photoPending: true };
  }

  // ------------------------------------------------------------ people

  /** `/users?$filter=<property> in (…)` parts, at most 15 values each, answered as one list of users. */
  async function usersWhere(
    property: 'id' | 'userPrincipalName' | 'mail',
    keys: string[],
    select: readonly string[],
    signal?: AbortSignal,
  ): Promise<GraphUser[]> {
    const parts: Promise<BatchPartResponse>[] = [];
    for (let start = 0; start < keys.length; start += MAX_FILTER_VALUES) {
      const values = keys
        .slice(start, start + MAX_FILTER_VALUES)
        .map(odataLiteral)
        .join(',');
      const filter = encodeURIComponent(`${property} in (${values})`);
      parts.push(
        batcher.submit(
          { method: 'GET', url: `/users?$filter=${filter}&$select=${select.join(',')}` },
          signal,
        ),
      );
    }
    const users: GraphUser[] = [];
    for (const response of await Promise.all(parts)) {
      if (!isSuccess(response)) {
        const error = partError(response);
        throw error.kind === 'forbidden' ? missingPermission('people', error) : error;
      }
      const value = (response.body as { value?: unknown })?.value;
      if (Array.isArray(value)) users.push(...(value as GraphUser[]));
    }
    return users;
  }

  /** `GET /users/{key}` as a batch part: the user, or undefined when Graph does not know the key. */
  async function userByKey(
    key: string,
    select: readonly string[],
    signal?: AbortSignal,
  ): Promise<GraphUser | undefined> {
    const response = await batcher.submit(
      { method: 'GET', url: `/users/${encodeURIComponent(key)}?$select=${select.join(',')}` },
      signal,
    );
    if (response.status === 404 || response.status === 400) return undefined;
    if (!isSuccess(response)) {
      const error = partError(response);
      throw error.kind === 'forbidden' ? missingPermission('people', error) : error;
    }
    return response.body as GraphUser;
  }

  /**
   * The summary of many people: their card fields through `in (…)` filters and their photos, all as
   * parts of shared `$batch` requests. Answers as soon as the names are in; photos not yet known follow
   * through `watchPeople`. Keys that are neither ids nor sign-in names are tried as mail.
   */
  async function summaries(keys: string[], signal?: AbortSignal): Promise<Map<string, Person>> {
    const photoParts = new Map<string, Promise<BatchPartResponse | undefined>>();
    for (const key of keys) if (photos.get(key) === undefined) photoParts.set(key, photoLater(key));
    const ids = keys.filter(isGuid);
    const names = keys.filter((key) => key.includes('@'));
    // Neither an object id nor a sign-in name (an on-premises alias, say): asked for one by one.
    const others = keys.filter((key) => !isGuid(key) && !key.includes('@'));
    const [byId, byName, one] = await Promise.all([
      ids.length ? usersWhere('id', ids, CARD_FIELDS, signal) : [],
      names.length ? usersWhere('userPrincipalName', names, CARD_FIELDS, signal) : [],
      Promise.all(others.map((key) => userByKey(key, CARD_FIELDS, signal))),
    ]);
    const found = indexUsers([...byId, ...byName]);
    others.forEach((key, index) => {
      const user = one[index];
      if (user) found.set(key, user);
    });
    const byMail = names.filter((key) => !found.has(key) && key.includes('@'));
    if (byMail.length) {
      for (const [key, user] of indexUsers(await usersWhere('mail', byMail, CARD_FIELDS, signal))) {
        found.set(key, user);
        // The photo was asked for by mail, which Graph does not resolve: ask again by id.
        if (byMail.includes(key) && typeof user.id === 'string') {
          photoParts.set(key, photoLater(user.id));
        }
      }
    }
    const people = new Map<string, Person>();
    for (const key of keys) {
      const user = found.get(key);
      if (!user) continue;
      const photo = photos.get(key);
      const part = photoParts.get(key);
      people.set(
        key,
        photo === undefined && part ? personThenPhoto(key, user, part) : personFromUser(user, photo),
      );
    }
    return people;
  }

  /**
   * Everything an opened card shows, for a few people: the single-user GET (the only one that returns
   * `aboutMe`), the photo and the skills from the beta profile API. A failing beta call costs the skills
   * only; the card shows everything else.
   */
  async function details(keys: string[], signal?: AbortSignal): Promise<Map<string, Person>> {
    const counts: Promise<EndorsementCounts> = community
      ? unlessStoreMissing(community.endorsementCounts(signal), NO_ENDORSEMENTS, missingListsFix).catch(
          () => NO_ENDORSEMENTS,
        )
      : Promise.resolve(NO_ENDORSEMENTS);
    const people = new Map<string, Person>();
    await Promise.all(
      keys.map(async (key) => {
        const userPart = userByKey(key, DETAIL_FIELDS, signal);
        const photoPart = photos.get(key) === undefined ? requestPhoto(key, signal) : undefined;
        const skillsPart = betaBatcher
          .submit({ method: 'GET', url: `/users/${encodeURIComponent(key)}/profile/skills` }, signal)
          .catch(() => undefined);
        const user = await userPart;
        if (!user) return;
        const photo = photoPart ? storePhoto([key, ...keysOf(user)], await photoPart) : photos.get(key);
        const skillsResponse = await skillsPart;
        const person = personFromUser(user, photo, { skills: [] });
        if (skillsResponse && isSuccess(skillsResponse)) {
          person.skills = skillsFromProfile(skillsResponse.body, person.id, await counts);
        }
        people.set(key, person);
      }),
    );
    return people;
  }

  async function getPeople(ids: readonly string[], call?: GraphCallOptions): Promise<(Person | null)[]> {
    const keys = [...new Set(ids.map(lookupKey).filter(Boolean))];
    if (keys.length === 0) return ids.map(() => null);
    const found = call?.details ? await details(keys, call.signal) : await summaries(keys, call?.signal);
    return ids.map((id) => found.get(lookupKey(id)) ?? null);
  }

  // ------------------------------------------------------------ community lists

  let siteIdRequest: Promise<string> | undefined;
  function siteId(signal?: AbortSignal): Promise<string> {
    const site = options.sites?.community ?? '';
    if (!/^https?:\/\//i.test(site)) return Promise.resolve(site);
    siteIdRequest ??= withPermission('sites-read', async () => {
      const url = new URL(site);
      const path = url.pathname.replace(/\/+$/, '');
      const address = path ? `/v1.0/sites/${url.hostname}:${path}` : `/v1.0/sites/${url.hostname}`;
      const body = await http.request<{ id?: string }>('GET', `${address}?$select=id`, { signal });
      if (!body?.id) throw new BackendError('not-found', `Microsoft Graph does not know the site ${site}.`);
      return body.id;
    });
    siteIdRequest.catch(() => (siteIdRequest = undefined));
    return siteIdRequest;
  }

  // The lists' code (kudos, invitations, ambassadors, metrics, and their settings: kudos values, invitation
  // links) loads on first use: cards never need it, and a card page's Graph files fit the 6 connections a
  // browser opens to one host (core 2 + adapter 4) instead of waiting a round trip for a 7th (issue 18).
  const community: CommunityMethods | undefined = hasSite
    ? lazyListCommunity(async () => {
        const [{ createCommunity }, { GraphListClient }] = await Promise.all([
          import('./community.js'),
          import('./lists.js'),
        ]);
        return createCommunity({
          lists: new GraphListClient({ http, siteId, sleep, random }),
          titles,
          meId,
          getPeople,
          manageBadges: options.manageBadges ?? false,
          kudosValues: options.kudosValues,
          inviteQuota: options.inviteQuota,
          inviteUrl: options.inviteUrl,
          now,
        });
      })
    : undefined;

  function requireCommunity(): CommunityMethods {
    if (!community) {
      throw new BackendError(
        'invalid',
        'Kudos, invitations and badges need a SharePoint site for their lists: pass sites: { community } to the Graph backend.',
        { code: 'graph.no-site' },
      );
    }
    return community;
  }

  // ------------------------------------------------------------ search

  async function searchPeople(
    query: Parameters<Backend['searchPeople']>[0],
    call?: CallOptions,
  ): Promise<PeopleSearchResult> {
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
    let body: { value?: GraphUser[]; '@odata.count'?: number; '@odata.nextLink'?: string };
    const headers = { ConsistencyLevel: 'eventual' };
    if (query.cursor) {
      body = await withPermission('search', () =>
        http.request('GET', query.cursor!, { headers, signal: call?.signal }),
      );
    } else {
      const term = [query.text, query.skill].filter(Boolean).join(' ').replace(/["\\]/g, ' ').trim();
      const params = [`$count=true`, `$top=${limit}`, `$select=${SEARCH_SELECT}`];
      if (term) {
        params.push(`$search=${encodeURIComponent(`"displayName:${term}" OR "jobTitle:${term}"`)}`);
      }
      if (query.department) {
        params.push(`$filter=${encodeURIComponent(`department eq ${odataLiteral(query.department)}`)}`);
      }
      body = await withPermission('search', () =>
        http.request('GET', `/v1.0/users?${params.join('&')}`, { headers, signal: call?.signal }),
      );
    }
    let users = Array.isArray(body?.value) ? body.value : [];
    // Membership lives in the community lists: without a site there are no members to narrow to. Marking
    // who is a member is extra; only a members-only search fails when the member list cannot be read.
    const members = community
      ? await membersForSearch(community.members(call?.signal), query.membersOnly)
      : undefined;
    if (query.membersOnly && members) {
      users = users.filter((user) => members.has(personFromUser(user, null).id));
    }
    // Results show at once; photos not known yet follow through `watchPeople`, as on a page of cards.
    const marked = (person: Person) => withMembership(person, members);
    const people = users.map((user) => {
      const key = lookupKey(String(user.id ?? ''));
      const photo = photos.get(key);
      return photo === undefined && key
        ? personThenPhoto(key, user, photoLater(key), marked)
        : marked(personFromUser(user, photo));
    });
    const lower = (value: string | undefined) => (value ?? '').toLocaleLowerCase();
    const text = lower(query.text ?? query.skill);
    const items: PersonMatch[] = people.map((person, index) => ({
      person,
      score: people.length - index,
      evidence:
        text && lower(person.title).includes(text) && !lower(person.name).includes(text)
          ? [{ kind: 'title', value: person.title! }]
          : [{ kind: 'name', value: person.name }],
    }));
    const departments = new Map<string, number>();
    for (const person of people) {
      if (person.department)
        departments.set(person.department, (departments.get(person.department) ?? 0) + 1);
    }
    return {
      items,
      total: typeof body?.['@odata.count'] === 'number' ? body['@odata.count'] : undefined,
      next: body?.['@odata.nextLink'],
      // Graph's directory search covers names and job titles; skills added in the community are not in it.
      skillsSearched: false,
      facets: {
        departments: [...departments]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 10),
        relatedSkills: [],
      },
    };
  }

  // ------------------------------------------------------------ the backend

  const backend: GraphBackend = {
    name: 'graph',
    capabilities,

    async currentUser(call?: GraphCallOptions) {
      // The photo part goes out with the `/me` part, in the same batch, the first time.
      mePhoto ??= photoParts
        .ask(`/me/photos/${PHOTO_SIZE}/$value`, '/me/photo/$value', call?.signal, 'company')
        .catch(() => undefined);
      const user = await me(call?.signal);
      const key = lookupKey(String(user.id));
      if (call?.details) {
        const [person] = await getPeople([key], call);
        if (person) return person;
      }
      let photo = photos.get(key);
      if (photo === undefined) photo = storePhoto([key, ...keysOf(user)], await mePhoto);
      // A photo that failed for a passing reason (throttled, network) is asked for again next time.
      if (photos.get(key) === undefined) mePhoto = undefined;
      return personFromUser(user, photo);
    },

    getPeople,
    searchPeople,
    watchPeople: (listener) => updates.watch(listener),

    async suggestSkills() {
      // Graph has no search over everyone's skills; suggestions stay empty rather than made up.
      return [];
    },

    endorseSkill: (...args) => requireCommunity().endorseSkill(...args),
    unendorseSkill: (...args) => requireCommunity().unendorseSkill(...args),
    listKudos: (...args) => requireCommunity().listKudos(...args),
    giveKudos: (...args) => requireCommunity().giveKudos(...args),
    react: (...args) => requireCommunity().react(...args),
    listReactors: (...args) => requireCommunity().listReactors(...args),
    kudosValues: (...args) => requireCommunity().kudosValues(...args),
    sendInvite: (...args) => requireCommunity().sendInvite(...args),
    listInvites: (...args) => requireCommunity().listInvites(...args),
    resendInvite: (...args) => requireCommunity().resendInvite(...args),
    revokeInvite: (...args) => requireCommunity().revokeInvite(...args),
    inviteQuota: (...args) => requireCommunity().inviteQuota(...args),
    createInviteLink: (...args) => requireCommunity().createInviteLink(...args),
    lookupInvite: (...args) => requireCommunity().lookupInvite(...args),
    respondToInvite: (...args) => requireCommunity().respondToInvite(...args),
    inviteTree: (...args) => requireCommunity().inviteTree(...args),
    ambassadorProfile: (...args) => requireCommunity().ambassadorProfile(...args),
    chooseAmbassadorRoles: (...args) => requireCommunity().chooseAmbassadorRoles(...args),
    recordEvidence: (...args) => requireCommunity().recordEvidence(...args),
    listBadges: (...args) => requireCommunity().listBadges(...args),
    awardBadge: (...args) => requireCommunity().awardBadge(...args),
    revokeBadge: (...args) => requireCommunity().revokeBadge(...args),
    track: (...args) => requireCommunity().track(...args),
    metrics: (...args) => requireCommunity().metrics(...args),
    pioneers: (...args) => requireCommunity().pioneers(...args),

    dispose() {
      batcher.dispose();
      betaBatcher.dispose();
      updates.stop();
      photos.close();
    },
  };

  return backend;
}

/** Users by every key they can be asked for. */
function indexUsers(users: GraphUser[]): Map<string, GraphUser> {
  const index = new Map<string, GraphUser>();
  for (const user of users) for (const key of keysOf(user)) index.set(key, user);
  return index;
}
