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
    if (parts.every((figure) => figure.value !== null)) {
      expect(visitors.value).to.equal(parts.reduce((sum, figure) => sum + figure.value!, 0));
    } else {
      // A withheld level hides 1–4 people: the known levels leave exactly that gap.
      const known = parts.reduce((sum, figure) => sum + (figure.value ?? 0), 0);
      const withheld = parts.filter((figure) => figure.suppressed).length;
      expect(visitors.value! - known).to.be.within(withheld, withheld * 4);
    }
    const history = metrics.memberHistory!;
    expect(history[history.length - 1]).to.include({ month, members: metrics.members.value });
    const joinedInMonth = history[history.length - 1].members - history[history.length - 2].members;
    expect(metrics.newMembersPerWeek.reduce((sum, week) => sum + week.count, 0)).to.equal(joinedInMonth);
    expect(metrics.inviteFunnel.accepted).to.be.at.most(metrics.inviteFunnel.sent);
    expect(metrics.inviteFunnel.activeWithin30Days).to.be.at.most(metrics.inviteFunnel.accepted);
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
