import type { ListCommunity } from './community.js';

/** Every method of `ListCommunity`; tsc fails below when one is added there and not here. */
const METHODS = [
  'endorseSkill',
  'unendorseSkill',
  'listKudos',
  'giveKudos',
  'react',
  'listReactors',
  'kudosValues',
  'sendInvite',
  'listInvites',
  'resendInvite',
  'revokeInvite',
  'inviteQuota',
  'createInviteLink',
  'lookupInvite',
  'respondToInvite',
  'inviteTree',
  'ambassadorProfile',
  'chooseAmbassadorRoles',
  'recordEvidence',
  'listBadges',
  'awardBadge',
  'revokeBadge',
  'track',
  'metrics',
  'pioneers',
  'endorsementCounts',
  'members',
] as const satisfies readonly (keyof ListCommunity)[];

type Unlisted = Exclude<keyof ListCommunity, (typeof METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * The community lists' methods, with their code (kudos, invitations, ambassadors, metrics: most of an
 * adapter's size) loaded on first use: a page of profile cards never loads it (issue 18). `load` runs
 * once; after a failure (a network error loading the chunk) the next call tries again.
 */
export function lazyListCommunity(load: () => Promise<ListCommunity>): ListCommunity {
  let loading: Promise<ListCommunity> | undefined;
  const community = () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const methods: Record<string, AnyMethod> = {};
  for (const name of METHODS) {
    methods[name] = async (...args) => {
      const loaded = await community();
      return (loaded[name] as AnyMethod).apply(loaded, args);
    };
  }
  return methods as unknown as ListCommunity;
}
