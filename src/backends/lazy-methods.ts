import type { Backend } from './backend.js';

/**
 * The `Backend` methods of a community beyond its people (skills, kudos, invitations, ambassadors, badges,
 * metrics) that no page of profile cards calls: every adapter loads their code on first use.
 */
export const COMMUNITY_METHODS = [
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
  'metrics',
  'pioneers',
] as const satisfies readonly (keyof Backend)[];

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Methods whose code loads on first use (issue 18): each name becomes an async method that loads the
 * object once and calls its method of that name. A page that never calls one never downloads the code.
 * After a failed load (a network error fetching the chunk) the next call tries again.
 */
export function lazyMethods<T, K extends keyof T>(names: readonly K[], load: () => Promise<T>): Pick<T, K> {
  let loading: Promise<T> | undefined;
  const loaded = () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const methods = {} as Record<K, AnyMethod>;
  for (const name of names) {
    methods[name] = async (...args) => {
      const target = await loaded();
      return (target[name] as AnyMethod).apply(target, args);
    };
  }
  return methods as unknown as Pick<T, K>;
}
