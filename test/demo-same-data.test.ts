// The demo intranet's `?backend=sharepoint|graph` imitations serve the demo data set: the pulse there must
// show the same month as on the demo backend, not "Visitors 0" (README: "same demo data on every backend").
import { expect } from '@open-wc/testing';
import { createDemoHandlers } from '../demo/mock-handlers.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { createGraphBackend } from '../src/backends/graph/index.js';
import { createSharePointBackend } from '../src/backends/sharepoint/index.js';

const siteUrl = `${location.origin}/sites/kring`;
const { answer } = createDemoHandlers({ endpoint: '/api/kring', siteUrl });
const imitated: typeof fetch = async (input, init) =>
  (await answer(new Request(input, init))) ?? new Response('not imitated', { status: 404 });

describe('the demo page imitations serve the demo data set', () => {
  let month: string;
  let visitors: number | null;
  before(async () => {
    const demo = createDemoBackend({ persist: false, storage: null });
    // The month before the data's last day: a full month on every backend.
    const anchor = new Date(demo.demo.data.anchor);
    month = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    const metrics = await demo.metrics({ month });
    visitors = metrics.visitors.value;
    expect(visitors).to.be.greaterThan(0);
  });

  it('Graph: the pulse counts the demo visitors', async () => {
    const graph = createGraphBackend({
      fetch: imitated,
      getToken: async () => 'demo',
      sites: { community: siteUrl },
    });
    const metrics = await graph.metrics({ month });
    expect(metrics.visitors.value).to.be.greaterThan(0);
    expect(metrics.stickiness.value).to.not.equal(null);
  });

  it('Graph and SharePoint: my badges and my skills are those of the demo backend', async () => {
    const demo = createDemoBackend({ persist: false, storage: null });
    const me = await demo.currentUser();
    const mine = (await demo.listBadges(me.id)).filter((award) => !award.revokedAt).length;
    const [detailed] = await demo.getPeople([me.id], { details: true });
    const graph = createGraphBackend({
      fetch: imitated,
      getToken: async () => 'demo',
      sites: { community: siteUrl },
    });
    const sharepoint = createSharePointBackend({ siteUrl, fetch: imitated });
    for (const backend of [graph, sharepoint]) {
      const user = await backend.currentUser();
      const badges = (await backend.listBadges(user.id)).filter((award) => !award.revokedAt);
      expect(badges.length, `${backend.name} badges`).to.equal(mine);
      const [person] = await backend.getPeople([user.id], { details: true });
      expect(person!.skills.map((skill) => skill.name).sort(), `${backend.name} skills`).to.deep.equal(
        detailed!.skills.map((skill) => skill.name).sort(),
      );
    }
  });

  it('SharePoint: the pulse counts the demo visitors', async () => {
    const sharepoint = createSharePointBackend({ siteUrl, fetch: imitated });
    const metrics = await sharepoint.metrics({ month });
    expect(metrics.visitors.value).to.be.greaterThan(0);
  });
});
