import { computeRoleProgress } from '../../ambassadors/progress.js';
import { summariseAmbassadorActivity } from '../../ambassadors/activity.js';
import {
  AMBASSADOR_ROLES,
  type AmbassadorProfile,
  type AmbassadorRole,
  type BadgeAward,
  type EvidenceLink,
  type Person,
} from '../../model.js';
import type { Backend, CallOptions } from '../backend.js';
import { BackendError } from '../../errors.js';
import type { ListContext } from './context.js';
import type { EndorsementLists } from './endorsements.js';
import { inviteFromItem } from './invites.js';

export type AmbassadorLists = Pick<
  Backend,
  | 'ambassadorProfile'
  | 'chooseAmbassadorRoles'
  | 'recordEvidence'
  | 'listBadges'
  | 'awardBadge'
  | 'revokeBadge'
>;

type RoleEvidence = EvidenceLink & { role: AmbassadorRole };

/** Ambassador roles and evidence (`Kring Ambassadors`) and badges (`Kring Badges`). */
export function createAmbassadorLists<Item>(
  ctx: ListContext<Item>,
  endorsements: EndorsementLists,
): AmbassadorLists {
  const { lists, titles, meId, getPeople, text } = ctx;
  const splitRoles = ctx.splitRoles ?? ctx.idList;

  function badgeFromItem(item: Item): BadgeAward {
    return {
      id: lists.id(item),
      personId: text(item, 'KringPerson') ?? '',
      role: (text(item, 'Title') as AmbassadorRole | undefined) ?? 'presenter',
      level: (text(item, 'KringLevel') as BadgeAward['level'] | undefined) ?? 'starter',
      awardedAt: lists.created(item) ?? ctx.nowIso(),
      awardedBy: text(item, 'KringAwardedBy') ?? 'system',
      criteriaMet: ctx.parseJson<string[]>(text(item, 'KringCriteria'), []),
      evidence: ctx.parseJson<EvidenceLink[]>(text(item, 'KringEvidence'), []),
      revokedAt: text(item, 'KringRevoked'),
    };
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
    const [item, badges, memberList, invites, kudosGiven, endorsementList] = await Promise.all([
      ambassadorItem(personId, signal),
      listBadges(personId, call),
      ctx.memberRecords(signal),
      lists.all(titles.invites, { equals: { KringInviter: personId } }, signal),
      lists.all(titles.kudos, { equals: { KringFrom: personId } }, signal),
      endorsements.records(signal),
    ]);
    const kudos = kudosGiven
      .filter((entry) => ctx.authorOf(entry) === personId)
      .map((entry) => ({ from: personId, to: ctx.idList(text(entry, 'KringTo')) }));
    const mine = endorsementList
      .filter((record) => record.endorser === personId)
      .map((record) => ({ from: personId, to: record.person }));
    const reachedIds = new Set<string>([personId, ...kudos.flatMap((k) => k.to), ...mine.map((e) => e.to)]);
    const people = (await getPeople([...reachedIds], call)).filter(
      (person): person is Person => person !== null,
    );
    const memberById = new Map(memberList.map((member) => [member.id, member]));
    const evidence = ctx.parseJson<RoleEvidence[]>(item ? text(item, 'KringEvidence') : undefined, []);
    const activity = summariseAmbassadorActivity(personId, {
      people: [
        ...people.map((person) => ({ ...person, ...memberById.get(person.id) })),
        ...memberList.filter((member) => !reachedIds.has(member.id)),
      ],
      invites: invites
        .map((invite) => inviteFromItem(ctx, invite))
        .filter((invite) => invite.inviterId === personId),
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

  return {
    ambassadorProfile,

    async chooseAmbassadorRoles(roles, write) {
      const myId = await meId(write.signal);
      const item = await ensureAmbassadorItem(myId, write.idempotencyKey, write.signal);
      const wanted = roles.filter((role) => (AMBASSADOR_ROLES as readonly string[]).includes(role));
      const value = wanted.length ? `;${wanted.join(';')};` : '';
      await ctx.updateItem(
        titles.ambassadors,
        lists.id(item),
        (current) => ((text(current, 'KringRoles') ?? '') === value ? undefined : { KringRoles: value }),
        write.signal,
      );
      return ambassadorProfile(myId, write);
    },

    async recordEvidence(input, write) {
      ctx.requireText(input.url, 'Add the address of the presentation or article.');
      if (input.personId !== (await meId(write.signal)) && !ctx.manageBadges) {
        throw new BackendError('forbidden', 'Only community managers can add evidence for someone else.');
      }
      const item = await ensureAmbassadorItem(input.personId, write.idempotencyKey, write.signal);
      await ctx.updateItem(
        titles.ambassadors,
        lists.id(item),
        (current) => {
          const links = ctx.parseJson<RoleEvidence[]>(text(current, 'KringEvidence'), []);
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
      if (!ctx.manageBadges) throw new BackendError('forbidden', 'Only community managers can award badges.');
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
      if (!ctx.manageBadges)
        throw new BackendError('forbidden', 'Only community managers can revoke badges.');
      const item = await ctx.updateItem(
        titles.badges,
        badgeId,
        (current) => (text(current, 'KringRevoked') ? undefined : { KringRevoked: ctx.nowIso() }),
        write.signal,
      );
      return badgeFromItem(item);
    },
  };
}
