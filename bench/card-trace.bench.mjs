// Where the time goes when 200 profile cards are added to a page that already runs Kring (production
// build, demo backend without latency): a Chrome trace summed by phase, beside the same for a trivial
// element. The issue-8 target (within 2× of such a floor) starts from these figures.
import { script, scriptTagPage } from './lib/pages.mjs';
import { median } from './lib/fresh-page.mjs';

const CARDS = 200;
const RUNS = 3;
const PHASES = [
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
];

const setup = `Kring.configure({ demo: { persist: false, latencyMs: 0 } });
customElements.define('bench-floor-card', class extends HTMLElement {
  connectedCallback() {
    const name = document.createElement('p');
    name.setAttribute('part', 'name');
    name.textContent = this.getAttribute('person');
    this.attachShadow({ mode: 'open' }).append(name);
  }
});`;

/** Runs in the page: adds the cards and resolves with the ms until every one shows a name (plus two frames). */
async function addCards({ tag, count }) {
  const host = document.getElementById('host');
  host.replaceChildren();
  const started = performance.now();
  for (let index = 2; index < count + 2; index++) {
    const card = document.createElement(tag);
    card.setAttribute('person', `p${String(index).padStart(5, '0')}`);
    host.append(card);
  }
  const allShown = () => [...host.children].every((card) => card.shadowRoot?.querySelector('[part~="name"]'));
  await new Promise((resolve) => {
    const check = () => (allShown() ? resolve() : requestAnimationFrame(check));
    check();
  });
  const elapsed = performance.now() - started;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return elapsed;
}

async function traced(page, tag) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (batch) => events.push(...batch.value));
  const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  const elapsed = await page.evaluate(addCards, { tag, count: CARDS });
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const phases = Object.fromEntries(PHASES.map((name) => [name, 0]));
  for (const event of events) {
    if (event.ph === 'X' && event.dur && event.name in phases) phases[event.name] += event.dur / 1000;
  }
  return { elapsed, phases };
}

export default async function run({ url, server, browser }) {
  server.setPage('/bench-card-trace-setup.js', script(setup));
  server.setPage(
    '/bench-card-trace.html',
    scriptTagPage({
      title: `${CARDS} cards, traced`,
      scripts: ['/bench-card-trace-setup.js'],
      body: '<kring-community backend="demo" page></kring-community>\n<kring-profile-card person="p00001"></kring-profile-card>\n<div id="host"></div>',
    }),
  );
  const rows = [];
  for (const [label, tag] of [
    ['kring-profile-card', 'kring-profile-card'],
    ['floor (bare element)', 'bench-floor-card'],
  ]) {
    const runs = [];
    for (let attempt = 0; attempt < RUNS; attempt++) {
      const page = await browser.newPage();
      await page.goto(`${url}/bench-card-trace.html`);
      // Warm: the core, the demo backend and one card are loaded before the measured cards.
      await page.waitForFunction(
        () => document.querySelector('kring-profile-card')?.shadowRoot?.querySelector('[part~="name"]'),
        undefined,
        { timeout: 30_000 },
      );
      runs.push(await traced(page, tag));
      await page.close();
    }
    rows.push({
      name: `${label}: ${CARDS} added → all names`,
      value: Math.round(median(runs.map((run) => run.elapsed))),
      unit: 'ms',
      note: `median of ${RUNS}, warm page`,
    });
    for (const phase of PHASES) {
      const value = median(runs.map((run) => run.phases[phase]));
      if (value >= 1)
        rows.push({
          name: `${label}: ${phase}`,
          value: Math.round(value),
          unit: 'ms',
          note: 'main thread, trace',
        });
    }
  }
  return rows;
}
