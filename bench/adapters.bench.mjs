// 200 profile cards through the REST and the SharePoint adapters, each answered by msw in the page
// (mocks/rest/handlers.ts, mocks/sharepoint/handlers.ts, demo data behind both): how many HTTP requests
// the page makes and how long until every card shows its person, against the four requests per person
// (800) of a client that looks each person up on its own.
import { frameTimingSource, publishMswPage } from './lib/msw-page.mjs';
import { measureFreshPage, median } from './lib/fresh-page.mjs';

const CARDS = 200;
const RUNS = 3;
const NAIVE_PER_PERSON = 4;

// The page's module: starts msw, registers both adapters, then adds the cards.
const entry = `
import { setupWorker } from 'msw/browser';
import { registerBackend } from './src/backends/registry.ts';
import { restBackendFactory } from './src/backends/rest/index.ts';
import { sharePointBackendFactory } from './src/backends/sharepoint/index.ts';
import { createDemoBackend } from './src/backends/demo/index.ts';
import { createRestHandlers } from './mocks/rest/handlers.ts';
import { createSharePointMock } from './mocks/sharepoint/handlers.ts';
import './src/index.ts';

const mode = new URLSearchParams(location.search).get('backend');
const cards = ${CARDS};
const endpoint = '/api/kring';
const siteUrl = location.origin + '/sites/kring';
const demo = createDemoBackend({ persist: false, storage: null, size: 300 });
const handlers =
  mode === 'rest'
    ? createRestHandlers({ endpoint, backend: demo })
    : createSharePointMock({ siteUrl, backend: demo }).handlers;
const worker = setupWorker(...handlers);
const requests = [];
worker.events.on('request:start', ({ request }) => {
  if (request.url.includes(endpoint) || request.url.includes('/sites/kring/')) {
    requests.push(request.method + ' ' + decodeURIComponent(new URL(request.url).pathname));
  }
});
await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
registerBackend('rest', restBackendFactory);
registerBackend('sharepoint', sharePointBackendFactory);

const people = demo.demo.data.people.slice(0, cards);
const community = document.createElement('kring-community');
community.setAttribute('backend', mode);
community.setAttribute('tracking', 'off');
if (mode === 'rest') community.setAttribute('endpoint', endpoint);
else community.setAttribute('site-url', siteUrl);
for (const person of people) {
  const card = document.createElement('kring-profile-card');
  card.setAttribute('person', mode === 'rest' ? person.id : person.email.toLowerCase());
  community.append(card);
}
const startedAt = performance.now();
window.__bench = { requests, startedAt };
${frameTimingSource()}
watch(namesShown, 'renderedMs');
document.body.append(community);
`;

export default async function run({ url, server, browser, projectRoot, log }) {
  await publishMswPage({
    server,
    projectRoot,
    name: 'bench-adapters',
    title: `${CARDS} cards through an adapter`,
    entry,
  });

  const rows = [];
  for (const mode of ['rest', 'sharepoint']) {
    const samples = [];
    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      const { figures, errorNote } = await measureFreshPage(
        browser,
        `${url}/bench-adapters.html?backend=${mode}`,
        {
          ready: () => window.__bench?.renderedMs !== undefined,
          figures: () => ({ renderedMs: window.__bench.renderedMs, requests: [...window.__bench.requests] }),
        },
      );
      samples.push(figures);
      log(
        `${mode} run ${runIndex + 1}: ${figures.requests.length} requests, all ${CARDS} cards in ` +
          `${Math.round(figures.renderedMs)} ms (${summarise(figures.requests)})${errorNote}`,
      );
    }
    const last = samples[samples.length - 1];
    const label = mode === 'rest' ? 'REST' : 'SharePoint';
    rows.push(
      {
        name: `${label}: HTTP requests for ${CARDS} cards`,
        value: last.requests.length,
        unit: 'requests',
        note: `vs ${CARDS * NAIVE_PER_PERSON} at ${NAIVE_PER_PERSON} per person; ${summarise(last.requests)}`,
      },
      {
        name: `${label}: ${CARDS} cards rendered`,
        value: Math.round(median(samples.map((sample) => sample.renderedMs))),
        unit: 'ms',
        note: `median of ${RUNS}, from adding the cards to the rendered frame; msw in the page, no added latency`,
      },
    );
  }
  return rows;
}

function summarise(requests) {
  const counts = {};
  for (const request of requests) {
    const space = request.indexOf(' ');
    const method = request.slice(0, space);
    const path = request.slice(space + 1);
    const short = path
      .replace(/^\/(sites\/kring|api\/kring)/, '')
      .replace(/getbytitle\('([^']+)'\)\/items.*/, '$1 items')
      .replace(/\(accountName=@v\).*/, '');
    counts[`${method} ${short}`] = (counts[`${method} ${short}`] ?? 0) + 1;
  }
  return Object.entries(counts)
    .map(([what, count]) => `${what} ×${count}`)
    .join(', ');
}
