import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/elements/pulse/define.js';
import { BackendError } from '../src/errors.js';
import { never, registerTestBackend } from './helpers/backends.js';
import { registerBackend } from '../src/backends/registry.js';
import type { Backend } from '../src/backends/backend.js';
import { emptyMetrics, octoberMetrics } from './helpers/metrics-fixtures.js';
import type { CommunityMetrics } from '../src/model.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import type { CommunityClientApi } from '../src/client/types.js';

async function renderPulse(backendName: string, attributes: { month?: string; lang?: string } = {}) {
  const community = await fixture(
    html`<kring-community backend=${backendName} lang=${attributes.lang ?? 'en'}>
      <kring-pulse month=${attributes.month ?? '2026-10'}></kring-pulse>
    </kring-community>`,
  );
  return community.querySelector('kring-pulse')!;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const headline = (el: Element, metric: string) =>
  el.shadowRoot!.querySelector(`[data-metric="${metric}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

function backendWith(metrics: () => Promise<CommunityMetrics>) {
  return registerTestBackend({ metrics });
}

describe('<kring-pulse>', () => {
  it('shows a loading state that is accessible and not announced (no load chatter)', async () => {
    announcementQueue().clear();
    const { name } = backendWith(() => never());
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'status'), 'loading shown');
    expect(text(pulse)).to.contain('Loading the figures');
    expect(pulse.shadowRoot!.querySelector('[role="status"]'), 'no live region of its own').to.equal(null);
    expect(announcementQueue().liveRegion.textContent).to.equal('');
    await expect(pulse).to.be.accessible();
  });

  it('shows headline figures with their change, and "fewer than 5" for withheld figures', async () => {
    const { name, calls } = backendWith(async () => octoberMetrics());
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    expect(calls.metrics[0][0]).to.deep.equal({ month: '2026-10' });
    expect(text(pulse)).to.contain('Community pulse, October 2026');
    // 420 members against 400: +5%.
    expect(headline(pulse, 'members')).to.equal('Members 420 +5% on September');
    // Shares move by percentage points: 41% after 38% is +3 points (not the relative +8%).
    expect(headline(pulse, 'crossDepartmentShare')).to.equal(
      'Kudos across departments 41% +3 pt on September',
    );
    expect(headline(pulse, 'stickiness')).to.equal('Stickiness 20% −5 pt on September');
    expect(headline(pulse, 'managementParticipation')).to.equal(
      'Management taking part fewer than 5 no comparison with September',
    );
    await expect(pulse).to.be.accessible();
  });

  it('draws every chart with a title, a description and a data table', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    const charts = [...pulse.shadowRoot!.querySelectorAll('figure[part~="chart"]')];
    expect(charts.map((chart) => chart.id)).to.deep.equal([
      'chart-pyramid',
      'chart-members',
      'chart-weekly',
      'chart-funnel',
      'chart-matrix',
      'chart-skills',
      'chart-values',
    ]);
    for (const chart of charts) {
      const graphic = chart.querySelector('svg')!;
      expect(graphic.getAttribute('role')).to.equal('img');
      const title = pulse.shadowRoot!.getElementById(graphic.getAttribute('aria-labelledby')!)!;
      expect(title.textContent!.trim()).to.not.equal('');
      expect(
        pulse.shadowRoot!.getElementById(graphic.getAttribute('aria-describedby')!)!.textContent!.trim(),
      ).to.not.equal('');
      expect(chart.querySelector('details table')).to.exist;
    }
    // The pyramid: 20 of 300 created (7%), 40 contributed (13%), 240 only read (80%).
    const pyramidRows = [...pulse.shadowRoot!.querySelectorAll('#chart-pyramid tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent!.trim()),
    );
    expect(pyramidRows).to.deep.equal([
      ['Created (kudos, invitation, post)', '20', '7%', '1%'],
      ['Reacted or endorsed', '40', '13%', '9%'],
      ['Read only', '240', '80%', '90%'],
    ]);
    // The matrix shows withheld cells as "not shown": under 5 givers, or one a small cell would follow from.
    const matrixRows = [...pulse.shadowRoot!.querySelectorAll('#chart-matrix tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent!.trim()),
    );
    expect(matrixRows[0]).to.deep.equal(['Finance', '12', '6', 'not shown']);
    // Funnel conversions: 30 of 50 accepted, 15 of 30 active.
    const funnel = pulse.shadowRoot!.querySelector('#chart-funnel tbody')!.textContent!;
    expect(funnel).to.contain('30 (60%)');
    expect(funnel).to.contain('15 (50%)');
  });

  it('opens a chart’s data table with the keyboard', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    const firstSummary = pulse.shadowRoot!.querySelector<HTMLElement>('#chart-pyramid summary')!;
    const details = firstSummary.parentElement as HTMLDetailsElement;
    const table = details.querySelector('table')!;
    expect(table.checkVisibility()).to.equal(false);
    // Tab from the start of the page until the first chart's table toggle has focus.
    document.body.focus();
    for (let i = 0; i < 10 && pulse.shadowRoot!.activeElement !== firstSummary; i++)
      await sendKeys({ press: 'Tab' });
    expect(pulse.shadowRoot!.activeElement).to.equal(firstSummary);
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    expect(table.checkVisibility()).to.equal(true);
    // The table's scroll region is next in the tab order.
    await sendKeys({ press: 'Tab' });
    expect(pulse.shadowRoot!.activeElement).to.equal(details.querySelector('[part~="chart-table-scroll"]'));
    await expect(pulse).to.be.accessible();
  });

  it('shows an error with a retry that loads the figures', async () => {
    let fail = true;
    const { name, calls } = backendWith(async () => {
      if (fail) throw new BackendError('server', 'The server is busy.');
      return octoberMetrics();
    });
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'retry'), 'error shown', { timeout: 8000 });
    expect(text(pulse)).to.contain('The figures could not be loaded.');
    await expect(pulse).to.be.accessible();
    fail = false;
    (part(pulse, 'retry') as HTMLButtonElement).click();
    await waitUntil(() => part(pulse, 'headlines'), 'figures after retry');
    expect(calls.metrics.length).to.be.greaterThan(1);
  });

  it('tells the page when the figures have loaded', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const loaded: CommunityMetrics[] = [];
    const listener = (event: Event) =>
      loaded.push((event as CustomEvent<{ metrics: CommunityMetrics }>).detail.metrics);
    document.addEventListener('kring-metrics-load', listener);
    try {
      const pulse = await renderPulse(name);
      await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
      expect(loaded.map((metrics) => metrics.month)).to.deep.equal(['2026-10']);
    } finally {
      document.removeEventListener('kring-metrics-load', listener);
    }
  });

  it('reloads the figures quietly when a colleague gives kudos', async () => {
    let calls = 0;
    const { name } = backendWith(async () => {
      calls++;
      const metrics = octoberMetrics();
      if (calls > 1) metrics.kudosGiven = { value: 211, previous: 190, change: 21 / 190 };
      return metrics;
    });
    const community = await fixture(
      html`<kring-community backend=${name} lang="en">
        <kring-pulse month="2026-10"></kring-pulse>
      </kring-community>`,
    );
    const pulse = community.querySelector('kring-pulse')!;
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    expect(headline(pulse, 'kudosGiven')).to.contain('210');
    const client = (community as unknown as { communityClient: CommunityClientApi }).communityClient;
    const liveRegion = announcementQueue().liveRegion;
    const announced: string[] = [];
    const observer = new MutationObserver(() => announced.push(liveRegion.textContent!.trim()));
    observer.observe(liveRegion, { subtree: true, childList: true, characterData: true });
    await client.giveKudos({ to: ['p00003'], message: 'Thank you for helping with the quarterly figures!' });
    await waitUntil(() => headline(pulse, 'kudosGiven').includes('211'), 'reloaded');
    await pulse.updateComplete;
    observer.disconnect();
    // Never back to the skeleton in between, and nothing announced again.
    expect(part(pulse, 'status')).to.equal(null);
    expect(announced, 'the live region did not change').to.deep.equal([]);
  });

  it('says so when the backend offers no metrics, without asking it', async () => {
    const demo = registerTestBackend();
    const name = `no-metrics-${Date.now()}`;
    registerBackend(name, () =>
      Object.assign(Object.create(demo.backend) as Backend, {
        capabilities: { ...demo.backend.capabilities, metrics: false },
      }),
    );
    const pulse = await renderPulse(name);
    await waitUntil(() => text(pulse).includes('does not offer metrics'), 'unsupported shown');
    expect(demo.calls.metrics ?? []).to.have.length(0);
    await expect(pulse).to.be.accessible();
  });

  it('says so when nothing happened in the month', async () => {
    const { name } = backendWith(async () => emptyMetrics());
    const pulse = await renderPulse(name);
    await waitUntil(() => text(pulse).includes('No community activity'), 'empty shown');
    expect(text(pulse)).to.contain('No community activity was recorded in October 2026.');
    expect(part(pulse, 'headlines')).to.equal(null);
    await expect(pulse).to.be.accessible();
  });

  it('speaks Dutch', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const pulse = await renderPulse(name, { lang: 'nl' });
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    expect(text(pulse)).to.contain('Communitypuls, oktober 2026');
    expect(headline(pulse, 'managementParticipation')).to.contain('minder dan 5');
    expect(headline(pulse, 'members')).to.contain('+5% t.o.v. september');
  });

  it('defaults to the last full month and reports a bad month once', async () => {
    const { name, calls } = backendWith(async () => octoberMetrics());
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const pulse = await renderPulse(name, { month: 'oktober' });
      await waitUntil(() => calls.metrics?.length, 'metrics asked');
      const now = new Date();
      const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
        .toISOString()
        .slice(0, 7);
      expect(calls.metrics[0][0]).to.deep.equal({ month: last });
      expect(text(pulse)).to.contain('month="oktober" is not a month');
      expect(errors.filter((args) => String(args[0]).includes('oktober'))).to.have.length(1);
      await waitUntil(() => part(pulse, 'headlines'), 'figures for the default month');
      await expect(pulse).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('fits the page outline with heading-level', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const community = await fixture(
      html`<kring-community backend=${name} lang="en">
        <kring-pulse month="2026-10" heading-level="3"></kring-pulse>
      </kring-community>`,
    );
    const pulse = community.querySelector('kring-pulse')!;
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    expect(pulse.shadowRoot!.querySelector('h3')!.textContent).to.equal('Community pulse, October 2026');
    expect(pulse.shadowRoot!.querySelector('h2')).to.equal(null);
    expect([...pulse.shadowRoot!.querySelectorAll('h4')].map((h) => h.textContent)).to.include(
      'Who takes part',
    );
    await expect(pulse).to.be.accessible();
  });

  it('uses system colours in forced-colours mode and the dark palette in dark mode', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
    const bar = pulse.shadowRoot!.querySelector('#chart-weekly .chart-mark')!;
    const light = getComputedStyle(bar).fill;
    try {
      await emulateMedia({ colorScheme: 'dark' });
      const dark = getComputedStyle(bar).fill;
      expect(dark).to.not.equal(light);
      await expect(pulse).to.be.accessible();
      await emulateMedia({ forcedColors: 'active' });
      expect(getComputedStyle(bar).fill).to.not.equal(dark);
    } finally {
      await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    }
  });

  it('shows the demo community’s real figures', async () => {
    const { name } = registerTestBackend();
    const pulse = await renderPulse(name);
    await waitUntil(() => part(pulse, 'headlines') || part(pulse, 'problem'), 'figures shown', {
      timeout: 8000,
    });
    expect(part(pulse, 'problem')).to.equal(null);
    expect(pulse.shadowRoot!.querySelectorAll('figure[part~="chart"]').length).to.be.greaterThan(3);
    await expect(pulse).to.be.accessible();
  });
});

describe('<kring-pulse> headline layout', () => {
  for (const width of [320, 600, 900, 1100, 1300]) {
    it(`puts the eight figures in full rows at ${width} px (never 7 and one left over)`, async () => {
      const { name } = backendWith(async () => octoberMetrics());
      const community = await fixture(
        html`<kring-community backend=${name} lang="en">
          <div style="width: ${width}px"><kring-pulse month="2026-10"></kring-pulse></div>
        </kring-community>`,
      );
      const pulse = community.querySelector('kring-pulse')!;
      await waitUntil(() => part(pulse, 'headlines'), 'figures shown');
      const tiles = [...pulse.shadowRoot!.querySelectorAll('[part~="headline"]')];
      expect(tiles).to.have.length(8);
      const rows = new Map<number, number>();
      for (const tile of tiles) {
        const top = Math.round(tile.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      const perRow = [...rows.values()];
      expect(new Set(perRow).size, `per row: ${perRow.join(', ')}`).to.equal(1);
    });
  }
});
