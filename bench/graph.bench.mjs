// 200 <kring-profile-card> over the Microsoft Graph adapter, answered by msw in the page (mocks/graph/handlers.ts,
// demo data behind it): how many HTTP requests the page makes (target: at most 12, ten batches of 20 plus /me),
// how long until every card shows its name, and the floor: a trivial element rendering the same names from
// inline data on the same kind of page. Target: within 2× the floor.
import { frameTimingSource, publishMswPage } from './lib/msw-page.mjs';
import { measureFreshPage, median } from './lib/fresh-page.mjs';

const CARDS = 200;
const RUNS = 11;

// The page's module: starts msw imitating Graph, configures a token function, then adds the cards.
// `?mode=floor` renders the same names with a trivial element instead; `?mode=fetch-floor` has a trivial
// element ask msw for the names in one hand-made $batch: the least any element could do over Graph here.
// `?mode=lit-floor` is a name-only lit element that gets Kring's client by context and asks it, as the
// cards do: the least a lit element could do over Kring's client and Graph adapter. `?mode=dom-floor` builds
// the compact card's own DOM (skeleton, then the same elements, attributes and style sheets) without lit or
// Kring's element code: one prebuilt template cloned per card, text and attributes set by reference, the
// client asked as the lit floor does. What a page of these cards costs whatever builds them.
const entry = `
import { setupWorker } from 'msw/browser';
import { LitElement, html } from 'lit';
import { ContextConsumer, ContextEvent } from '@lit/context';
import { clientContext } from './src/context.ts';
import { configure } from './src/configure.ts';
import { registerBackend } from './src/backends/registry.ts';
import { createDemoBackend } from './src/backends/demo/index.ts';
import { createGraphHandlers } from './mocks/graph/handlers.ts';
import './src/index.ts';

const params = new URLSearchParams(location.search);
const mode = params.get('mode');
const latencyMs = Number(params.get('latency') ?? 0);
const cards = ${CARDS};
const demo = createDemoBackend({ persist: false, storage: null, size: 300 });
const graph = createGraphHandlers({ backend: demo, latencyMs });
const people = graph.users.slice(1, cards + 1);

class BenchNameCard extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const name = document.createElement('p');
    name.setAttribute('part', 'name');
    name.textContent = this.getAttribute('name');
    root.replaceChildren(name);
  }
}

// Collects the sign-in names of every card connected in this task and asks for them in one $batch.
const waitingCards = [];
class BenchFetchCard extends HTMLElement {
  connectedCallback() {
    if (waitingCards.push(this) === 1) setTimeout(BenchFetchCard.load, 0);
  }
  static async load() {
    const cards = waitingCards.splice(0);
    const requests = [];
    for (let start = 0; start < cards.length; start += 15) {
      const names = cards.slice(start, start + 15).map((card) => "'" + card.getAttribute('person') + "'");
      const filter = encodeURIComponent('userPrincipalName in (' + names.join(',') + ')');
      requests.push({ id: String(requests.length + 1), method: 'GET', url: '/users?$filter=' + filter + '&$select=displayName,userPrincipalName' });
    }
    const response = await fetch('https://graph.microsoft.com/v1.0/$batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench-token' },
      body: JSON.stringify({ requests }),
    });
    const byName = new Map();
    for (const part of (await response.json()).responses)
      for (const user of part.body.value) byName.set(user.userPrincipalName.toLowerCase(), user.displayName);
    for (const card of cards) {
      const name = document.createElement('p');
      name.setAttribute('part', 'name');
      name.textContent = byName.get(card.getAttribute('person')) ?? '';
      (card.shadowRoot ?? card.attachShadow({ mode: 'open' })).replaceChildren(name);
    }
  }
}

class BenchLitCard extends LitElement {
  static properties = { shownName: { state: true } };
  constructor() {
    super();
    this.shownName = '';
    new ContextConsumer(this, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        if (client) client.person(this.getAttribute('person')).then((person) => (this.shownName = person?.name ?? ''));
      },
    });
  }
  render() {
    return this.shownName ? html\`<p part="name">\${this.shownName}</p>\` : null;
  }
}

// The compact card's DOM for a Graph person with mail and chat (the same as <kring-profile-card view="compact">
// renders, without lit's marker comments): icons and all.
const CARD_HTML = '<article part="card"><div part="avatar" class="photo-pending" aria-hidden="true"></div>' +
  '<div part="body"><p part="name"><button type="button" class="person-hover person-trigger" part="name-button" ' +
  'data-hover-key="name" aria-expanded="false">\\n</button></p><p part="title"></p><p part="meta"></p>' +
  '<div part="links"><a part="action" class="action"><svg class="icon" viewBox="0 0 20 20" aria-hidden="true">' +
  '<path d="M4.5 4.5h11a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-11a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2ZM3.2 6.2l6.8 4.9 6.8-4.9"></path></svg></a>' +
  '<a part="action" class="action"><svg class="icon" viewBox="0 0 20 20" aria-hidden="true">' +
  '<path d="M4 4.5h12A1.5 1.5 0 0 1 17.5 6v7a1.5 1.5 0 0 1-1.5 1.5H9.5l-4 3v-3H4A1.5 1.5 0 0 1 2.5 13V6A1.5 1.5 0 0 1 4 4.5Z"></path></svg></a>' +
  '<button class="action" type="button" part="action"><svg class="icon" viewBox="0 0 20 20" aria-hidden="true">' +
  '<path d="M8.5 7H16a1.5 1.5 0 0 1 1.5 1.5V16a1.5 1.5 0 0 1-1.5 1.5H8.5A1.5 1.5 0 0 1 7 16V8.5A1.5 1.5 0 0 1 8.5 7ZM13 4.2V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v7.5A1.5 1.5 0 0 0 4 13h.5"></path></svg></button>' +
  '</div></div></article>';
let cardTemplate, cardSheets;
const skeleton = document.createElement('template');
skeleton.innerHTML = '<div part="card" class="skeleton" aria-busy="true"><span class="visually-hidden">Loading…</span></div>';
class BenchDomCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    cardSheets ??= customElements.get('kring-profile-card').elementStyles.map((style) => style.styleSheet);
    root.adoptedStyleSheets = cardSheets;
    root.append(skeleton.content.cloneNode(true));
    this.dispatchEvent(new ContextEvent(clientContext, this, (client) => {
      if (client) client.person(this.getAttribute('person')).then((person) => person && this.show(person));
    }, true));
  }
  show(person) {
    if (!cardTemplate) {
      cardTemplate = document.createElement('template');
      cardTemplate.innerHTML = CARD_HTML;
    }
    const card = cardTemplate.content.firstChild.cloneNode(true);
    card.setAttribute('aria-label', person.name);
    const [, body] = card.children;
    const [name, title, meta, links] = body.children;
    const button = name.firstChild;
    button.dataset.hoverPerson = person.id;
    button.dataset.hoverName = person.name;
    button.firstChild.data = person.name;
    title.textContent = person.title ?? '';
    meta.textContent = [person.department, person.location].filter(Boolean).join(' · ');
    const [mail, chat, copy] = links.children;
    const chatLink = person.links.find((link) => link.kind === 'chat');
    for (const [element, href, label] of [
      [mail, 'mailto:' + person.email, 'E-mail ' + person.name],
      [chat, chatLink?.url ?? '', 'Chat with ' + person.name],
      [copy, undefined, 'Copy the e-mail address of ' + person.name],
    ]) {
      if (href !== undefined) element.setAttribute('href', href);
      element.setAttribute('aria-label', label);
      element.setAttribute('title', label);
    }
    this.shadowRoot.replaceChildren(card);
  }
}

const requests = [];
if (mode === 'floor') {
  customElements.define('bench-name-card', BenchNameCard);
} else if (mode === 'demo') {
  // Made before the clock starts, so the figure is the cards' own cost, not the demo data's generation.
  const ready = createDemoBackend({ persist: false, storage: null, size: 300, latencyMs: 0 });
  await ready.currentUser();
  registerBackend('bench-demo', () => ready);
} else {
  const worker = setupWorker(...graph.handlers);
  worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.hostname === 'graph.microsoft.com') requests.push(request.method + ' ' + url.pathname);
  });
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  configure({ getToken: async () => 'bench-token' });
  if (mode === 'fetch-floor') customElements.define('bench-fetch-card', BenchFetchCard);
  if (mode === 'lit-floor') customElements.define('bench-lit-card', BenchLitCard);
  if (mode === 'dom-floor') customElements.define('bench-dom-card', BenchDomCard);
}

const trivial = mode === 'floor' || mode === 'fetch-floor';
const container = document.createElement(trivial ? 'div' : 'kring-community');
const tags = { floor: 'bench-name-card', 'fetch-floor': 'bench-fetch-card', 'lit-floor': 'bench-lit-card', 'dom-floor': 'bench-dom-card' };
if (!trivial) {
  container.setAttribute('backend', mode === 'demo' ? 'bench-demo' : 'graph');
  container.setAttribute('tracking', 'off');
}
for (const person of people) {
  const card = document.createElement(tags[mode] ?? 'kring-profile-card');
  if (mode === 'floor') card.setAttribute('name', person.displayName);
  else if (mode === 'demo') card.setAttribute('person', demo.demo.data.people[graph.users.indexOf(person)].id);
  else card.setAttribute('person', person.userPrincipalName.toLowerCase());
  if (mode === 'compact') card.setAttribute('view', 'compact');
  container.append(card);
}
// The page times itself: the first animation frame whose DOM holds every name, plus that frame's own
// style, layout and paint (a message posted from the frame callback runs after them). Photos likewise.
const startedAt = performance.now();
performance.mark('bench-start');
window.__bench = { requests, parts: graph.parts, startedAt };
${frameTimingSource()}
watch(namesShown, 'shownMs');
watch(trivial || mode in tags ? () => cards : avatarsShown, 'avatarsMs');
document.body.append(container);
performance.mark('bench-appended');
`;

