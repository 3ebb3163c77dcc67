import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import { registerTestBackend } from './helpers/backends.js';
import { barChart, funnelChart, heatmapChart, lineChart, pyramidChart } from '../src/charts/index.js';
import './helpers/chart-host.js';
import type { ChartHost } from './helpers/chart-host.js';

const text = (id: string) => ({
  id,
  title: `${id} title`,
  description: `${id} description`,
  tableLabel: 'Show table',
});
async function host(template: TemplateResult) {
  return fixture<ChartHost>(html`<chart-host .template=${template}></chart-host>`);
}
const rows = (el: ChartHost) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent!.trim()),
  );

describe('chart templates', () => {
  it('bar: scales to the largest value and outlines withheld rows', async () => {
    const el = await host(
      barChart(
        text('bars'),
        [
          { label: 'IT', value: 10, display: '10' },
          { label: 'HR', value: 5, display: '5' },
          { label: 'Legal', value: null, display: 'fewer than 5' },
        ],
        ['Department', 'Kudos'],
      ),
    );
    const bars = [...el.shadowRoot!.querySelectorAll('rect')];
    expect(Number(bars[1].getAttribute('width'))).to.be.closeTo(
      Number(bars[0].getAttribute('width')) / 2,
      1e-9,
    );
    expect(bars[2].getAttribute('class')).to.equal('chart-withheld');
    expect(rows(el)).to.deep.equal([
      ['IT', '10'],
      ['HR', '5'],
      ['Legal', 'fewer than 5'],
    ]);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(el.shadowRoot!.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'bars title',
    );
    await expect(el).to.be.accessible();
  });

  it('funnel: each step as wide as its share of the first', async () => {
    const el = await host(
      funnelChart(
        text('funnel'),
        [
          { label: 'Sent', value: 50, display: '50' },
          { label: 'Accepted', value: 30, display: '30' },
          { label: 'Active', value: 15, display: '15' },
        ],
        ['Step', 'Number'],
      ),
    );
    const widths = [...el.shadowRoot!.querySelectorAll('rect')].map((rect) =>
      Number(rect.getAttribute('width')),
    );
    expect(widths[1] / widths[0]).to.be.closeTo(0.6, 1e-9);
    expect(widths[2] / widths[0]).to.be.closeTo(0.3, 1e-9);
    await expect(el).to.be.accessible();
  });

  it('heatmap: writes every cell’s number so colour is never the only cue', async () => {
    const el = await host(
      heatmapChart(text('matrix'), {
        names: ['HR', 'IT'],
        counts: [
          [8, null],
          [0, 16],
        ],
        display: (count) => (count === null ? 'fewer than 5' : String(count)),
        withheldMark: '<5',
        corner: 'From / to',
      }),
    );
    const cellTexts = [...el.shadowRoot!.querySelectorAll('svg text')]
      .map((node) => node.textContent)
      .slice(2);
    expect(cellTexts).to.deep.equal(['HR', '8', '<5', 'IT', '0', '16']);
    expect(rows(el)).to.deep.equal([
      ['HR', '8', 'fewer than 5'],
      ['IT', '0', '16'],
    ]);
    // The darkest cell is the largest count.
    const opacities = [...el.shadowRoot!.querySelectorAll('rect.chart-cell')].map((rect) =>
      Number(rect.getAttribute('fill-opacity')),
    );
    expect(Math.max(...opacities)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('line and pyramid: one point per value, one level per row', async () => {
    const line = await host(
      lineChart(
        text('line'),
        ['Jan', 'Feb', 'Mar'],
        [
          { name: 'Members', values: [10, 20, 30] },
          { name: 'Invited', values: [1, 2, 3] },
        ],
        { header: ['Month', 'Members', 'Invited'], rows: [['Jan', '10', '1']] },
        String,
      ),
    );
    expect(line.shadowRoot!.querySelectorAll('polyline')).to.have.length(2);
    expect(line.shadowRoot!.querySelectorAll('circle')).to.have.length(6);
    const pyramid = await host(
      pyramidChart(
        text('pyramid'),
        [
          {
            label: 'Created',
            shortLabel: 'Creators',
            share: 0.04,
            reference: 0.01,
            display: '4%',
            referenceDisplay: '1%',
            peopleDisplay: '4',
          },
          {
            label: 'Read only',
            shortLabel: 'Readers',
            share: null,
            reference: 0.9,
            display: 'fewer than 5',
            referenceDisplay: '90%',
            peopleDisplay: 'fewer than 5',
          },
        ],
        ['Level', 'People', 'Share', '90-9-1'],
      ),
    );
    expect(rows(pyramid)).to.deep.equal([
      ['Created', '4', '4%', '1%'],
      ['Read only', 'fewer than 5', 'fewer than 5', '90%'],
    ]);
    await expect(pyramid).to.be.accessible();
  });

  it('uses system colours when colours are forced', async () => {
    const el = await host(barChart(text('forced'), [{ label: 'IT', value: 3, display: '3' }], ['A', 'B']));
    const bar = el.shadowRoot!.querySelector('.chart-mark')!;
    const probe = document.createElement('div');
    probe.style.color = 'Highlight';
    document.body.append(probe);
    try {
      await emulateMedia({ forcedColors: 'active' });
      expect(getComputedStyle(bar).fill).to.equal(getComputedStyle(probe).color);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
      probe.remove();
    }
  });
});

/** The size a chart label is drawn at on screen: its font size times the drawing's scale. */
function drawnLabelSizes(root: ShadowRoot): number[] {
  return [...root.querySelectorAll<SVGSVGElement>('svg[part~="chart-graphic"]')].flatMap((graphic) => {
    const scale = graphic.getBoundingClientRect().width / graphic.viewBox.baseVal.width;
    return [...graphic.querySelectorAll('text')].map(
      (label) => parseFloat(getComputedStyle(label).fontSize) * scale,
    );
  });
}

describe('charts on a phone (390 px wide page)', () => {
  it('the pulse draws every chart for the width it has: labels at 11 px or more, nothing wider than the screen', async () => {
    const { name } = registerTestBackend();
    // What the demo dashboard leaves the pulse on a 390 px phone (page and card margins).
    const page = await fixture<HTMLDivElement>(
      html`<div style="width: 298px">
        <kring-community backend=${name}><kring-pulse></kring-pulse></kring-community>
      </div>`,
    );
    const pulse = page.querySelector('kring-pulse')!;
    await waitUntil(() => pulse.shadowRoot?.querySelectorAll('svg[part~="chart-graphic"]').length, 'charts', {
      timeout: 5000,
    });
    // Each drawing is laid out again once its figure has been measured.
    await waitUntil(
      () =>
        [...pulse.shadowRoot!.querySelectorAll<SVGSVGElement>('svg[part~="chart-graphic"]')].every(
          (graphic) => graphic.viewBox.baseVal.width < 320 || graphic.closest('.chart-scroll'),
        ),
      'drawings laid out for the narrow width',
    );
    const sizes = drawnLabelSizes(pulse.shadowRoot!);
    expect(sizes.length).to.be.greaterThan(20);
    expect(Math.min(...sizes), 'smallest label, px').to.be.at.least(11);
    expect(pulse.scrollWidth, 'the pulse does not widen the page').to.be.at.most(298);
    await expect(pulse).to.be.accessible();
  });
});
