import type { Backend, CallOptions, WriteOptions } from '../backend.js';
import type { Http } from '../http/index.js';
import type {
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
import type { RestCommunityMethod } from './rest-backend.js';

/** What the adapter's entry hands over: its HTTP layer and its photo check. */
export interface RestCalls {
  http: Http;
  /** The person without a `photoUrl` from a host the integrator did not allow. */
  safePhoto(person: Person): Person;
}

interface ItemsBody<T> {
  items: T[];
}

/**
 * Everything of the REST adapter besides the reads a page of profile cards makes (people, the signed-in
 * user, activity): search, skills, kudos, invitations, ambassadors, badges, metrics and every write.
 * `createRestBackend` loads it on first use (issue 18).
 */
export function restCommunity({ http, safePhoto }: RestCalls): Pick<Backend, RestCommunityMethod> {
  const get = <T>(
    path: string,
    query: Record<string, string | number | boolean | undefined> | undefined,
    call?: CallOptions,
  ) => http.request<T>('GET', path, { query, signal: call?.signal });
  const write = <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, write: WriteOptions) =>
    http.request<T>(method, path, { body, signal: write.signal, idempotencyKey: write.idempotencyKey });
  const seg = encodeURIComponent;
  return {
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

    metrics: (query, call) => get<CommunityMetrics>('/metrics', { month: query.month }, call),
    async pioneers(query, call) {
      const limit = query.limit === undefined ? undefined : Math.min(query.limit, MAX_PAGE_LIMIT);
      return (await get<ItemsBody<PioneerRank>>('/pioneers', { limit }, call)).items;
    },
  };
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
