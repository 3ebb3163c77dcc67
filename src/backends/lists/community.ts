/**
 * Kudos, reactions, invitations, endorsements, ambassadors, badges and activity kept in SharePoint lists
 * (`./schema.ts`). The SharePoint REST adapter and the Microsoft Graph adapter both answer these Backend
 * methods from here; each supplies only its transport (`./transport.ts`). One module per list family
 * (`./kudos.ts`, `./invites.ts`, `./endorsements.ts`, `./ambassadors.ts`, `./activity.ts`) over one
 * `ListContext` (`./context.ts`).
 */
import type { Backend } from '../backend.js';
import { createActivityLists, type ActivityLists } from './activity.js';
import { createAmbassadorLists, type AmbassadorLists } from './ambassadors.js';
import { createListContext, type ListCommunityOptions } from './context.js';
import { createEndorsementLists, TALLY_TTL_MS, type EndorsementCounts } from './endorsements.js';
import { createInviteLists, type InviteLists } from './invites.js';
import { createKudosLists, type KudosLists } from './kudos.js';

export type { ListCommunityOptions } from './context.js';
export type { EndorsementCounts } from './endorsements.js';

/** Community members (the `Kring Members` list) by person id. */
export type MemberMap = Map<string, { joinedAt?: string; invitedBy?: string }>;

/** The Backend methods the community lists answer. */
export type CommunityBackendMethods = KudosLists &
  InviteLists &
  AmbassadorLists &
  ActivityLists &
  Pick<Backend, 'endorseSkill' | 'unendorseSkill'>;

export type ListCommunity = CommunityBackendMethods & {
  /** Endorsement counts for skills shown on opened cards (reused for a while). */
  endorsementCounts(signal?: AbortSignal): Promise<EndorsementCounts>;
  /** Community members by person id (reused for a while). */
  members(signal?: AbortSignal): Promise<MemberMap>;
};

export function createListCommunity<Item>(options: ListCommunityOptions<Item>): ListCommunity {
  const ctx = createListContext(options);
  const endorsements = createEndorsementLists(ctx);
  let memberCache: { at: number; request: Promise<MemberMap> } | undefined;
  return {
    ...createKudosLists(ctx),
    ...createInviteLists(ctx),
    ...createAmbassadorLists(ctx, endorsements),
    ...createActivityLists(ctx, endorsements),
    endorseSkill: endorsements.endorseSkill,
    unendorseSkill: endorsements.unendorseSkill,
    endorsementCounts: endorsements.counts,

    members(signal) {
      // Searches ask on every keystroke: the member list is reused like the endorsement tally.
      if (!memberCache || options.now() - memberCache.at > TALLY_TTL_MS) {
        const request = ctx
          .memberRecords(signal)
          .then((list) => new Map(list.map((member) => [member.id, member])));
        request.catch(() => (memberCache = undefined));
        memberCache = { at: options.now(), request };
      }
      return memberCache.request;
    },
  };
}
