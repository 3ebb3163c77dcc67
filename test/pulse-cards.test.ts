import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { registerTestBackend } from './helpers/backends.js';

const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function pulseAt(width: number, lang = 'en') {
  const { name } = registerTestBackend();
  const page = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px">
      <kring-community backend=${name} lang=${lang}
        ><kring-pulse month="2026-10"></kring-pulse
      ></kring-community>
    </div>`,
  );
  const pulse = page.querySelector('kring-pulse')!;
  await waitUntil(
    () => pulse.shadowRoot?.querySelectorAll('section[part~="section"]').length === 6,
    'cards',
    {
      timeout: 10_000,
    },
  );
  // Charts are laid out again once measured: wait until the sizes hold for three readings in a row.
  let last = '';
  let same = 0;
  await waitUntil(
    () => {
      const now = [...pulse.shadowRoot!.querySelectorAll('section')]
        .map((section) => section.getBoundingClientRect().height)
        .join();
      same = now === last ? same + 1 : 0;
      last = now;
      return same >= 3;
    },
    'layout settled',
    { interval: 100, timeout: 10_000 },
  );
  return pulse;
}

/** How much of each card its content fills, top to bottom (1 = no empty space under it). */
function filled(pulse: Element) {
  return Object.fromEntries(
    [...pulse.shadowRoot!.querySelectorAll<HTMLElement>('section[part~="section"]')].map((section) => {
      const box = section.getBoundingClientRect();
      const padding = parseFloat(getComputedStyle(section).paddingBottom);
      const bottom = Math.max(...[...section.children].map((child) => child.getBoundingClientRect().bottom));
      const title = text(section.querySelector('h2, h3, h4, h5, h6, [role="heading"]')!);
      return [title, Math.round(((bottom - box.top) / (box.height - padding)) * 100) / 100];
    }),
  );
}

describe('<kring-pulse> cards', () => {
  // What the demo dashboard gives the pulse on a 1440 px and a 1024 px screen.
  for (const width of [1110, 920]) {
    it(`leaves no card mostly empty at ${width} px: each is at least 75% content`, async () => {
      const pulse = await pulseAt(width);
      const shares = filled(pulse);
      const empty = Object.entries(shares).filter(([, share]) => share < 0.75);
      expect(empty, JSON.stringify(shares)).to.deep.equal([]);
    });
  }

  it('“Who takes part” gives the people behind the pyramid and how often they come', async () => {
    const pulse = await pulseAt(1110);
    const section = pulse.shadowRoot!.getElementById('section-participation')!.closest('section')!;
    const figures = [...section.querySelectorAll('[part~="figure"]')].map(text);
    expect(figures.map((figure) => figure.split(' ')[0])).to.deep.equal([
      'Visitors',
      'Readers',
      'Contributors',
      'Creators',
    ]);
    expect(figures[0]).to.match(/^Visitors [\d,]+ [+−]?\d+% on September|^Visitors [\d,]+ same as September/);
    expect(text(section)).to.match(/On an average day, \d+% of this month’s visitors came by\./);
    await expect(pulse).to.be.accessible();
  });

  it('“Management” shows the share large, beside last month, and why it is counted', async () => {
    const pulse = await pulseAt(1110, 'nl');
    const section = pulse.shadowRoot!.getElementById('section-management')!.closest('section')!;
    const content = text(section);
    expect(content).to.match(/\d+% van het managementteam deed deze maand mee/);
    expect(
      [...section.querySelectorAll('.month-bars li')].map(text).map((row) => row.split(' ')[0]),
    ).to.deep.equal(['september', 'oktober']);
    expect(content).to.contain('Collega’s doen mee waar hun managers zichtbaar meedoen.');
    await expect(pulse).to.be.accessible();
  });
});
