import type { Person } from '../../model.js';
import type { MemberMap } from './community.js';

/**
 * The member list for a people search. A members-only search needs it and fails without it; any other
 * search only uses it to mark who is a member, and goes on unmarked when the list cannot be read.
 */
export function membersForSearch(
  read: Promise<MemberMap>,
  membersOnly: boolean | undefined,
): Promise<MemberMap | undefined> {
  return membersOnly ? read : read.catch(() => undefined);
}

/** The person marked as a member (since when, invited by whom) or not; unchanged without a member list. */
export function withMembership(person: Person, members: MemberMap | undefined): Person {
  if (!members) return person;
  const member = members.get(person.id);
  return member
    ? { ...person, isMember: true, joinedAt: member.joinedAt, invitedBy: member.invitedBy }
    : { ...person, isMember: false };
}
