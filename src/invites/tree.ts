/**
 * The invite tree: who brought whom into the community. Pure functions over people records,
 * shared by the demo backend, the invite elements and the metrics (invited share, activation).
 */
import type { ActivityEvent, ActivityType, InviteTreeNode, IsoDateTime } from '../model.js';
import { DAY_MS } from '../time.js';

/** The fields of a person the tree needs. */
export interface InviteTreeMember {
  id: string;
  isMember?: boolean;
  joinedAt?: IsoDateTime;
  invitedBy?: string;
}

/** Figures for "you brought in 4 colleagues, who brought in 7 more". */
export interface InviteTreeFigures {
  /** Members invited by the root person. */
  direct: number;
  /** Members invited by those, and so on down the tree. */
  indirect: number;
  /** direct + indirect. */
  total: number;
  /** Generations below the root (0 when nobody joined through them). */
  depth: number;
}

/** Acts that count as taking part (not just looking): the "first contribution" of the invite funnel. */
export const CONTRIBUTION_TYPES: readonly ActivityType[] = [
  'kudos-given',
  'reaction',
  'endorsement',
  'invite-sent',
  'post',
  'ambassador-role-chosen',
];

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isMember(person: InviteTreeMember): boolean {
  return person.isMember === true || (person.isMember === undefined && person.joinedAt !== undefined);
}

/**
 * Builds the tree of members who joined through `rootId`, generation by generation.
 * Cycles in bad data are cut: a person appears once, at the first place met.
 */
export function buildInviteTree(people: readonly InviteTreeMember[], rootId: string): InviteTreeNode {
  const childrenOf = new Map<string, InviteTreeMember[]>();
  for (const person of people) {
    if (!person.invitedBy || !isMember(person) || person.invitedBy === person.id) continue;
    const siblings = childrenOf.get(person.invitedBy) ?? [];
    siblings.push(person);
    childrenOf.set(person.invitedBy, siblings);
  }
  const root = people.find((person) => person.id === rootId);
  const seen = new Set<string>([rootId]);
  const grow = (id: string, joinedAt: IsoDateTime | undefined): InviteTreeNode => {
    const children: InviteTreeNode[] = [];
    for (const child of childrenOf.get(id) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      children.push(grow(child.id, child.joinedAt));
    }
    // Code-point order, not locale order: the same tree in every browser and on a server.
    children.sort((a, b) => compare(a.joinedAt ?? '', b.joinedAt ?? '') || compare(a.personId, b.personId));
    return { personId: id, joinedAt, children };
  };
  return grow(rootId, root?.joinedAt);
}

/** Generations below the node: 0 for a leaf. */
export function inviteTreeDepth(node: InviteTreeNode): number {
  return node.children.reduce((deepest, child) => Math.max(deepest, 1 + inviteTreeDepth(child)), 0);
}

/** Everyone below the node. */
export function countDescendants(node: InviteTreeNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
}

export function inviteTreeFigures(node: InviteTreeNode): InviteTreeFigures {
  const direct = node.children.length;
  const total = countDescendants(node);
  return { direct, indirect: total - direct, total, depth: inviteTreeDepth(node) };
}

/** Share (0–1) of members who joined through an invitation; null when there are no members. */
export function invitedShare(people: readonly InviteTreeMember[]): number | null {
  const members = people.filter(isMember);
  if (members.length === 0) return null;
  return members.filter((person) => person.invitedBy !== undefined).length / members.length;
}

export interface ActivationFigures {
  /** Invited members whose activation window has been observed (or already activated). */
  invited: number;
  /** Of those, who contributed within the window after joining. */
  activated: number;
  /** activated ÷ invited; null when no invited members. */
  share: number | null;
}

/**
 * Activation of invitees: an invited member is activated when they contributed (see
 * `CONTRIBUTION_TYPES`) within `days` of joining. Members who joined less than `days` ago and have
 * not contributed yet are left out, as their window is still open. Pass `now` to apply that rule.
 */
export function activationWithinDays(
  people: readonly InviteTreeMember[],
  events: readonly Pick<ActivityEvent, 'type' | 'actorId' | 'at'>[],
  options: { days?: number; now?: Date; contributionTypes?: readonly ActivityType[] } = {},
): ActivationFigures {
  const windowMs = (options.days ?? 30) * DAY_MS;
  const types = new Set(options.contributionTypes ?? CONTRIBUTION_TYPES);
  const firstContribution = new Map<string, number[]>();
  for (const event of events) {
    if (!types.has(event.type)) continue;
    const times = firstContribution.get(event.actorId) ?? [];
    times.push(new Date(event.at).getTime());
    firstContribution.set(event.actorId, times);
  }
  let invited = 0;
  let activated = 0;
  for (const person of people) {
    if (!isMember(person) || person.invitedBy === undefined || person.joinedAt === undefined) continue;
    const joined = new Date(person.joinedAt).getTime();
    const active = (firstContribution.get(person.id) ?? []).some(
      (time) => time >= joined && time <= joined + windowMs,
    );
    const windowOpen = options.now !== undefined && options.now.getTime() < joined + windowMs;
    if (!active && windowOpen) continue;
    invited += 1;
    if (active) activated += 1;
  }
  return { invited, activated, share: invited === 0 ? null : activated / invited };
}

/** Activation within 30 days, the figure of the invite funnel. */
export function activationWithin30Days(
  people: readonly InviteTreeMember[],
  events: readonly Pick<ActivityEvent, 'type' | 'actorId' | 'at'>[],
  now?: Date,
): ActivationFigures {
  return activationWithinDays(people, events, { days: 30, now });
}