/** Publishes `/bench-graph.html` (`?mode=graph|compact|demo|floor|fetch-floor|lit-floor|dom-floor`, `&latency=ms`). */
export function publishGraphPage({ server, projectRoot }) {
  return publishMswPage({
    server,
    projectRoot,
    name: 'bench-graph',
    title: `${CARDS} cards over Microsoft Graph`,
    entry,
  });
}

export default async function run({ url, server, browser, projectRoot, log }) {
  await publishGraphPage({ server, projectRoot });

  const variants = [
    { key: 'graph', query: 'mode=graph', label: 'Graph' },
    { key: 'compact', query: 'mode=compact', label: 'Graph, view="compact"' },
    { key: 'graph-latency', query: 'mode=graph&latency=100', label: 'Graph, 100 ms per request' },
    { key: 'demo', query: 'mode=demo', label: 'demo backend, no latency' },
    { key: 'floor', query: 'mode=floor', label: 'floor (inline names)' },
    { key: 'fetch-floor', query: 'mode=fetch-floor', label: 'trivial element, one $batch' },
    { key: 'lit-floor', query: 'mode=lit-floor', label: 'name-only lit element, Kring client' },
  ];
  const results = {};
  for (const variant of variants) {
    const samples = [];
    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      const { figures, errorNote } = await measureFreshPage(
        browser,
        `${url}/bench-graph.html?${variant.query}`,
        {
          // Photos come after the names: every request has been made once every avatar shows.
          ready: () => window.__bench?.shownMs !== undefined && window.__bench.avatarsMs !== undefined,
          figures: () => ({
            shownMs: window.__bench.shownMs,
            avatarsMs: window.__bench.avatarsMs,
            requests: [...window.__bench.requests],
            parts: window.__bench.parts.length,
          }),
        },
      );
      samples.push(figures);
      log(
        `${variant.key} run ${runIndex + 1}: all ${CARDS} names in ${Math.round(figures.shownMs)} ms, ` +
          `photos or initials in ${Math.round(figures.avatarsMs)} ms` +
          (variant.key.endsWith('floor') || variant.key === 'demo'
            ? ''
            : `, ${figures.requests.length} requests (${summarise(figures.requests)}), ${figures.parts} batch parts`) +
          errorNote,
      );
    }
    results[variant.key] = {
      ms: median(samples.map((s) => s.shownMs)),
      avatarsMs: median(samples.map((s) => s.avatarsMs)),
      last: samples[samples.length - 1],
    };
  }

  const floorMs = results.floor.ms;
  const rows = [
    {
      name: `Graph: HTTP requests for ${CARDS} cards`,
      value: results.graph.last.requests.length,
      unit: 'requests',
      note: `target ≤ 12; ${summarise(results.graph.last.requests)}; ${results.graph.last.parts} batch parts (names + photos)`,
    },
    {
      name: `Graph: ${CARDS} names shown`,
      value: Math.round(results.graph.ms),
      unit: 'ms',
      note: `median of ${RUNS}, from adding the cards to the rendered frame; msw in the page, no added latency; ${(results.graph.ms / floorMs).toFixed(1)}× the floor (target ≤ 2×)`,
    },
    {
      name: `Graph: ${CARDS} photos (or initials) shown`,
      value: Math.round(results.graph.avatarsMs),
      unit: 'ms',
      note: `median of ${RUNS}; photos follow the names`,
    },
    {
      name: `Graph: ${CARDS} names shown, 100 ms per request`,
      value: Math.round(results['graph-latency'].ms),
      unit: 'ms',
      note: `median of ${RUNS}; ${results['graph-latency'].last.requests.length} requests`,
    },
    {
      name: `reference: ${CARDS} cards, demo backend, no latency`,
      value: Math.round(results.demo.ms),
      unit: 'ms',
      note: `median of ${RUNS}; the same <kring-profile-card>s without HTTP, backend made before the clock starts; its records carry skills, so each card renders more than Graph's summaries (${(results.demo.ms / floorMs).toFixed(1)}× the floor)`,
    },
    {
      name: `floor: ${CARDS} names from inline data`,
      value: Math.round(floorMs),
      unit: 'ms',
      note: `median of ${RUNS}; a trivial custom element, same page, no backend, timed the same way`,
    },
    {
      name: `reference: ${CARDS} trivial elements, names from one $batch`,
      value: Math.round(results['fetch-floor'].ms),
      unit: 'ms',
      note: `median of ${RUNS}; one hand-made request through the same msw, no Kring: the network part of the floor (Graph is ${(results.graph.ms / results['fetch-floor'].ms).toFixed(1)}× this)`,
    },
    {
      name: `reference: ${CARDS} name-only lit elements over Kring's client`,
      value: Math.round(results['lit-floor'].ms),
      unit: 'ms',
      note: `median of ${RUNS}; a lit element that gets the client by context and renders only the name, same Graph adapter and msw: the least any lit element can do here (${(results['lit-floor'].ms / floorMs).toFixed(1)}× the floor)`,
    },
    {
      name: `Graph: ${CARDS} compact cards, names shown`,
      value: Math.round(results.compact.ms),
      unit: 'ms',
      note: `median of ${RUNS}; <kring-profile-card view="compact">, same page and msw, no added latency`,
    },
    {
      name: `warm: compact card ÷ name-only lit element`,
      value: (results.compact.ms / results['lit-floor'].ms).toFixed(2),
      unit: '×',
      note: `target ≤ 1.5× (issue 18); default view: ${(results.graph.ms / results['lit-floor'].ms).toFixed(2)}×`,
    },
  ];
  return rows;
}

function summarise(requests) {
  const counts = {};
  for (const request of requests) counts[request] = (counts[request] ?? 0) + 1;
  return Object.entries(counts)
    .map(([what, count]) => `${what} ×${count}`)
    .join(', ');
}
