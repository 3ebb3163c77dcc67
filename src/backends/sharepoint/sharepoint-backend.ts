import { computeRoleProgress } from '../../ambassadors/progress.js';
import { summariseAmbassadorActivity } from '../../ambassadors/activity.js';
import { monthlyInviteQuota, DEFAULT_INVITE_QUOTA } from '../../invites/quota.js';
import {
  addDays,
  inviteTokenState,
  INVITE_LINK_VALIDITY_DAYS,
  INVITE_VALIDITY_DAYS,
} from '../../invites/token.js';
import { buildInviteTree } from '../../invites/tree.js';
import { computeMetrics, computePioneers, type MetricsInput } from '../../metrics/index.js';
import {
  AMBASSADOR_ROLES,
  type ActivityEvent,
  type AmbassadorProfile,
  type AmbassadorRole,
  type BadgeAward,
  type EvidenceLink,
  type FacetCount,
  type Invite,
  type InviteStatus,
  type InviteTokenInfo,
  type Kudos,
  type MatchEvidence,
  type Person,
  type PersonMatch,
  type ReactionType,
  REACTION_TYPES,
  type Skill,
} from '../../model.js';
import type { Backend, BackendCapabilities, CallOptions, WriteOptions } from '../backend.js';
import { BackendError, isBackendError } from '../errors.js';
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
import { DigestCache, type DigestSeed } from './digest.js';
import { ListClient, type ListItem } from './lists.js';
import {
  flavourHeaders,
  isRecord,
  mediaType,
  odataString,
  text,
  unwrap,
  type ODataFlavour,
} from './odata.js';
import {
  accountNameFor,
  cellMap,
  kqlPhrase,
  personFromProfile,
  personFromSearchRow,
  personIdFromLogin,
  profilePath,
  searchRows,
  SEARCH_PROPERTIES,
  splitMultiValue,
  type EndorsementTally,
} from './profiles.js';
import { createRateGate } from './rate-gate.js';
import { DEFAULT_LIST_TITLES, type ListTitles } from './schema.js';

