import type { ClientRead } from './types.js';

/** The reads passed on to the adapter as they are (`currentUser` and `searchPeople` have their own methods). */
export type PassedOn = Exclude<ClientRead, 'currentUser' | 'searchPeople'>;

/**
 * Each passed-on read with its number of arguments before `CallOptions`, made into the client's methods (a table
 * is smaller in the core than a method each). Typed by `PassedOn`, so a read added to the client's API
 * without a line here does not compile.
 */
export const PASSED_ON: { [M in PassedOn]: number } = {
  suggestSkills: 1,
  listKudos: 1,
  listReactors: 2,
  kudosValues: 0,
  listInvites: 1,
  inviteQuota: 0,
  lookupInvite: 1,
  inviteTree: 1,
  ambassadorProfile: 1,
  listBadges: 1,
  metrics: 1,
  pioneers: 1,
};
