/**
 * Kudos, reactions, invitations, endorsements, ambassadors, badges and activity kept in SharePoint lists
 * (`src/backends/sharepoint/schema.ts`). The SharePoint REST adapter and the Microsoft Graph adapter both
 * answer these Backend methods from here; each supplies only its transport (`./transport.ts`).
 */
import { computeRoleProgress } from '../../ambassadors/progress.js';
import { secureToken } from '../secure-token.js';
import { sha256Hex } from '../../ambassadors/sha256.js';
import { summariseAmbassadorActivity } from '../../ambassadors/activity.js';
import { DEFAULT_INVITE_QUOTA, monthlyInviteQuota } from '../../invites/quota.js';
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
  REACTION_TYPES,
  type ActivityEvent,
  type AmbassadorProfile,
  type AmbassadorRole,
  type BadgeAward,
  type EvidenceLink,
  type Invite,
  type InviteStatus,
  type InviteTokenInfo,
  type Kudos,
  type Person,
  type ReactionType,
  type Skill,
} from '../../model.js';
import type { Backend, CallOptions, WriteOptions } from '../backend.js';
import { BackendError, isBackendError, untilAborted } from '../../errors.js';
import type { ListTitles } from '../sharepoint/schema.js';
import type { CommunityListTransport } from './transport.js';

/** Endorsement counts per person and skill, and which of them are the current user's. */
export interface EndorsementCounts {
  count(person: string, skill: string): number;
  byMe(person: string, skill: string): boolean;
}

/** Community members (the `Kring Members` list) by person id. */
export type MemberMap = Map<string, { joinedAt?: string; invitedBy?: string }>;

/** The Backend methods the community lists answer. */
export type CommunityBackendMethods = Pick<
  Backend,
  | 'endorseSkill'
  | 'unendorseSkill'
  | 'listKudos'
  | 'giveKudos'
  | 'react'
  | 'listReactors'
  | 'kudosValues'
  | 'sendInvite'
  | 'listInvites'
  | 'resendInvite'
  | 'revokeInvite'
  | 'inviteQuota'
  | 'createInviteLink'
  | 'lookupInvite'
  | 'respondToInvite'
  | 'inviteTree'
  | 'ambassadorProfile'
  | 'chooseAmbassadorRoles'
  | 'recordEvidence'
  | 'listBadges'
  | 'awardBadge'
  | 'revokeBadge'
  | 'track'
  | 'metrics'
  | 'pioneers'
>;

export type ListCommunity = CommunityBackendMethods & {
  /** Endorsement counts for skills shown on opened cards (reused for a while). */
  endorsementCounts(signal?: AbortSignal): Promise<EndorsementCounts>;
  /** Community members by person id (reused for a while). */
  members(signal?: AbortSignal): Promise<MemberMap>;
};

export interface ListCommunityOptions<Item> {
  lists: CommunityListTransport<Item>;
  titles: ListTitles;
  meId: (signal?: AbortSignal) => Promise<string>;
  getPeople: (ids: readonly string[], options?: CallOptions) => Promise<(Person | null)[]>;
  manageBadges: boolean;
  kudosValues: string[];
  inviteQuota?: number;
  inviteUrl: (token: string) => string;
  now: () => number;
  /**
   * Read the shared endorsement tally without any one caller's signal (each caller still stops waiting
   * on abort), so one cancelled card does not fail the others. Default false: the first caller's signal.
   */
  detachSharedReads?: boolean;
  /** Ask for people with `details` when computing metrics. Default false. */
  metricsPeopleDetails?: boolean;
  /** Splits the `KringRoles` column. Default: on `;`. */
  splitRoles?: (value: string | undefined) => string[];
}

type Reactions = Partial<Record<ReactionType, string[]>>;

/** The endorsement columns the tally reads. */
const ENDORSEMENT_COLUMNS = ['Id', 'Title', 'KringPerson', 'KringEndorser', 'Created'];

/** How long the endorsement tally behind opened cards is reused. */
const TALLY_TTL_MS = 30_000;

interface EndorsementRecord {
  id: string;
  person: string;
  skill: string;
  endorser: string;
  at: string;
}

