import { COMMUNITY_METHODS, lazyMethods } from '../lazy-methods.js';
import type { ListCommunity } from './community.js';

/** Every method of `ListCommunity`; tsc fails below when one is added there and not here. */
const METHODS = [
  ...COMMUNITY_METHODS,
  'track',
  'endorsementCounts',
  'members',
] as const satisfies readonly (keyof ListCommunity)[];

type Unlisted = Exclude<keyof ListCommunity, (typeof METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

/**
 * The community lists' methods, with their code (kudos, invitations, ambassadors, metrics: most of an
 * adapter's size) loaded on first use: a page of profile cards never loads it (issue 18).
 */
export const lazyListCommunity = (load: () => Promise<ListCommunity>): ListCommunity =>
  lazyMethods(METHODS, load);
