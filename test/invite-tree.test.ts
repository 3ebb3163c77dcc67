import { expect } from '@open-wc/testing';
import {
  activationWithin30Days,
  buildInviteTree,
  countDescendants,
  inviteTreeDepth,
  inviteTreeFigures,
  invitedShare,
  type InviteTreeMember,
} from '../src/invites/tree.js';
import type { ActivityEvent } from '../src/model.js';

/**
 * Fixed data set: "me" brought in 4 colleagues (a, b, c, d), who brought in 7 more
 * (a → a1, a2, a3; b → b1; c → c1, c2; b1 → b11). x was invited by me but never joined;
 * the founders me, f1 and f2 joined without an invitation.
 */
const people: InviteTreeMember[] = [
  { id: 'me', isMember: true, joinedAt: '2026-01-01T00:00:00.000Z' },
  { id: 'f1', isMember: true, joinedAt: '2026-01-01T00:00:00.000Z' },
  { id: 'f2', isMember: true, joinedAt: '2026-01-02T00:00:00.000Z' },
  { id: 'a', isMember: true, joinedAt: '2026-02-01T00:00:00.000Z', invitedBy: 'me' },
  { id: 'b', isMember: true, joinedAt: '2026-02-02T00:00:00.000Z', invitedBy: 'me' },
  { id: 'c', isMember: true, joinedAt: '2026-02-03T00:00:00.000Z', invitedBy: 'me' },
  { id: 'd', isMember: true, joinedAt: '2026-02-04T00:00:00.000Z', invitedBy: 'me' },
  { id: 'x', isMember: false, invitedBy: 'me' },
  { id: 'a1', isMember: true, joinedAt: '2026-03-01T00:00:00.000Z', invitedBy: 'a' },
  { id: 'a2', isMember: true, joinedAt: '2026-03-02T00:00:00.000Z', invitedBy: 'a' },
  { id: 'a3', isMember: true, joinedAt: '2026-03-03T00:00:00.000Z', invitedBy: 'a' },
  { id: 'b1', isMember: true, joinedAt: '2026-03-04T00:00:00.000Z', invitedBy: 'b' },
  { id: 'c1', isMember: true, joinedAt: '2026-03-05T00:00:00.000Z', invitedBy: 'c' },
  { id: 'c2', isMember: true, joinedAt: '2026-03-06T00:00:00.000Z', invitedBy: 'c' },
  { id: 'b11', isMember: true, joinedAt: '2026-04-01T00:00:00.000Z', invitedBy: 'b1' },
];

describe('invite tree', () => {
  it('gives "you brought in 4 colleagues, who brought in 7 more"', () => {
    const tree = buildInviteTree(people, 'me');
    expect(inviteTreeFigures(tree)).to.deep.equal({ direct: 4, indirect: 7, total: 11, depth: 3 });
    expect(tree.children.map((child) => child.personId)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('computes depth and size for any subtree', () => {
    const tree = buildInviteTree(people, 'b');
    expect(inviteTreeDepth(tree)).to.equal(2);
    expect(countDescendants(tree)).to.equal(2);
    expect(inviteTreeFigures(buildInviteTree(people, 'f1'))).to.deep.equal({
      direct: 0,
      indirect: 0,
      total: 0,
      depth: 0,
    });
  });

  it('survives cycles in bad data', () => {
    const cyclic: InviteTreeMember[] = [
      { id: 'p', isMember: true, joinedAt: '2026-01-01T00:00:00.000Z', invitedBy: 'q' },
      { id: 'q', isMember: true, joinedAt: '2026-01-01T00:00:00.000Z', invitedBy: 'p' },
    ];
    expect(inviteTreeFigures(buildInviteTree(cyclic, 'p'))).to.deep.equal({
      direct: 1,
      indirect: 0,
      total: 1,
      depth: 1,
    });
  });

  it('gives the share of members who joined by invitation', () => {
    // 14 members, 11 invited (x is not a member).
    expect(invitedShare(people)).to.equal(11 / 14);
    expect(invitedShare([])).to.equal(null);
  });

  it('gives activation of invitees within 30 days of joining', () => {
    const events: Pick<ActivityEvent, 'type' | 'actorId' | 'at'>[] = [
      { type: 'kudos-given', actorId: 'a', at: '2026-02-10T00:00:00.000Z' }, // day 9: active
      { type: 'post', actorId: 'b', at: '2026-03-05T00:00:00.000Z' }, // day 31: too late
      { type: 'element-seen', actorId: 'c', at: '2026-02-04T00:00:00.000Z' }, // looking is not contributing
      { type: 'reaction', actorId: 'a1', at: '2026-03-31T00:00:00.000Z' }, // day 30: on the edge, counts
      { type: 'endorsement', actorId: 'b11', at: '2026-04-02T00:00:00.000Z' },
      { type: 'post', actorId: 'f1', at: '2026-01-02T00:00:00.000Z' }, // not invited
    ];
    const figures = activationWithin30Days(people, events);
    expect(figures).to.deep.equal({ invited: 11, activated: 3, share: 3 / 11 });
  });

  it('leaves out invitees whose 30-day window is still open and who have not contributed yet', () => {
    const now = new Date('2026-04-10T00:00:00.000Z');
    const events = [{ type: 'endorsement' as const, actorId: 'b11', at: '2026-04-02T00:00:00.000Z' }];
    // b11 joined 9 days ago and contributed: counted. Everyone else's window closed.
    expect(activationWithin30Days(people, events, now)).to.deep.equal({
      invited: 11,
      activated: 1,
      share: 1 / 11,
    });
    const early = new Date('2026-04-05T00:00:00.000Z');
    expect(activationWithin30Days(people, [], early)).to.deep.equal({ invited: 10, activated: 0, share: 0 });
  });
});