export function createListCommunity<Item>(options: ListCommunityOptions<Item>): ListCommunity {
  const { lists, titles, meId, getPeople, now } = options;
  const text = (item: Item, column: string) => lists.text(item, column);
  /**
   * Who wrote an item: the server's record (`Author`), never a column a browser filled in. An item this
   * user just created is theirs (a create's answer may not carry the author).
   */
  const authorOf = (item: Item, creator?: string) => lists.author(item) ?? creator ?? '';
  /** Invitation tokens are kept only as a hash: whoever can read the list cannot use a link. */
  const tokenHash = (token: string) => `sha256$${sha256Hex(token)}`;

  const parseJson = <T>(value: string | undefined, fallback: T): T => {
    if (!value) return fallback;
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  };
  const idList = (value: string | undefined) => (value ?? '').split(';').filter(Boolean);
  const splitRoles = options.splitRoles ?? idList;
  const nowIso = () => new Date(now()).toISOString();
  const requireText = (value: string | undefined, message: string) => {
    if (!value || !value.trim()) throw new BackendError('invalid', message);
    return value.trim();
  };

  let tally: { at: number; request: Promise<EndorsementRecord[]> } | undefined;
  let memberCache: { at: number; request: Promise<MemberMap> } | undefined;
  function endorsementRecords(signal?: AbortSignal): Promise<EndorsementRecord[]> {
    if (!tally || now() - tally.at > TALLY_TTL_MS) {
      const request = lists
        .all(
          titles.endorsements,
          { select: ENDORSEMENT_COLUMNS },
          options.detachSharedReads ? undefined : signal,
        )
        .then((items) =>
          items.map((item) => ({
            id: lists.id(item),
            person: text(item, 'KringPerson') ?? '',
            skill: text(item, 'Title') ?? '',
            endorser: authorOf(item),
            at: lists.created(item) ?? '',
          })),
        );
      request.catch(() => (tally = undefined));
      tally = { at: now(), request };
    }
    return options.detachSharedReads ? untilAborted(tally.request, signal) : tally.request;
  }

  async function endorsementCounts(signal?: AbortSignal): Promise<EndorsementCounts> {
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

  async function skillState(personId: string, skill: string, signal?: AbortSignal): Promise<Skill> {
    tally = undefined;
    const counts = await endorsementCounts(signal);
    return {
      name: skill,
      level: 'practitioner',
      tags: [],
      endorsements: counts.count(personId, skill),
      endorsedByMe: counts.byMe(personId, skill),
    };
  }

  function kudosFromItem(item: Item, myId: string, creator?: string): Kudos {
    const reactions = parseJson<Reactions>(text(item, 'KringReactions'), {});
    return {
      id: lists.id(item),
      // `KringFrom` is only an index for filtering; the giver is who created the item.
      from: authorOf(item, creator),
      to: idList(text(item, 'KringTo')),
      value: text(item, 'KringValue'),
      message: text(item, 'KringMessage') ?? text(item, 'Title') ?? '',
      createdAt: lists.created(item) ?? nowIso(),
      reactions: REACTION_TYPES.map((type) => ({
        type,
        count: reactions[type]?.length ?? 0,
        reactedByMe: reactions[type]?.includes(myId) ?? false,
      })).filter((summary) => summary.count > 0),
    };
  }

  function inviteFromItem(item: Item, creator?: string): Invite {
    return {
      id: lists.id(item),
      inviterId: authorOf(item, creator),
      email: text(item, 'Title') ?? '',
      inviteeId: text(item, 'KringInvitee'),
      message: text(item, 'KringMessage'),
      status: (text(item, 'KringStatus') as InviteStatus | undefined) ?? 'pending',
      createdAt: lists.created(item) ?? nowIso(),
      expiresAt: text(item, 'KringExpires') ?? nowIso(),
      respondedAt: text(item, 'KringResponded'),
    };
  }

  function badgeFromItem(item: Item): BadgeAward {
    return {
      id: lists.id(item),
      personId: text(item, 'KringPerson') ?? '',
      role: (text(item, 'Title') as AmbassadorRole | undefined) ?? 'presenter',
      level: (text(item, 'KringLevel') as BadgeAward['level'] | undefined) ?? 'starter',
      awardedAt: lists.created(item) ?? nowIso(),
      awardedBy: text(item, 'KringAwardedBy') ?? 'system',
      criteriaMet: parseJson<string[]>(text(item, 'KringCriteria'), []),
      evidence: parseJson<EvidenceLink[]>(text(item, 'KringEvidence'), []),
      revokedAt: text(item, 'KringRevoked'),
    };
  }

  /**
   * Read-modify-write with If-Match. The change is a pure function of the current fields, so after a 412
   * it is re-read and applied once more; a second 412 surfaces as `conflict`.
   */
  async function updateItem(
    title: string,
    id: string,
    change: (item: Item) => Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<Item> {
    for (let attempt = 0; ; attempt += 1) {
      const { item, etag } = await lists.item(title, id, signal);
      const fields = change(item);
      if (!fields) return item;
      try {
        await lists.update(title, id, fields, etag, signal);
        return lists.withFields(item, fields);
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

  async function findInviteByToken(token: string, signal?: AbortSignal) {
    if (!token) return undefined;
    const find = async (stored: string) =>
      (await lists.page(titles.invites, { equals: { KringToken: stored }, top: 1 }, signal)).items[0];
    // Links made before tokens were hashed still hold the token itself.
    return (await find(tokenHash(token))) ?? (await find(token));
  }

  async function tokenInfo(item: Item | undefined, signal?: AbortSignal): Promise<InviteTokenInfo> {
    const invite = item ? inviteFromItem(item) : undefined;
    const state = inviteTokenState(invite, new Date(now()));
    if (!invite) return { state };
    const [inviter] = await getPeople([invite.inviterId], { signal });
    return { state, invite, inviter: inviter ?? undefined };
  }

  async function members(signal?: AbortSignal) {
    const items = await lists.all(titles.members, {}, signal);
    // A member item counts only for the person who created it: nobody can join someone else.
    return items
      .filter((item) => authorOf(item) === text(item, 'KringPerson'))
      .map((item) => ({
        id: text(item, 'KringPerson') ?? '',
        isMember: true as const,
        joinedAt: text(item, 'KringJoined') ?? lists.created(item),
        invitedBy: text(item, 'KringInvitedBy'),
      }));
  }

  async function ambassadorItem(personId: string, signal?: AbortSignal) {
    return (await lists.page(titles.ambassadors, { equals: { KringPerson: personId }, top: 1 }, signal))
      .items[0];
  }

  async function ensureAmbassadorItem(personId: string, key: string, signal?: AbortSignal) {
    return (
      (await ambassadorItem(personId, signal)) ??
      lists.create(
        titles.ambassadors,
        { Title: personId, KringPerson: personId, KringRoles: '', KringEvidence: '[]' },
        key,
        signal,
      )
    );
  }

  async function listBadges(personId: string, call?: CallOptions): Promise<BadgeAward[]> {
    const items = await lists.all(
      titles.badges,
      { equals: { KringPerson: personId }, newestFirst: true },
      call?.signal,
    );
    return items.map(badgeFromItem);
  }

  async function ambassadorProfile(personId: string, call?: CallOptions): Promise<AmbassadorProfile> {
    const signal = call?.signal;
    const [item, badges, memberList, invites, kudosGiven, endorsements] = await Promise.all([
      ambassadorItem(personId, signal),
      listBadges(personId, call),
      members(signal),
      lists.all(titles.invites, { equals: { KringInviter: personId } }, signal),
      lists.all(titles.kudos, { equals: { KringFrom: personId } }, signal),
      endorsementRecords(signal),
    ]);
    const kudos = kudosGiven
      .filter((entry) => authorOf(entry) === personId)
      .map((entry) => ({ from: personId, to: idList(text(entry, 'KringTo')) }));
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
      invites: invites.map((item) => inviteFromItem(item)).filter((invite) => invite.inviterId === personId),
      kudos,
      endorsements: mine,
      events: mine.map(() => ({ type: 'endorsement' as const, actorId: personId })),
      evidence: evidence.map((link) => ({ personId, role: link.role })),
    });
    const roles = splitRoles(item ? text(item, 'KringRoles') : undefined).filter(
      (role): role is AmbassadorRole => (AMBASSADOR_ROLES as readonly string[]).includes(role),
    );
    return { personId, roles, progress: computeRoleProgress(activity, AMBASSADOR_ROLES), badges };
  }

  /** Everything the published metrics are computed from; lists have no server side to do it. */
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
    const profiles = await getPeople(
      [...ids].filter(Boolean),
      options.metricsPeopleDetails ? { signal, details: true } : { signal },
    );
    const memberById = new Map(memberList.map((member) => [member.id, member]));
    const people = profiles
      .filter((person): person is Person => person !== null)
      .map((person) => {
        const member = memberById.get(person.id);
        return member
          ? { ...person, isMember: true, joinedAt: member.joinedAt, invitedBy: member.invitedBy }
          : person;
      });
    return {
      people,
      // Each batch is its author's: an actor written into the JSON by the browser is not believed.
      events: activityItems.flatMap((item) => {
        const actorId = authorOf(item);
        return actorId
          ? parseJson<ActivityEvent[]>(text(item, 'KringEvents'), []).map((event) => ({ ...event, actorId }))
          : [];
      }),
      kudos,
      invites: inviteItems.map((item) => inviteFromItem(item)),
      endorsements: endorsements.map((record) => ({
        from: record.endorser,
        to: record.person,
        skill: record.skill,
        at: record.at,
      })),
    };
  }

  async function endorsementItems(
    personId: string,
    skill: string,
    myId: string,
    top: number,
    signal?: AbortSignal,
  ) {
    const page = await lists.page(
      titles.endorsements,
      { equals: { KringPerson: personId, KringEndorser: myId, Title: skill }, top },
      signal,
    );
    return page.items;
  }

  function requireOwnInvite(item: Item, myId: string): void {
    if (authorOf(item) !== myId) {
      throw new BackendError('forbidden', 'Only the person who sent an invitation can change it.');
    }
  }

  async function inviteQuota(call?: CallOptions): ReturnType<Backend['inviteQuota']> {
    const myId = await meId(call?.signal);
    const monthStart = new Date(now());
    const since = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), 1)).toISOString();
    const items = await lists.all(
      titles.invites,
      {
        equals: { KringInviter: myId },
        createdSince: since,
        select: ['Id', 'Created', 'KringInviter', 'Title', 'KringStatus', 'KringExpires'],
      },
      call?.signal,
    );
    return monthlyInviteQuota(
      items.map((item) => inviteFromItem(item)).filter((invite) => invite.inviterId === myId),
      myId,
      options.inviteQuota ?? DEFAULT_INVITE_QUOTA,
      new Date(now()),
    );
  }

  return {
    endorsementCounts,

    members(signal) {
      // Searches ask on every keystroke: the member list is reused like the endorsement tally.
      if (!memberCache || now() - memberCache.at > TALLY_TTL_MS) {
        const request = members(signal).then((list) => new Map(list.map((member) => [member.id, member])));
        request.catch(() => (memberCache = undefined));
        memberCache = { at: now(), request };
      }
      return memberCache.request;
    },

    async endorseSkill(personId, skill, write: WriteOptions) {
      const myId = await meId(write.signal);
      if (personId === myId) throw new BackendError('invalid', 'You cannot endorse your own skills.');
      if ((await endorsementItems(personId, skill, myId, 1, write.signal)).length === 0) {
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
      for (const item of await endorsementItems(personId, skill, myId, 10, write.signal)) {
        if (authorOf(item) === myId) await lists.remove(titles.endorsements, lists.id(item), write.signal);
      }
      return skillState(personId, skill, write.signal);
    },

    async listKudos(query, call) {
      const myId = await meId(call?.signal);
      const equals: Record<string, string> = {};
      if (query.from) equals.KringFrom = query.from;
      if (query.value) equals.KringValue = query.value;
      const contains =
        query.person && lists.filtersContains ? { column: 'KringTo', text: `;${query.person};` } : undefined;
      const page = query.cursor
        ? await lists.pageAt(query.cursor, call?.signal)
        : await lists.page(
            titles.kudos,
            { contains, equals, newestFirst: true, top: query.limit ?? 20 },
            call?.signal,
          );
      let items = page.items.map((item) => kudosFromItem(item, myId));
      // A kudos "from" someone is one they created, whatever its `KringFrom` says.
      if (query.from) items = items.filter((kudos) => kudos.from === query.from);
      // Not every transport filters list columns on "contains": then receivers are matched here.
      if (query.person && !contains) items = items.filter((kudos) => kudos.to.includes(query.person!));
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
      return kudosFromItem(item, myId, myId);
    },

    async react(kudosId, reaction, on, write) {
      const myId = await meId(write.signal);
      const item = await updateItem(
        titles.kudos,
        kudosId,
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
      const { item } = await lists.item(titles.kudos, kudosId, call?.signal);
      return parseJson<Reactions>(text(item, 'KringReactions'), {})[reaction] ?? [];
    },

    async kudosValues() {
      return [...options.kudosValues];
    },

    async sendInvite(input, write) {
      const myId = await meId(write.signal);
      const earlier = await lists.findByKey(titles.invites, write.idempotencyKey, write.signal);
      if (earlier) return inviteFromItem(earlier, myId);
      let email = input.email?.trim();
      if (!email && input.personId) email = (await getPeople([input.personId], write))[0]?.email;
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
        throw new BackendError('invalid', 'Enter a valid e-mail address.', { code: 'invite.email' });
      }
      const quota = await inviteQuota(write);
      if (quota.remaining <= 0) {
        throw new BackendError('invalid', 'You have used all your invitations for this month.', {
          code: 'invite.quota',
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
          KringToken: tokenHash(secureToken()),
        },
        write.idempotencyKey,
        write.signal,
      );
      return inviteFromItem(item, myId);
    },

    async listInvites(query, call) {
      const inviter = query.inviterId ?? (await meId(call?.signal));
      const page = query.cursor
        ? await lists.pageAt(query.cursor, call?.signal)
        : await lists.page(
            titles.invites,
            { equals: { KringInviter: inviter }, newestFirst: true, top: query.limit ?? 20 },
            call?.signal,
          );
      const items = page.items
        .map((item) => inviteFromItem(item))
        .filter((invite) => invite.inviterId === inviter);
      return { items, next: page.next };
    },

    async resendInvite(inviteId, write) {
      const myId = await meId(write.signal);
      const item = await updateItem(
        titles.invites,
        inviteId,
        (current) => {
          requireOwnInvite(current, myId);
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
      const myId = await meId(write.signal);
      const item = await updateItem(
        titles.invites,
        inviteId,
        (current) => {
          requireOwnInvite(current, myId);
          return text(current, 'KringStatus') === 'revoked' ? undefined : { KringStatus: 'revoked' };
        },
        write.signal,
      );
      return inviteFromItem(item);
    },

    inviteQuota,

    async createInviteLink(write) {
      const myId = await meId(write.signal);
      const token = secureToken();
      const item = await lists.create(
        titles.invites,
        {
          Title: '',
          KringInviter: myId,
          KringStatus: 'pending',
          KringExpires: addDays(new Date(now()), INVITE_LINK_VALIDITY_DAYS),
          KringToken: tokenHash(token),
        },
        write.idempotencyKey,
        write.signal,
      );
      // A retried write finds the first item, whose token only the first answer carried: a fresh link then.
      if (text(item, 'KringToken') !== tokenHash(token)) {
        throw new BackendError('conflict', 'The invitation link was already made; make a new one.', {
          code: 'invites.link-retried',
        });
      }
      return { token, url: options.inviteUrl(token), expiresAt: text(item, 'KringExpires') ?? '' };
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
        lists.id(found),
        (current) =>
          text(current, 'KringStatus') === 'pending'
            ? {
                KringStatus: accept ? 'accepted' : 'declined',
                KringResponded: nowIso(),
                KringInvitee: myId,
              }
            : undefined,
        write.signal,
      );
      if (text(updated, 'KringStatus') === 'accepted') {
        const existing = await lists.page(
          titles.members,
          { equals: { KringPerson: myId }, top: 1 },
          write.signal,
        );
        if (existing.items.length === 0) {
          await lists.create(
            titles.members,
            {
              Title: myId,
              KringPerson: myId,
              KringJoined: nowIso(),
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
      const value = wanted.length ? `;${wanted.join(';')};` : '';
      await updateItem(
        titles.ambassadors,
        lists.id(item),
        (current) => ((text(current, 'KringRoles') ?? '') === value ? undefined : { KringRoles: value }),
        write.signal,
      );
      return ambassadorProfile(myId, write);
    },

    async recordEvidence(input, write) {
      requireText(input.url, 'Add the address of the presentation or article.');
      if (input.personId !== (await meId(write.signal)) && !options.manageBadges) {
        throw new BackendError('forbidden', 'Only community managers can add evidence for someone else.');
      }
      const item = await ensureAmbassadorItem(input.personId, write.idempotencyKey, write.signal);
      await updateItem(
        titles.ambassadors,
        lists.id(item),
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

    listBadges,

    async awardBadge(input, write) {
      if (!options.manageBadges)
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
      if (!options.manageBadges)
        throw new BackendError('forbidden', 'Only community managers can revoke badges.');
      const item = await updateItem(
        titles.badges,
        badgeId,
        (current) => (text(current, 'KringRevoked') ? undefined : { KringRevoked: nowIso() }),
        write.signal,
      );
      return badgeFromItem(item);
    },

    async track(events, call) {
      if (events.length === 0) return;
      // One item per batch of events: a page view costs one request, not one per event.
      await lists.create(
        titles.activity,
        { Title: `${events.length} events`, KringEvents: JSON.stringify(events) },
        secureToken(),
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
}
