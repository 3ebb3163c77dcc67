import { expect } from '@open-wc/testing';
import { AMBASSADOR_CRITERIA, type AmbassadorActivity } from '../src/ambassadors/criteria.js';
import { computeRoleProgress, missingForNextLevel, nextLevel } from '../src/ambassadors/progress.js';
import { activeAwards, earnedAwards, highestAwards, revokeAward } from '../src/ambassadors/awards.js';
import { summariseAmbassadorActivity } from '../src/ambassadors/activity.js';
import { AMBASSADOR_LEVELS, AMBASSADOR_ROLES, type BadgeAward } from '../src/model.js';

describe('ambassador progress', () => {
  it('uses the thresholds the issue names', () => {
    expect(AMBASSADOR_CRITERIA.recruiter[0].thresholds).to.deep.equal([3, 10, 25]);
    expect(AMBASSADOR_CRITERIA.responder[0].thresholds).to.deep.equal([20, 100, 300]);
    expect(AMBASSADOR_CRITERIA.connector[0].thresholds).to.deep.equal([2, 4, 6]);
  });

  for (const role of AMBASSADOR_ROLES) {
    const [criterion] = AMBASSADOR_CRITERIA[role];
    AMBASSADOR_LEVELS.forEach((level, index) => {
      const threshold = criterion.thresholds[index];
      it(`${role}: ${threshold - 1} is below ${level}, ${threshold} and ${threshold + 1} reach it`, () => {
        const progressAt = (count: number) =>
          computeRoleProgress({ [criterion.key]: count } as AmbassadorActivity, [role])[0];
        const below = progressAt(threshold - 1);
        expect(below.level).to.equal(index === 0 ? undefined : AMBASSADOR_LEVELS[index - 1]);
        expect(below.criteria[0]).to.deep.equal({
          criterion: criterion.key,
          current: threshold - 1,
          target: threshold,
        });
        expect(progressAt(threshold).level).to.equal(level);
        expect(progressAt(threshold + 1).level).to.equal(level);
      });
    });
  }

  it('targets the next level, and champion once reached', () => {
    const [recruiter] = computeRoleProgress({ 'accepted-invitations': 12 }, ['recruiter']);
    expect(recruiter.level).to.equal('active');
    expect(recruiter.criteria[0].target).to.equal(25);
    expect(missingForNextLevel(recruiter)).to.deep.equal([
      { criterion: 'accepted-invitations', missing: 13 },
    ]);
    const [champion] = computeRoleProgress({ 'accepted-invitations': 40 }, ['recruiter']);
    expect(champion.level).to.equal('champion');
    expect(champion.criteria[0].target).to.equal(25);
    expect(missingForNextLevel(champion)).to.deep.equal([]);
    expect(nextLevel(undefined)).to.equal('starter');
    expect(nextLevel('active')).to.equal('champion');
    expect(nextLevel('champion')).to.equal(undefined);
  });

  it('treats missing activity as zero and returns every role by default', () => {
    const all = computeRoleProgress({});
    expect(all.map((progress) => progress.role)).to.deep.equal([...AMBASSADOR_ROLES]);
    expect(all.every((progress) => progress.level === undefined)).to.equal(true);
  });
});

describe('ambassador activity summary', () => {
  it('counts invitations, reactions, departments and evidence for one person', () => {
    const activity = summariseAmbassadorActivity('me', {
      people: [
        { id: 'me', department: 'IT', isMember: true },
        { id: 'a', department: 'HR', invitedBy: 'me', isMember: true, email: 'a@acme.nl' },
        { id: 'b', department: 'Sales', invitedBy: 'me', isMember: true },
        { id: 'c', department: 'IT', isMember: true },
        { id: 'd', department: 'Legal', isMember: true },
      ],
      invites: [
        { inviterId: 'me', status: 'accepted', inviteeId: 'a', email: 'a@acme.nl' },
        { inviterId: 'me', status: 'accepted', email: 'new@acme.nl' },
        { inviterId: 'me', status: 'pending', email: 'p@acme.nl' },
        { inviterId: 'other', status: 'accepted', email: 'o@acme.nl' },
      ],
      kudos: [
        { from: 'me', to: ['a', 'c'] },
        { from: 'me', to: ['b'] },
        { from: 'a', to: ['d'] },
      ],
      endorsements: [{ from: 'me', to: 'd' }],
      events: [
        { type: 'reaction', actorId: 'me' },
        { type: 'endorsement', actorId: 'me' },
        { type: 'reaction', actorId: 'a' },
        { type: 'post', actorId: 'me' },
      ],
      evidence: [
        { personId: 'me', role: 'presenter' },
        { personId: 'me', role: 'writer' },
        { personId: 'me', role: 'writer' },
        { personId: 'a', role: 'writer' },
      ],
    });
    expect(activity).to.deep.equal({
      'accepted-invitations': 3,
      'reactions-and-endorsements': 2,
      'departments-reached': 3,
      presentations: 1,
      articles: 2,
    });
  });
});

describe('badge awards', () => {
  const now = new Date('2026-11-26T12:00:00.000Z');
  const award = (overrides: Partial<BadgeAward>): BadgeAward => ({
    id: 'b1',
    personId: 'me',
    role: 'writer',
    level: 'starter',
    awardedAt: '2026-10-01T00:00:00.000Z',
    awardedBy: 'system',
    criteriaMet: [],
    evidence: [],
    ...overrides,
  });

  it('awards each level reached and not yet held', () => {
    const progress = computeRoleProgress({ 'accepted-invitations': 10 }, ['recruiter']);
    const existing = [award({ role: 'recruiter', level: 'starter' })];
    const earned = earnedAwards('me', progress, existing, now, () => ['10 accepted invitations']);
    expect(earned).to.have.length(1);
    expect(earned[0]).to.include({ role: 'recruiter', level: 'active', awardedBy: 'system' });
  });

  it('keeps a manual revoke: a revoked level is not earned again', () => {
    const revoked = revokeAward(award({ role: 'recruiter', level: 'starter' }), now);
    expect(revoked.revokedAt).to.equal(now.toISOString());
    expect(revokeAward(revoked, new Date('2027-01-01')).revokedAt).to.equal(now.toISOString());
    const progress = computeRoleProgress({ 'accepted-invitations': 3 }, ['recruiter']);
    expect(earnedAwards('me', progress, [revoked], now, () => [])).to.deep.equal([]);
  });

  it('shows a manual award and hides a revoked one', () => {
    const manual = award({ id: 'm', role: 'presenter', level: 'champion', awardedBy: 'manager-1' });
    const awards = [
      award({ id: 'w1', level: 'starter' }),
      award({ id: 'w2', level: 'active' }),
      revokeAward(award({ id: 'w3', level: 'champion' }), now),
      manual,
    ];
    expect(activeAwards(awards).map((item) => item.id)).to.deep.equal(['w1', 'w2', 'm']);
    expect(highestAwards(awards).map((item) => item.id)).to.deep.equal(['w2', 'm']);
    expect(highestAwards(awards, 'presenter')).to.deep.equal([manual]);
  });
});
