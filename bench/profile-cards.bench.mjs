// 500 profile cards on one page inside <kring-community backend="demo">: how long until every card
// shows its person, and how many backend calls that took. The backend is wrapped through the public
// JS API (`Kring.configure({ wrapBackend })`) to count calls, exactly as an integrator could.
import os from 'node:os';
import { script, scriptTagPage } from './lib/pages.mjs';
import { measureFreshPage, median } from './lib/fresh-page.mjs';

const CARDS = 500;
const RUNS = 3;
// Enough people that every card shows someone different.
const DEMO_PEOPLE = 1000;

/** Timings depend on how busy the machine is; say so next to them. */
function loadNote() {
  const [oneMinute] = os.loadavg();
  return `load average ${oneMinute.toFixed(1)} on ${os.cpus().length} CPUs`;
}

const personId = (index) => `p${String(index + 1).padStart(5, '0')}`;

/** Runs in the page: how many cards show a name. */
function cardsShowingData() {
  let shown = 0;
  for (const card of document.querySelectorAll('kring-profile-card')) {
    const name = card.shadowRoot?.querySelector('[part~="name"]');
    if (name && name.textContent.trim()) shown += 1;
  }
  return shown;
}

const countingSetup = `
window.__kringCalls = {};
// When the community has its backend (the demo backend generates its data first).
document.addEventListener('kring-ready', () => { window.__kringReadyAt ??= performance.now(); });
window.__kringPeopleIds = [];
Kring.configure({
  demo: { size: ${DEMO_PEOPLE} },
  wrapBackend(backend) {
    return new Proxy(backend, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args) => {
          window.__kringCalls[property] = (window.__kringCalls[property] || 0) + 1;
          if (property === 'getPeople') window.__kringPeopleIds.push(args[0].length);
          return value.apply(target, args);
        };
      },
    });
  },
});
// Every animation frame: when the first card, and when all cards, show a person.
(function watchCards() {
  const shown = (${cardsShowingData.toString()})();
  if (shown > 0) window.__firstShownAt ??= performance.now();
  if (shown === ${CARDS}) window.__allShownAt = performance.now();
  else requestAnimationFrame(watchCards);
})();`;

export default async function run({ url, server, browser, log }) {
  const cards = Array.from(
    { length: CARDS },
    (_, index) => `    <kring-profile-card person="${personId(index)}"></kring-profile-card>`,
  );
  server.setPage('/bench-count-calls.js', script(countingSetup));
  server.setPage(
    '/bench-profile-cards.html',
    scriptTagPage({
      title: `${CARDS} profile cards`,
      scripts: ['/bench-count-calls.js'],
      body: `  <kring-community backend="demo" tracking="off">\n${cards.join('\n')}\n  </kring-community>`,
    }),
  );

  const samples = [];
  for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
    // The page records the times itself, every animation frame (accurate to about 16 ms).
    const { figures, errorNote } = await measureFreshPage(browser, `${url}/bench-profile-cards.html`, {
      ready: () => window.__allShownAt !== undefined,
      polling: 'raf',
      figures: () => ({
        allShownMs: window.__allShownAt,
        firstShownMs: window.__firstShownAt,
        readyMs: window.__kringReadyAt ?? 0,
        domContentLoadedMs: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
        calls: window.__kringCalls,
        batchSizes: window.__kringPeopleIds,
      }),
    });
    samples.push(figures);
    log(
      `run ${runIndex + 1}: all ${CARDS} cards in ${Math.round(figures.allShownMs)} ms ` +
        `(backend ready at ${Math.round(figures.readyMs)} ms), ` +
        `getPeople ×${figures.calls.getPeople ?? 0} (${figures.batchSizes.join(', ')} ids)${errorNote}`,
    );
  }

  const last = samples[samples.length - 1];
  const totalCalls = (calls) => Object.values(calls).reduce((sum, count) => sum + count, 0);
  return [
    {
      name: `${CARDS} cards: all show data`,
      value: median(samples.map((s) => s.allShownMs)),
      unit: 'ms',
      note: `median of ${RUNS}, from navigation start; demo backend latency 120 ms per call; ${loadNote()}`,
    },
    {
      name: `${CARDS} cards: first card shows data`,
      value: median(samples.map((s) => s.firstShownMs)),
      unit: 'ms',
      note: 'median, from navigation start',
    },
    {
      name: `${CARDS} cards: after the backend is ready`,
      value: median(samples.map((s) => s.allShownMs - s.readyMs)),
      unit: 'ms',
      note: 'median; from kring-ready (demo data generated) to every card showing its person',
    },
    {
      name: `${CARDS} cards: after DOMContentLoaded`,
      value: median(samples.map((s) => s.allShownMs - s.domContentLoadedMs)),
      unit: 'ms',
      note: 'median',
    },
    {
      name: `${CARDS} cards: getPeople calls`,
      value: last.calls.getPeople ?? 0,
      unit: 'calls',
      note: `ids per call: ${last.batchSizes.join(', ') || '—'}`,
    },
    {
      name: `${CARDS} cards: all backend calls`,
      value: totalCalls(last.calls),
      unit: 'calls',
      note: Object.entries(last.calls)
        .map(([method, count]) => `${method} ${count}`)
        .join(', '),
    },
  ];
}
