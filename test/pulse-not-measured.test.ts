import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { createGraphBackend } from '../src/backends/graph/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createGraphHandlers } from '../mocks/graph/handlers.js';
import { registerTestBackend } from './helpers/backends.js';

// A live Graph tenant whose activity list is empty (nobody's visits were recorded): the lists hold the
// community's kudos, invitations and members, but no visits, reading or searches.
const siteUrl = 'https://contoso.sharepoint.com/sites/kring';
const demo = createDemoBackend({ persist: false, storage: null, now: new Date('2026-11-20T12:00:00Z') });
const graph = createGraphHandlers({ backend: demo, siteUrl });
const worker = setupWorker(...graph.handlers);

let counter = 0;
function registerGraph(): string {
  const name = `graph-empty-activity-${++counter}`;
  const backend = createGraphBackend({ getToken: async () => 'token', sites: { community: siteUrl } });
  registerBackend(name, () => backend);
  return name;
}

async function renderPulse(backend: string, lang = 'en', month = '2026-11') {
  const community = await fixture(
    html`<kring-community backend=${backend} lang=${lang}>
      <kring-pulse month=${month}></kring-pulse>
    </kring-community>`,
  );
  const pulse = community.querySelector('kring-pulse')!;
  await waitUntil(() => pulse.shadowRoot?.querySelector('[part~="headlines"]'), 'figures shown', {
    timeout: 15_000,
  });
  return pulse;
}

const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
const tile = (pulse: Element, metric: string) =>
  pulse.shadowRoot!.querySelector(`[part~="headline"][data-metric="${metric}"]`)!;
/** Whether a selector matches in `root` (a boolean: a failed assertion on an element would be serialised whole). */
const has = (root: Element | ShadowRoot, selector: string) => root.querySelector(selector) !== null;
const section = (pulse: Element, name: string) =>
  pulse.shadowRoot!.getElementById(`section-${name}`)!.closest('section')!;

describe('<kring-pulse> on a backend that recorded no activity (Graph, empty activity list)', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  beforeEach(() => graph.reset());
  after(() => worker.stop());

  it('says "not measured on this backend" in small type instead of zeros and "not known"', async () => {
    const pulse = await renderPulse(registerGraph());
    for (const metric of ['visitors', 'stickiness', 'managementParticipation']) {
      const figure = tile(pulse, metric);
      expect(has(figure, '[part~="headline-value"]'), `${metric}: no large value`).to.equal(false);
      expect(has(figure, '[part~="headline-not-measured"]'), `${metric}: not measured`).to.equal(true);
      const state = figure.querySelector('[part~="headline-not-measured"]')!;
      expect(text(state), metric).to.equal('Not measured on this backend');
      // Small: no larger than the figure's label.
      const label = figure.querySelector('[part~="headline-label"]')!;
      expect(parseFloat(getComputedStyle(state).fontSize)).to.be.at.most(
        parseFloat(getComputedStyle(label).fontSize),
      );
    }
    // What the backend does count stays a figure.
    expect(has(tile(pulse, 'members'), '[part~="headline-value"]')).to.equal(true);
    expect(has(tile(pulse, 'kudosGiven'), '[part~="headline-value"]')).to.equal(true);
    // One sentence says why, once.
    expect(has(pulse.shadowRoot!, '[part~="not-measured"]'), 'an explanation').to.equal(true);
    const why = pulse.shadowRoot!.querySelector('[part~="not-measured"]')!;
    expect(text(why)).to.match(/no activity has been recorded/i);
    const all = text(pulse.shadowRoot!);
    expect(all).not.to.contain('Of 0 visitors');
    expect(all).not.to.contain('not known');
    expect(text(tile(pulse, 'visitors'))).not.to.match(/\b0\b/);
    // The participation pyramid and management sections explain instead of drawing zeros.
    expect(has(section(pulse, 'participation'), 'svg'), 'no pyramid of zeros').to.equal(false);
    expect(text(section(pulse, 'participation'))).to.contain('Not measured on this backend');
    expect(text(section(pulse, 'management'))).to.contain('Not measured on this backend');
    expect(text(section(pulse, 'management'))).not.to.match(/\b0\s?%/);
    await expect(pulse).to.be.accessible();
  });

  it('speaks Dutch, German and French', async () => {
    const expected: Record<string, string> = {
      nl: 'Niet gemeten op deze backend',
      de: 'In diesem Backend nicht gemessen',
      fr: 'Non mesuré sur ce backend',
    };
    for (const [lang, phrase] of Object.entries(expected)) {
      const pulse = await renderPulse(registerGraph(), lang);
      expect(text(tile(pulse, 'visitors')), lang).to.contain(phrase);
    }
  });

  it('shows measured figures as before where activity was recorded (the demo backend)', async () => {
    const { name } = registerTestBackend();
    const pulse = await renderPulse(name, 'en', '2026-10');
    expect(tile(pulse, 'visitors').querySelector('[part~="headline-value"]')).to.exist;
    expect(
      pulse.shadowRoot!.querySelector('[part~="headline-not-measured"], [part~="not-measured"]'),
    ).to.equal(null);
  });
});
