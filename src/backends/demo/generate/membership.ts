/** Stage 2: who joined when, who invited whom, open and refused invitations, invitation links. */
import type { InviteStatus } from '../../../model.js';
import { compareCodePoints } from '../text.js';
import { DAY_MS } from '../../../time.js';
import {
  INVITE_VALID_DAYS,
  type DemoPersonRecord,
  type InviteLinkRecord,
  type InviteRecord,
} from '../seed.js';
import { iso } from './formatting.js';
import type { Generation } from './people.js';

export interface Membership {
  invites: InviteRecord[];
  inviteLinks: InviteLinkRecord[];
  joinedMsOf: Map<DemoPersonRecord, number>;
}

export function generateMembership(generation: Generation): Membership {
  const { random, size, anchorMs, people, engagementOf, communityManager } = generation;
  // ---- membership and the invite tree
  const founders = new Set<DemoPersonRecord>([communityManager]);
  const founderCount = Math.max(5, Math.round(size * 0.04));
  while (founders.size < Math.min(founderCount, size)) founders.add(people[random.int(0, size - 1)]);
  const joinDays = new Map<DemoPersonRecord, number>();
  for (const person of people) {
    if (founders.has(person)) {
      joinDays.set(person, 240 + random.next() * 30);
    } else if (random.chance(person.isManagement ? 0.8 : 0.55)) {
      joinDays.set(person, 236 * Math.pow(random.next(), 1.3));
    }
  }
  const members = [...joinDays.keys()].sort(
    (a, b) => joinDays.get(b)! - joinDays.get(a)! || compareCodePoints(a.id, b.id),
  );
  const invites: InviteRecord[] = [];
  let inviteCounter = 0;
  const newInviteId = () => `i${String(++inviteCounter).padStart(6, '0')}`;
  // A pool where eager recruiters appear more often, so a few people bring in many.
  const recruiterPool: DemoPersonRecord[] = [];
  const joinedMsOf = new Map<DemoPersonRecord, number>();
  const departmentPools = new Map<string, DemoPersonRecord[]>();
  for (const person of members) {
    const joinedMs = anchorMs - Math.round(joinDays.get(person)! * DAY_MS);
    person.isMember = true;
    person.joinedAt = iso(joinedMs);
    joinedMsOf.set(person, joinedMs);
    const samePool = departmentPools.get(person.department) ?? [];
    if (!founders.has(person) && recruiterPool.length > 0 && random.chance(0.78)) {
      const inviter =
        samePool.length > 0 && random.chance(0.55) ? random.pick(samePool) : random.pick(recruiterPool);
      const inviterJoined = joinedMsOf.get(inviter)!;
      const createdMs = Math.max(inviterJoined + DAY_MS / 24, joinedMs - random.next() * 6 * DAY_MS);
      person.invitedBy = inviter.id;
      invites.push({
        id: '',
        inviterId: inviter.id,
        email: person.email,
        inviteeId: person.id,
        status: 'accepted',
        createdAt: iso(createdMs),
        expiresAt: iso(createdMs + INVITE_VALID_DAYS * DAY_MS),
        respondedAt: person.joinedAt,
        token: random.token(),
      });
    }
    const copies = 1 + Math.round(engagementOf.get(person)! * 6);
    for (let copy = 0; copy < copies; copy++) {
      recruiterPool.push(person);
      samePool.push(person);
    }
    departmentPools.set(person.department, samePool);
  }

  // Open, declined, expired and revoked invitations to people still only in the directory.
  const nonMembers = people.filter((person) => !person.isMember);
  const statusCycle: InviteStatus[] = ['pending', 'expired', 'declined', 'revoked'];
  nonMembers.forEach((person, position) => {
    if (position >= 4 && !random.chance(0.3)) return;
    const inviter = position < 4 ? communityManager! : random.pick(recruiterPool);
    const status = position < 4 ? statusCycle[position] : statusCycle[random.weightedIndex([45, 30, 15, 10])];
    const daysAgo =
      status === 'pending'
        ? random.next() * (INVITE_VALID_DAYS - 1)
        : INVITE_VALID_DAYS + random.next() * 120;
    const inviterJoined = joinedMsOf.get(inviter)!;
    const createdMs = Math.max(inviterJoined + DAY_MS, anchorMs - daysAgo * DAY_MS);
    const expiresMs = createdMs + INVITE_VALID_DAYS * DAY_MS;
    invites.push({
      id: '',
      inviterId: inviter.id,
      email: person.email,
      inviteeId: person.id,
      message: random.chance(0.5) ? `Hoi ${person.firstName}, dit is echt iets voor jou!` : undefined,
      status: status === 'expired' || (status === 'pending' && expiresMs < anchorMs) ? 'expired' : status,
      createdAt: iso(createdMs),
      expiresAt: iso(expiresMs),
      respondedAt:
        status === 'declined' || status === 'revoked'
          ? iso(Math.min(anchorMs - 1, createdMs + random.next() * 5 * DAY_MS))
          : undefined,
      token: random.token(),
    });
  });
  invites.sort((a, b) => compareCodePoints(a.createdAt, b.createdAt));
  for (const invite of invites) invite.id = newInviteId();

  const inviteLinks: InviteLinkRecord[] = [
    {
      token: random.token(),
      inviterId: communityManager.id,
      createdAt: iso(anchorMs - 3 * DAY_MS),
      expiresAt: iso(anchorMs + 27 * DAY_MS),
    },
    {
      token: random.token(),
      inviterId: communityManager.id,
      createdAt: iso(anchorMs - 60 * DAY_MS),
      expiresAt: iso(anchorMs - 30 * DAY_MS),
    },
  ];

  return { invites, inviteLinks, joinedMsOf };
}
