import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { heatmapChart } from '../src/charts/index.js';
import './helpers/chart-host.js';
import { DEMO_DEPARTMENTS as DEPARTMENTS } from './helpers/metrics-fixtures.js';

function matrix(names: readonly string[]): TemplateResult {
  return heatmapChart(
    { id: 'matrix', title: 'Kudos between departments', description: 'Rows give.', tableLabel: 'Table' },
    {
      names,
      counts: names.map((_, row) => names.map((__, column) => (row === column ? 0 : row + column))),
      display: String,
      withheldMark: '<5',
      corner: 'From / to',
    },
  );
}

/** The drawing once it has been laid out for the width its figure was measured at. */
async function drawnAt(width: number, names: readonly string[] = DEPARTMENTS) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px"><chart-host .template=${matrix(names)}></chart-host></div>`,
  );
  const host = wrapper.querySelector('chart-host')!;
  const root = host.shadowRoot!;
  const first = root.querySelector('svg')!.viewBox.baseVal.width;
  // Drawn first for 320 px, then again for the measured width (unless that is the same drawing).
  if (width > 400) {
    await waitUntil(() => root.querySelector('svg')!.viewBox.baseVal.width !== first, 'laid out again');
  }
  return root;
}

/** Each name drawn in the matrix: its text and whether its drawn box sits inside the drawing. */
function drawnNames(root: ShadowRoot) {
  const graphic = root.querySelector('svg')!.getBoundingClientRect();
  const texts = [...root.querySelectorAll<SVGTextElement>('svg text')].filter(
    (node) => !/^(<5|\d+)$/.test(node.textContent!),
  );
  return texts.map((node) => {
    const box = node.getBoundingClientRect();
    return {
      text: node.textContent!,
      inside:
        box.left >= graphic.left - 0.5 &&
        box.right <= graphic.right + 0.5 &&
        box.top >= graphic.top - 0.5 &&
        box.bottom <= graphic.bottom + 0.5,
    };
  });
}

describe('heatmap labels', () => {
  for (const width of [500, 560, 800]) {
    it(`writes every department name in full, inside the drawing, at ${width} px`, async () => {
      const root = await drawnAt(width);
      const names = drawnNames(root);
      expect(names.map((name) => name.text)).to.deep.equal([...DEPARTMENTS, ...DEPARTMENTS]);
      expect(names.filter((name) => !name.inside).map((name) => name.text)).to.deep.equal([]);
      await expect(root.host).to.be.accessible();
    });
  }

  it('keeps a long last column name inside the drawing (it leans right, past the cells)', async () => {
    const names = ['HR', 'ICT', 'Sales', 'Marketing & Communicatie'];
    const root = await drawnAt(560, names);
    const drawn = drawnNames(root);
    expect(drawn.map((name) => name.text)).to.deep.equal([...names, ...names]);
    expect(drawn.filter((name) => !name.inside).map((name) => name.text)).to.deep.equal([]);
  });

  it('in a narrower card (a 1024 px page), shortens names before it would scroll', async () => {
    const root = await drawnAt(420);
    expect(root.querySelector('.chart-scroll') === null, 'the drawing fits its card').to.equal(true);
    const drawn = drawnNames(root);
    expect(drawn.filter((name) => !name.inside).map((name) => name.text)).to.deep.equal([]);
    // Short names stay whole.
    for (const short of ['HR', 'ICT', 'Sales', 'Directie'])
      expect(drawn.map((name) => name.text)).to.include(short);
  });

  it('on a phone, shortens names only as far as needed and keeps them inside the drawing', async () => {
    const root = await drawnAt(300);
    const drawn = drawnNames(root);
    expect(drawn.filter((name) => !name.inside).map((name) => name.text)).to.deep.equal([]);
    // The shortened ones end in an ellipsis; the full names are in the table.
    for (const name of drawn) {
      const shortened = name.text.endsWith('…');
      const full = DEPARTMENTS.find((department) =>
        shortened ? department.startsWith(name.text.slice(0, -1)) : department === name.text,
      );
      expect(full, name.text).to.be.a('string');
    }
    const table = [...root.querySelectorAll('tbody th')].map((cell) => cell.textContent!.trim());
    expect(table).to.deep.equal(DEPARTMENTS);
  });
});