/** Waits for a shared promise, but lets one caller stop waiting when its signal aborts. */
function untilAborted<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(new BackendError('aborted', 'The request was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new BackendError('aborted', 'The request was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Classic SharePoint pages carry a fresh digest in `<input id="__REQUESTDIGEST">`; using it saves the first
 * `contextinfo` request. It is dated by the timestamp inside it (`0x…,26 Nov 2026 20:00:00 -0000`), as PnPjs
 * does, so a page left open for hours is not trusted blindly.
 */
export function pageDigest(now: () => number = Date.now): DigestSeed | undefined {
  if (typeof document === 'undefined') return undefined;
  const input = document.getElementById('__REQUESTDIGEST');
  const value = input instanceof HTMLInputElement ? input.value : '';
  if (!value) return undefined;
  const issued = Date.parse(value.slice(value.indexOf(',') + 1).replace(/ -0000$/, ' GMT'));
  if (Number.isNaN(issued)) return undefined;
  // SharePoint's default lifetime is 30 minutes; renew a minute early.
  const expiresAt = issued + 29 * 60_000;
  return expiresAt > now() ? { value, expiresAt } : undefined;
}

/** SharePoint's built-in "Local People Results" result source. */
export const PEOPLE_SOURCE_ID = 'b09a7990-05ea-4af9-81ef-edfab16c4e31';

export interface SharePointBackendOptions {
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
  /** A digest the page already has (SPFx `pageContext.legacyPageContext.formDigestValue`, classic `__REQUESTDIGEST`). */
  formDigest?: DigestSeed;
  /** Claims prefix for ids that are plain sign-in names. Default SharePoint Online's `i:0#.f|membership|`. */
  claimsPrefix?: string;
  /** Whether the current user may award badges by hand (list permissions decide in the end). */
  manageBadges?: boolean;
  kudosValues?: string[];
  inviteQuota?: number;
  /** Builds the link an invitation token is shared with. */
  inviteUrl?: (token: string) => string;
  /** Minimum spacing of search requests; default 100 ms (SharePoint allows ten per second per user). */
  searchIntervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface SharePointBackend extends Backend {
  readonly siteUrl: string;
  readonly lists: ListTitles;
}

const DEFAULT_KUDOS_VALUES = ['Samen sterk', 'Klantgericht', 'Lef', 'Vakmanschap', 'Zorg voor elkaar'];
/** How long the endorsement tally behind profile cards is reused. */
const TALLY_TTL_MS = 30_000;

type Reactions = Partial<Record<ReactionType, string[]>>;

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
  const searchGate = createRateGate(options.searchIntervalMs ?? 100, now, sleep);
  const headers = flavourHeaders(flavour);
  const capabilities: BackendCapabilities = {
    search: true,
    endorsements: true,
    kudos: true,
    reactions: true,
    invites: true,
    ambassadors: true,
    manageBadges: options.manageBadges ?? false,
    tracking: true,
    metrics: true,
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

  // ------------------------------------------------------------ endorsements tally

  let tally: { at: number; request: Promise<EndorsementRecord[]> } | undefined;
  interface EndorsementRecord {
    id: number;
    person: string;
    skill: string;
    endorser: string;
    at: string;
  }
  function endorsementRecords(signal?: AbortSignal): Promise<EndorsementRecord[]> {
    if (!tally || now() - tally.at > TALLY_TTL_MS) {
      const request = lists
        .all(titles.endorsements, { select: ['Id', 'Title', 'KringPerson', 'KringEndorser', 'Created'] })
        .then((items) =>
          items.map((item) => ({
            id: item.Id,
            person: text(item, 'KringPerson') ?? '',
            skill: text(item, 'Title') ?? '',
            endorser: text(item, 'KringEndorser') ?? '',
            at: text(item, 'Created') ?? '',
          })),
        );
      request.catch(() => (tally = undefined));
      tally = { at: now(), request };
    }
    return untilAborted(tally.request, signal);
  }
  async function endorsementTally(signal?: AbortSignal): Promise<EndorsementTally> {
    const [records, myId] = await Promise.all([endorsementRecords(signal), meId(signal)]);
    const counts = new Map<string, number>();
    const mine = new Set<string>();
    for (const record of records) {
      const key = `${record.person}\n${record.skill.toLowerCase()}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (record.endorser === myId) mine.add(key);
    }
    return {
      count: (person, skill) => counts.get(`${person}\n${skill.toLowerCase()}`) ?? 0,
      byMe: (person, skill) => mine.has(`${person}\n${skill.toLowerCase()}`),
    };
  }

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
      if (round >= 2) throw failure ?? new BackendError('server', 'SharePoint did not answer every profile.');
      pending = retry;
      await sleep(Math.max(waitMs, backoffDelay(round, 300, 10_000, random)), signal);
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
      details ? endorsementTally(call?.signal) : undefined,
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

  // ------------------------------------------------------------ search

  function searchPath(querytext: string, rowLimit: number, startRow: number, select: readonly string[]) {
    const literal = (value: string) => `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
    return (
      `/_api/search/query?querytext=${literal(querytext)}&sourceid=${literal(PEOPLE_SOURCE_ID)}` +
      `&selectproperties=${literal(select.join(','))}&rowlimit=${rowLimit}&startrow=${startRow}`
    );
  }

  const words = (value: string) =>
    value
      .split(/\s+/)
      .map((word) => word.replace(/["'():*\\]/g, ''))
      .filter(Boolean);

  function evidenceFor(
    person: Person,
    textQuery: string | undefined,
    skill: string | undefined,
  ): MatchEvidence[] {
    const evidence: MatchEvidence[] = [];
    const lower = (value: string) => value.toLocaleLowerCase();
    const asSkillEvidence = (found: Skill, kind: 'skill-exact' | 'skill-prefix'): MatchEvidence => ({
      kind,
      value: found.name,
      level: found.level,
      endorsements: found.endorsements,
      tags: found.tags,
    });
    for (const term of [skill, textQuery].filter((value): value is string => Boolean(value))) {
      const exact = person.skills.find((s) => lower(s.name) === lower(term));
      const prefix = person.skills.find((s) => lower(s.name).startsWith(lower(term)));
      if (exact) evidence.push(asSkillEvidence(exact, 'skill-exact'));
      else if (prefix) evidence.push(asSkillEvidence(prefix, 'skill-prefix'));
      else if (lower(person.name).includes(lower(term))) evidence.push({ kind: 'name', value: person.name });
      else if (person.title && lower(person.title).includes(lower(term)))
        evidence.push({ kind: 'title', value: person.title });
      else if (person.department && lower(person.department).includes(lower(term)))
        evidence.push({ kind: 'department', value: person.department });
      else if (person.about && lower(person.about).includes(lower(term)))
        evidence.push({ kind: 'about', value: term });
    }
    return evidence;
  }

  const suggestionCache = new Map<string, Promise<string[]>>();

  // ------------------------------------------------------------ list item mappers

  const parseJson = <T>(value: string | undefined, fallback: T): T => {
    if (!value) return fallback;
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  };
  const idList = (value: string | undefined) => (value ?? '').split(';').filter(Boolean);
  const numericId = (id: string) => {
    const value = Number(id);
    if (!Number.isInteger(value) || value <= 0)
      throw new BackendError('not-found', 'This item does not exist.');
    return value;
  };

  function kudosFromItem(item: ListItem, myId: string): Kudos {
    const reactions = parseJson<Reactions>(text(item, 'KringReactions'), {});
    return {
      id: String(item.Id),
      from: text(item, 'KringFrom') ?? '',
      to: idList(text(item, 'KringTo')),
      value: text(item, 'KringValue'),
      message: text(item, 'KringMessage') ?? text(item, 'Title') ?? '',
      createdAt: text(item, 'Created') ?? new Date(now()).toISOString(),
      reactions: REACTION_TYPES.map((type) => ({
        type,
        count: reactions[type]?.length ?? 0,
        reactedByMe: reactions[type]?.includes(myId) ?? false,
      })).filter((summary) => summary.count > 0),
    };
  }

  function inviteFromItem(item: ListItem): Invite {
    return {
      id: String(item.Id),
      inviterId: text(item, 'KringInviter') ?? '',
      email: text(item, 'Title') ?? '',
      inviteeId: text(item, 'KringInvitee'),
      message: text(item, 'KringMessage'),
      status: (text(item, 'KringStatus') as InviteStatus | undefined) ?? 'pending',
      createdAt: text(item, 'Created') ?? new Date(now()).toISOString(),
      expiresAt: text(item, 'KringExpires') ?? new Date(now()).toISOString(),
      respondedAt: text(item, 'KringResponded'),
    };
  }

  function badgeFromItem(item: ListItem): BadgeAward {
    return {
      id: String(item.Id),
      personId: text(item, 'KringPerson') ?? '',
      role: (text(item, 'Title') as AmbassadorRole | undefined) ?? 'presenter',
      level: (text(item, 'KringLevel') as BadgeAward['level'] | undefined) ?? 'starter',
      awardedAt: text(item, 'Created') ?? new Date(now()).toISOString(),
      awardedBy: text(item, 'KringAwardedBy') ?? 'system',
      criteriaMet: parseJson<string[]>(text(item, 'KringCriteria'), []),
      evidence: parseJson<EvidenceLink[]>(text(item, 'KringEvidence'), []),
      revokedAt: text(item, 'KringRevoked'),
    };
  }

  /**
   * Read-modify-write of one item with If-Match. The change is a pure function of the current fields, so
   * after a 412 it is re-read and applied once more; a second 412 surfaces as `conflict`.
   */
  async function updateItem(
    title: string,
    id: number,
    change: (item: ListItem) => Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<ListItem> {
    for (let attempt = 0; ; attempt += 1) {
      const { item, etag } = await lists.item(title, id, signal);
      const fields = change(item);
      if (!fields) return item;
      try {
        await lists.merge(title, id, fields, etag ?? '*', signal);
        return { ...item, ...fields };
      } catch (error) {
        if (attempt === 0 && isBackendError(error) && error.status === 412) continue;
        if (isBackendError(error) && error.status === 412) {
          throw new BackendError('conflict', 'Someone changed this at the same time. Reload and try again.', {
            status: 412,
            code: error.code,
            cause: error,
          });
        }
        throw error;
      }
    }
  }

  const eq = (field: string, value: string) => `${field} eq ${odataString(value)}`;

  async function skillState(personId: string, skill: string, signal?: AbortSignal): Promise<Skill> {
    tally = undefined;
    const endorsements = await endorsementTally(signal);
    return {
      name: skill,
      level: 'practitioner',
      tags: [],
      endorsements: endorsements.count(personId, skill),
      endorsedByMe: endorsements.byMe(personId, skill),
    };
  }

  async function findInviteByToken(token: string, signal?: AbortSignal) {
    const page = await lists.page(titles.invites, { filter: eq('KringToken', token), top: 1 }, signal);
    return page.items[0];
  }

  async function tokenInfo(item: ListItem | undefined, signal?: AbortSignal): Promise<InviteTokenInfo> {
    const invite = item ? inviteFromItem(item) : undefined;
    const state = inviteTokenState(invite, new Date(now()));
    if (!invite) return { state };
    const [inviter] = await getPeople([invite.inviterId], { signal });
    return { state, invite, inviter: inviter ?? undefined };
  }

  async function members(signal?: AbortSignal) {
    const items = await lists.all(titles.members, {}, signal);
    return items.map((item) => ({
      id: text(item, 'KringPerson') ?? '',
      isMember: true as const,
      joinedAt: text(item, 'KringJoined') ?? text(item, 'Created'),
      invitedBy: text(item, 'KringInvitedBy'),
    }));
  }

  async function ambassadorItem(personId: string, signal?: AbortSignal) {
    return (await lists.page(titles.ambassadors, { filter: eq('KringPerson', personId), top: 1 }, signal))
      .items[0];
  }

  async function ensureAmbassadorItem(
    personId: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<ListItem> {
    const existing = await ambassadorItem(personId, signal);
    if (existing) return existing;
    return lists.create(
      titles.ambassadors,
      { Title: personId, KringPerson: personId, KringRoles: '', KringEvidence: '[]' },
      key,
      signal,
    );
  }

  /** Everything the published metrics are computed from; SharePoint has no server side to do it. */
  async function metricsInput(signal?: AbortSignal): Promise<MetricsInput> {
    const [memberList, activityItems, kudosItems, inviteItems, endorsements, myId] = await Promise.all([
      members(signal),
      lists.all(titles.activity, { select: ['Id', 'KringEvents'] }, signal),
      lists.all(titles.kudos, {}, signal),
      lists.all(titles.invites, {}, signal),
      endorsementRecords(signal),
      meId(signal),
    ]);
    const kudos = kudosItems.map((item) => kudosFromItem(item, myId));
    const ids = new Set<string>(memberList.map((member) => member.id));
    for (const given of kudos) [given.from, ...given.to].forEach((id) => ids.add(id));
    const profiles = await getPeople([...ids].filter(Boolean), { signal, details: true });
    const memberById = new Map(memberList.map((member) => [member.id, member]));
    const people = profiles
      .filter((person): person is Person => person !== null)
      .map((person) => {
        const member = memberById.get(person.id);
        return member
          ? { ...person, isMember: true, joinedAt: member.joinedAt, invitedBy: member.invitedBy }
          : person;
      });
    const events = activityItems.flatMap((item) => parseJson<ActivityEvent[]>(text(item, 'KringEvents'), []));
    return {
      people,
      events,
      kudos,
      invites: inviteItems.map(inviteFromItem),
      endorsements: endorsements.map((record) => ({
        from: record.endorser,
        to: record.person,
        skill: record.skill,
        at: record.at,
      })),
    };
  }

  async function ambassadorProfile(personId: string, call?: CallOptions): Promise<AmbassadorProfile> {
    const signal = call?.signal;
    const [item, badges, memberList, invites, kudosGiven, endorsements] = await Promise.all([
      ambassadorItem(personId, signal),
      backend.listBadges(personId, call),
      members(signal),
      lists.all(titles.invites, { filter: eq('KringInviter', personId) }, signal),
      lists.all(titles.kudos, { filter: eq('KringFrom', personId) }, signal),
      endorsementRecords(signal),
    ]);
    const kudos = kudosGiven.map((entry) => ({ from: personId, to: idList(text(entry, 'KringTo')) }));
    const mine = endorsements
      .filter((record) => record.endorser === personId)
      .map((record) => ({ from: personId, to: record.person }));
    const reachedIds = new Set<string>([personId, ...kudos.flatMap((k) => k.to), ...mine.map((e) => e.to)]);
    const people = (await getPeople([...reachedIds], call)).filter(
      (person): person is Person => person !== null,
    );
    const memberById = new Map(memberList.map((member) => [member.id, member]));
    const evidence = parseJson<(EvidenceLink & { role: AmbassadorRole })[]>(
      item ? text(item, 'KringEvidence') : undefined,
      [],
    );
    const activity = summariseAmbassadorActivity(personId, {
      people: [
        ...people.map((person) => ({ ...person, ...memberById.get(person.id) })),
        ...memberList.filter((member) => !reachedIds.has(member.id)),
      ],
      invites: invites.map(inviteFromItem),
      kudos,
      endorsements: mine,
      events: mine.map(() => ({ type: 'endorsement' as const, actorId: personId })),
      evidence: evidence.map((link) => ({ personId, role: link.role })),
    });
    const roles = splitMultiValue(item ? text(item, 'KringRoles') : undefined).filter(
      (role): role is AmbassadorRole => (AMBASSADOR_ROLES as readonly string[]).includes(role),
    );
    return { personId, roles, progress: computeRoleProgress(activity, AMBASSADOR_ROLES), badges };
  }

  const requireText = (value: string | undefined, message: string) => {
    if (!value || !value.trim()) throw new BackendError('invalid', message);
    return value.trim();
  };

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

    async searchPeople(query, call) {
      await searchGate(call?.signal);
      const terms: string[] = [];
      if (query.text) terms.push(...words(query.text).map((word) => `${word}*`));
      if (query.skill) terms.push(`Skills:${kqlPhrase(query.skill)}`);
      if (query.department) terms.push(`Department:${kqlPhrase(query.department)}`);
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 500);
      const start = Math.min(Number(query.cursor ?? 0) || 0, 50_000);
      const [body, endorsements] = await Promise.all([
        http.request<unknown>('GET', searchPath(terms.join(' ') || '*', limit, start, SEARCH_PROPERTIES), {
          headers,
          signal: call?.signal,
        }),
        endorsementTally(call?.signal),
      ]);
      const { rows, total } = searchRows(body);
      const people = rows
        .map((row) => personFromSearchRow(cellMap(row), endorsements))
        .filter((person): person is Person => person !== null);
      const items: PersonMatch[] = people.map((person, index) => ({
        person,
        score: people.length - index,
        evidence: evidenceFor(person, query.text, query.skill),
      }));
      const departments = new Map<string, number>();
      const related = new Map<string, number>();
      for (const person of people) {
        if (person.department)
          departments.set(person.department, (departments.get(person.department) ?? 0) + 1);
        for (const skill of person.skills) {
          if (query.skill && skill.name.toLowerCase() === query.skill.toLowerCase()) continue;
          related.set(skill.name, (related.get(skill.name) ?? 0) + 1);
        }
      }
      const facet = (counts: Map<string, number>): FacetCount[] =>
        [...counts]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 10);
      const seen = start + rows.length;
      return {
        items,
        total,
        next: total !== undefined && seen < total && rows.length > 0 ? String(seen) : undefined,
        facets: { departments: facet(departments), relatedSkills: facet(related) },
      };
    },

    async suggestSkills(input, call) {
      const term = words(input).join(' ');
      if (!term) return [];
      const key = term.toLowerCase();
      let pending = suggestionCache.get(key);
      if (!pending) {
        pending = (async () => {
          await searchGate(call?.signal);
          const body = await http.request<unknown>('GET', searchPath(`Skills:${term}*`, 50, 0, ['Skills']), {
            headers,
            signal: call?.signal,
          });
          const counts = new Map<string, number>();
          for (const row of searchRows(body).rows) {
            for (const skill of splitMultiValue(cellMap(row).get('Skills'))) {
              if (skill.toLowerCase().includes(key)) counts.set(skill, (counts.get(skill) ?? 0) + 1);
            }
          }
          return [...counts]
            .sort(
              ([a, countA], [b, countB]) =>
                Number(b.toLowerCase().startsWith(key)) - Number(a.toLowerCase().startsWith(key)) ||
                countB - countA ||
                a.localeCompare(b),
            )
            .map(([name]) => name)
            .slice(0, 10);
        })();
        pending.catch(() => suggestionCache.delete(key));
        suggestionCache.set(key, pending);
      }
      return pending;
    },

    async endorseSkill(personId, skill, write: WriteOptions) {
      const myId = await meId(write.signal);
      if (personId === myId) throw new BackendError('invalid', 'You cannot endorse your own skills.');
      const filter = `${eq('KringPerson', personId)} and ${eq('KringEndorser', myId)} and ${eq('Title', skill)}`;
      const existing = await lists.page(titles.endorsements, { filter, top: 1 }, write.signal);
      if (existing.items.length === 0) {
        await lists.create(
          titles.endorsements,
          { Title: skill, KringPerson: personId, KringEndorser: myId },
          write.idempotencyKey,
          write.signal,
        );
      }
      return skillState(personId, skill, write.signal);
    },

    async unendorseSkill(personId, skill, write) {
      const myId = await meId(write.signal);
      const filter = `${eq('KringPerson', personId)} and ${eq('KringEndorser', myId)} and ${eq('Title', skill)}`;
      const existing = await lists.page(titles.endorsements, { filter, top: 10 }, write.signal);
      for (const item of existing.items) await lists.remove(titles.endorsements, item.Id, write.signal);
      return skillState(personId, skill, write.signal);
    },

    async listKudos(query, call) {
      const myId = await meId(call?.signal);
      const filters: string[] = [];
      if (query.person) filters.push(`substringof(${odataString(`;${query.person};`)},KringTo)`);
      if (query.from) filters.push(eq('KringFrom', query.from));
      if (query.value) filters.push(eq('KringValue', query.value));
      const page = query.cursor
        ? await lists.pageAt(query.cursor, call?.signal)
        : await lists.page(
            titles.kudos,
            { filter: filters.join(' and ') || undefined, orderBy: 'Created desc', top: query.limit ?? 20 },
            call?.signal,
          );
      let items = page.items.map((item) => kudosFromItem(item, myId));
      if (query.department) {
        const people = await getPeople([...new Set(items.flatMap((k) => k.to))], call);
        const inDepartment = new Set(
          people.filter((person) => person?.department === query.department).map((person) => person!.id),
        );
        items = items.filter((k) => k.to.some((id) => inDepartment.has(id)));
      }
      return { items, next: page.next };
    },

    async giveKudos(input, write) {
      const myId = await meId(write.signal);
      const message = requireText(input.message, 'Write a message to go with the kudos.');
      const to = [...new Set(input.to)].filter((id) => id && id !== myId);
      if (to.length === 0)
        throw new BackendError('invalid', 'Choose at least one colleague other than yourself.');
      const item = await lists.create(
        titles.kudos,
        {
          Title: message.slice(0, 255),
          KringMessage: message,
          KringFrom: myId,
          KringTo: `;${to.join(';')};`,
          KringValue: input.value ?? '',
          KringReactions: '{}',
        },
        write.idempotencyKey,
        write.signal,
      );
      return kudosFromItem(item, myId);
    },

    async react(kudosId, reaction, on, write) {
      const myId = await meId(write.signal);
      const item = await updateItem(
        titles.kudos,
        numericId(kudosId),
        (current) => {
          const reactions = parseJson<Reactions>(text(current, 'KringReactions'), {});
          const people = new Set(reactions[reaction] ?? []);
          if (people.has(myId) === on) return undefined;
          if (on) people.add(myId);
          else people.delete(myId);
          return { KringReactions: JSON.stringify({ ...reactions, [reaction]: [...people] }) };
        },
        write.signal,
      );
      return kudosFromItem(item, myId);
    },

    async listReactors(kudosId, reaction, call) {
      const { item } = await lists.item(titles.kudos, numericId(kudosId), call?.signal);
      return parseJson<Reactions>(text(item, 'KringReactions'), {})[reaction] ?? [];
    },

    async kudosValues() {
      return [...(options.kudosValues ?? DEFAULT_KUDOS_VALUES)];
    },

    async sendInvite(input, write) {
      const myId = await meId(write.signal);
      const earlier = await lists.findByKey(titles.invites, write.idempotencyKey, write.signal);
      if (earlier) return inviteFromItem(earlier);
      let email = input.email?.trim();
      if (!email && input.personId) email = (await getPeople([input.personId], write))[0]?.email;
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
        throw new BackendError('invalid', 'Enter a valid e-mail address.', { code: 'invites.email' });
      }
      const quota = await backend.inviteQuota(write);
      if (quota.remaining <= 0) {
        throw new BackendError('invalid', 'You have used all your invitations for this month.', {
          code: 'invites.quota',
        });
      }
      const item = await lists.create(
        titles.invites,
        {
          Title: email,
          KringInviter: myId,
          KringInvitee: input.personId ?? '',
          KringMessage: input.message ?? '',
          KringStatus: 'pending',
          KringExpires: addDays(new Date(now()), INVITE_VALIDITY_DAYS),
          KringToken: randomToken(),
        },
        write.idempotencyKey,
        write.signal,
      );
      return inviteFromItem(item);
    },

    async listInvites(query, call) {
      const inviter = query.inviterId ?? (await meId(call?.signal));
      const page = query.cursor
        ? await lists.pageAt(query.cursor, call?.signal)
        : await lists.page(
            titles.invites,
            { filter: eq('KringInviter', inviter), orderBy: 'Created desc', top: query.limit ?? 20 },
            call?.signal,
          );
      return { items: page.items.map(inviteFromItem), next: page.next };
    },

    async resendInvite(inviteId, write) {
      const item = await updateItem(
        titles.invites,
        numericId(inviteId),
        (current) => {
          const status = text(current, 'KringStatus');
          if (status !== 'pending' && status !== 'expired') {
            throw new BackendError('invalid', 'Only open invitations can be sent again.');
          }
          return { KringStatus: 'pending', KringExpires: addDays(new Date(now()), INVITE_VALIDITY_DAYS) };
        },
        write.signal,
      );
      return inviteFromItem(item);
    },

    async revokeInvite(inviteId, write) {
      const item = await updateItem(
        titles.invites,
        numericId(inviteId),
        (current) => (text(current, 'KringStatus') === 'revoked' ? undefined : { KringStatus: 'revoked' }),
        write.signal,
      );
      return inviteFromItem(item);
    },

    async inviteQuota(call) {
      const myId = await meId(call?.signal);
      const monthStart = new Date(now());
      const since = new Date(
        Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), 1),
      ).toISOString();
      const items = await lists.all(
        titles.invites,
        {
          filter: `${eq('KringInviter', myId)} and Created ge datetime'${since}'`,
          select: ['Id', 'Created', 'KringInviter', 'Title', 'KringStatus', 'KringExpires'],
        },
        call?.signal,
      );
      return monthlyInviteQuota(
        items.map(inviteFromItem),
        myId,
        options.inviteQuota ?? DEFAULT_INVITE_QUOTA,
        new Date(now()),
      );
    },

    async createInviteLink(write) {
      const myId = await meId(write.signal);
      const token = randomToken();
      const item = await lists.create(
        titles.invites,
        {
          Title: '',
          KringInviter: myId,
          KringStatus: 'pending',
          KringExpires: addDays(new Date(now()), INVITE_LINK_VALIDITY_DAYS),
          KringToken: token,
        },
        write.idempotencyKey,
        write.signal,
      );
      const stored = text(item, 'KringToken') ?? token;
      return { token: stored, url: inviteUrl(stored), expiresAt: text(item, 'KringExpires') ?? '' };
    },

    async lookupInvite(token, call) {
      return tokenInfo(await findInviteByToken(token, call?.signal), call?.signal);
    },

    async respondToInvite(token, accept, write) {
      const myId = await meId(write.signal);
      const found = await findInviteByToken(token, write.signal);
      if (!found) return { state: 'unknown' };
      const before = await tokenInfo(found, write.signal);
      const alreadyMine = text(found, 'KringInvitee') === myId && text(found, 'KringStatus') !== 'pending';
      if (before.state !== 'valid' && !alreadyMine) return before;
      const updated = await updateItem(
        titles.invites,
        found.Id,
        (current) =>
          text(current, 'KringStatus') === 'pending'
            ? {
                KringStatus: accept ? 'accepted' : 'declined',
                KringResponded: new Date(now()).toISOString(),
                KringInvitee: myId,
              }
            : undefined,
        write.signal,
      );
      if (text(updated, 'KringStatus') === 'accepted') {
        const existing = await lists.page(
          titles.members,
          { filter: eq('KringPerson', myId), top: 1 },
          write.signal,
        );
        if (existing.items.length === 0) {
          await lists.create(
            titles.members,
            {
              Title: myId,
              KringPerson: myId,
              KringJoined: new Date(now()).toISOString(),
              KringInvitedBy: text(updated, 'KringInviter') ?? '',
            },
            `${write.idempotencyKey}:member`,
            write.signal,
          );
        }
      }
      return tokenInfo(updated, write.signal);
    },

    async inviteTree(personId, call) {
      return buildInviteTree(await members(call?.signal), personId);
    },

    ambassadorProfile,

    async chooseAmbassadorRoles(roles, write) {
      const myId = await meId(write.signal);
      const item = await ensureAmbassadorItem(myId, write.idempotencyKey, write.signal);
      const wanted = roles.filter((role) => (AMBASSADOR_ROLES as readonly string[]).includes(role));
      await updateItem(
        titles.ambassadors,
        item.Id,
        (current) => {
          const value = wanted.length ? `;${wanted.join(';')};` : '';
          return text(current, 'KringRoles') === value || (!text(current, 'KringRoles') && !value)
            ? undefined
            : { KringRoles: value };
        },
        write.signal,
      );
      return ambassadorProfile(myId, write);
    },

    async recordEvidence(input, write) {
      requireText(input.url, 'Add the address of the presentation or article.');
      const item = await ensureAmbassadorItem(input.personId, write.idempotencyKey, write.signal);
      await updateItem(
        titles.ambassadors,
        item.Id,
        (current) => {
          const links = parseJson<(EvidenceLink & { role: AmbassadorRole })[]>(
            text(current, 'KringEvidence'),
            [],
          );
          if (links.some((link) => link.url === input.url && link.role === input.role)) return undefined;
          links.push({ url: input.url, description: input.description, role: input.role });
          return { KringEvidence: JSON.stringify(links) };
        },
        write.signal,
      );
      return ambassadorProfile(input.personId, write);
    },

    async listBadges(personId, call) {
      const items = await lists.all(
        titles.badges,
        { filter: eq('KringPerson', personId), orderBy: 'Created desc' },
        call?.signal,
      );
      return items.map(badgeFromItem);
    },

    async awardBadge(input, write) {
      if (!capabilities.manageBadges)
        throw new BackendError('forbidden', 'Only community managers can award badges.');
      const myId = await meId(write.signal);
      const item = await lists.create(
        titles.badges,
        {
          Title: input.role,
          KringPerson: input.personId,
          KringLevel: input.level,
          KringAwardedBy: myId,
          KringCriteria: '[]',
          KringEvidence: JSON.stringify(input.evidence ?? []),
        },
        write.idempotencyKey,
        write.signal,
      );
      return badgeFromItem(item);
    },

    async revokeBadge(badgeId, write) {
      if (!capabilities.manageBadges)
        throw new BackendError('forbidden', 'Only community managers can revoke badges.');
      const item = await updateItem(
        titles.badges,
        numericId(badgeId),
        (current) =>
          text(current, 'KringRevoked') ? undefined : { KringRevoked: new Date(now()).toISOString() },
        write.signal,
      );
      return badgeFromItem(item);
    },

    async track(events, call) {
      if (events.length === 0) return;
      // One item per batch: a page view costs one request, not one per event.
      await lists.create(
        titles.activity,
        { Title: `${events.length} events`, KringEvents: JSON.stringify(events) },
        randomToken(),
        call?.signal,
        true,
      );
    },

    async metrics(query, call) {
      return computeMetrics(await metricsInput(call?.signal), query.month);
    },

    async pioneers(query, call) {
      return computePioneers(await metricsInput(call?.signal), { limit: query.limit, now: now() });
    },
  };

  function inviteUrl(token: string): string {
    if (options.inviteUrl) return options.inviteUrl(token);
    const here = globalThis.location ? `${location.origin}${location.pathname}` : siteUrl;
    return `${here}?kring-invite=${encodeURIComponent(token)}`;
  }

  /** Invitation tokens and activity keys: always from the platform CSPRNG, never the injectable `random`. */
  function randomToken(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  return rejectOnlyWithBackendErrors(backend);
}
