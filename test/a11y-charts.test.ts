import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { registerTestBackend } from './helpers/backends.js';
import { octoberMetrics } from './helpers/metrics-fixtures.js';

/* Pulse charts (1.3.1, 2.4.6) and the report funnel at 320 px (1.4.10). */

describe('charts and reports beyond axe', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('pulse: a line chart with two lines has a legend; every "Show the data as a table" has its own name', async () => {
    const { name } = registerTestBackend({ metrics: async () => octoberMetrics() });
    const community = await fixture(
      html`<kring-community backend=${name} lang="en"
        ><kring-pulse month="2026-10"></kring-pulse
      ></kring-community>`,
    );
    const pulse = community.querySelector('kring-pulse')!;
    await waitUntil(() => pulse.shadowRoot!.querySelector('[part~="headlines"]'), 'figures shown');
    const root = pulse.shadowRoot!;
    const summaries = [...root.querySelectorAll('summary')];
    expect(summaries.length).to.be.greaterThan(1);
    const names = summaries.map((summary) => summary.textContent!.replace(/\s+/g, ' ').trim());
    expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    for (const figure of root.querySelectorAll('figure')) {
      const labelledBy = figure.getAttribute('aria-labelledby');
      expect(labelledBy && root.getElementById(labelledBy)?.textContent, 'figure named').to.be.ok;
    }
    for (const figure of root.querySelectorAll('figure')) {
      const lines = figure.querySelectorAll('[part~="chart-graphic"] polyline').length;
      if (lines < 2) continue;
      const legend = figure.querySelector('[part~="chart-legend"]');
      expect(legend, `${figure.id} has a legend`).to.exist;
      expect(legend!.querySelectorAll('li').length).to.equal(lines);
    }
    await expect(pulse).to.be.accessible();
  });

  it('report (nl): the invitation funnel scrolls in its own region at 320 px, the page does not', async () => {
    await setViewport({ width: 320, height: 640 });
    const { name } = registerTestBackend({ metrics: async () => octoberMetrics() });
    const community = await fixture(
      html`<kring-community backend=${name} lang="nl"
        ><kring-report month="2026-10"></kring-report
      ></kring-community>`,
    );
    const report = community.querySelector('kring-report')!;
    await waitUntil(() => report.shadowRoot!.querySelector('table'), 'report shown', { timeout: 8000 });
    await (report as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(document.documentElement.scrollWidth, 'no sideways page scroll').to.be.at.most(320);
    for (const table of report.shadowRoot!.querySelectorAll('table')) {
      const scroller = table.closest('[role="region"][tabindex="0"]');
      expect(scroller, `${table.querySelector('caption')?.textContent ?? 'table'} in a scroll region`).to
        .exist;
    }
  });
});
