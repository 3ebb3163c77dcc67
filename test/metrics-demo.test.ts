import { expect } from '@open-wc/testing';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { lastFullMonth } from '../src/metrics/index.js';
import { TEST_NOW } from './helpers/clock.js';

describe('metrics over the demo community', () => {
  const backend = createDemoBackend({ persist: false, latencyMs: 0, now: TEST_NOW });
  const month = lastFullMonth(TEST_NOW);

  it('adds up: visitors are readers + contributors + creators, and members grow with the weekly joins', async () => {
    const metrics = await backend.metrics({ month });
    const { visitors, readers, contributors, creators } = metrics;
    const parts = [readers, contributors, creators];
    const withheld = [visitors, ...parts].filter((figure) => figure.value === null).length;
    if (withheld === 0) {
      expect(visitors.value).to.equal(parts.reduce((sum, figure) => sum + figure.value!, 0));
    } else {
      // One withheld level alone would follow from the other three: there are always two or more.
      expect(withheld, 'withheld levels').to.be.at.least(2);
      const known = parts.reduce((sum, figure) => sum + (figure.value ?? 0), 0);
      if (visitors.value !== null) expect(visitors.value - known).to.be.at.least(withheld);
    }
    const history = metrics.memberHistory!;
    expect(history[history.length - 1]).to.include({ month, members: metrics.members.value });
    const joinedInMonth = history[history.length - 1].members - history[history.length - 2].members;
    const weeks = metrics.newMembersPerWeek;
    const shownJoins = weeks.reduce((sum, week) => sum + (week.count ?? 0), 0);
    if (weeks.every((week) => week.count !== null)) expect(shownJoins).to.equal(joinedInMonth);
    else {
      expect(weeks.filter((week) => week.count === null).length, 'withheld weeks').to.be.at.least(2);
      expect(shownJoins).to.be.below(joinedInMonth);
    }
    const { sent, accepted, activeWithin30Days } = metrics.inviteFunnel;
    if (sent !== null && accepted !== null) expect(accepted).to.be.at.most(sent);
    if (accepted !== null && activeWithin30Days !== null) expect(activeWithin30Days).to.be.at.most(accepted);
  });

  it('names searched skills as profiles spell them ("Power BI"), not as folded search keys', async () => {
    const { topSkills } = await backend.metrics({ month });
    expect(topSkills.length).to.be.greaterThan(0);
    for (const { value } of topSkills) expect(value, value).to.not.equal(value.toLowerCase());
  });

  it('never shows a figure on fewer than 5 people', async () => {
    const metrics = await backend.metrics({ month });
    const counts = [
      'members',
      'visitors',
      'readers',
      'contributors',
      'creators',
      'kudosGivers',
      'kudosReceivers',
    ] as const;
    for (const key of counts) {
      const value = metrics[key].value;
      expect(value === null || value === 0 || value >= 5, key).to.equal(true);
    }
  });

  it('ranks pioneers by departments reached, from public acts', async () => {
    const ranks = await backend.pioneers({ limit: 10 });
    expect(ranks.length).to.be.within(1, 10);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i - 1].score).to.be.at.least(ranks[i].score);
    for (const rank of ranks) {
      expect(Math.floor(rank.score)).to.equal(rank.departmentsReached);
      expect(rank.reasons.map((reason) => reason.kind)).to.not.include('views');
    }
  });
});
