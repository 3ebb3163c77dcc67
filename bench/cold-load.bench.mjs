// Cold load over a (simulated) real network (issue 18, parts 3 and 4 of the measuring): 200
// `<kring-profile-card view="compact">` from navigation to every name shown, loaded with the script tag
// (`dist/kring.iife.js`) in a fresh browser context (empty cache), over REST, SharePoint and Graph, beside
// (a) the floor: a trivial element with the names inline, and (b) a trivial element that asks one hand-made
// Graph `$batch` for the names. This bench runs its own server on 127.0.0.1 that waits LATENCY_MS before
// answering every request (files and data alike, `no-store`), and answers the data requests with the msw
// mocks (mocks/*/handlers.ts, demo data behind them) run in Node. Variants are interleaved run by run.
// A last pass per Kring variant records every request over CDP: the module-loading depth before the first
// data request, and (REST) the files and gzip bytes the page loads; for Graph, every request until the page is
// quiet (names and photos). The retired Microsoft Graph Toolkit (`<mgt-person view="twolines">`,
// @microsoft/mgt-components 4.6, a devDependency for this row only) runs against the same mock: its requests to
// graph.microsoft.com are routed to this server. Figures, not a test.
import { readFileSync, existsSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from './lib/fresh-page.mjs';
import { formatTimeline, pageTimeline, profileSelfTime, TIMELINE_CATEGORIES } from './lib/page-timeline.mjs';

const CARDS = Number(process.env.COLD_CARDS ?? 200);
const RUNS = Number(process.env.COLD_RUNS ?? 7);
// The Graph Toolkit takes minutes a load here (19 s for 60 cards, more than linear): one run by default.
const MGT_RUNS = Number(process.env.COLD_MGT_RUNS ?? 1);
// Seen here: 3.7 s for 20 cards, 19.5 s for 60, and 200 cards still showed 1 name after 600 s. A load
// that has not finished by then is reported as "more than" this.
const MGT_TIMEOUT_MS = Number(process.env.COLD_MGT_TIMEOUT_MS ?? 120_000);
// COLD_LATENCY_MS=150 imitates a corporate VPN: round trips then outweigh this machine's CPU noise.
const LATENCY_MS = Number(process.env.COLD_LATENCY_MS ?? 40);
const TAGS = 'kring-profile-card, bench-name-card, bench-batch-card, mgt-person';

// Run in Node: the REST, SharePoint and Graph mocks answering Fetch `Request`s (msw's getResponse).
const mocksEntry = `
import { getResponse } from 'msw';
import { createDemoBackend } from './src/backends/demo/index.ts';
import { createRestHandlers } from './mocks/rest/handlers.ts';
import { createSharePointMock } from './mocks/sharepoint/handlers.ts';
import { createGraphHandlers } from './mocks/graph/handlers.ts';

export function createMocks(origin, cards) {
  // The SharePoint mock resolves its site against the page's address.
  globalThis.location ??= new URL(origin + '/');
  const demo = () => createDemoBackend({ persist: false, storage: null, size: 300 });
  const restDemo = demo();
  const rest = createRestHandlers({ endpoint: origin + '/api/kring', backend: restDemo });
  const sharePoint = createSharePointMock({ siteUrl: origin + '/sites/kring', backend: demo() }).handlers;
  const graph = createGraphHandlers({ backend: demo() });
  const handlers = [...rest, ...sharePoint, ...graph.handlers];
  const people = restDemo.demo.data.people.slice(0, cards);
  return {
    handle: (request) => getResponse(handlers, request),
    rest: people.map((person) => person.id),
    sharepoint: people.map((person) => person.email.toLowerCase()),
    graph: graph.users.slice(1, cards + 1).map((user) => String(user.userPrincipalName).toLowerCase()),
    names: graph.users.slice(1, cards + 1).map((user) => String(user.displayName)),
  };
}
`;

async function loadMocks(projectRoot) {
  const bundle = await build({
    stdin: { contents: mocksEntry, resolveDir: projectRoot, loader: 'ts', sourcefile: 'cold-mocks.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    tsconfig: join(projectRoot, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const outDir = join(projectRoot, '.bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'cold-mocks.mjs');
  writeFileSync(file, bundle.outputFiles[0].text);
  return import(`${pathToFileURL(file).href}?${Date.now()}`);
}

// Run in the page (inline, so it costs no request): the ms from navigation to the first frame in which
// every card shows a name, plus that frame's style, layout and paint.
const watchSource = `
window.__cold = {};
// The Graph Toolkit makes 200+ requests: keep every one's timing (the default buffer holds 250).
performance.setResourceTimingBufferSize(2000);
// Wall time in tasks of 50 ms or more: time no network could have saved (with the CPU time, how loaded the core was).
window.__cold.longTasks = [];
new PerformanceObserver((list) => window.__cold.longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
(() => {
  const shown = () => {
    let count = 0;
    for (const card of document.querySelectorAll('${TAGS}')) {
      const name = card.shadowRoot && card.shadowRoot.querySelector('[part~="name"], .line1');
      if (name && name.textContent.trim()) count += 1;
    }
    return count;
  };
  const afterFrame = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__cold.shownMs = performance.now();
      performance.mark('cold: all names shown');
    };
    channel.port2.postMessage(0);
  };
  window.__cold.count = shown;
  const poll = () => (shown() === ${CARDS} ? afterFrame() : requestAnimationFrame(poll));
  requestAnimationFrame(poll);
})();
`;

const floorScript = `customElements.define('bench-name-card', class extends HTMLElement {
  connectedCallback() {
    const name = document.createElement('p');
    name.setAttribute('part', 'name');
    name.textContent = this.getAttribute('name');
    (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).replaceChildren(name);
  }
});`;

// Gathers every card connected in this task and asks for all names in one $batch (15 sign-in names a part).
const batchScript = `const waiting = [];
customElements.define('bench-batch-card', class extends HTMLElement {
  connectedCallback() {
    if (waiting.push(this) === 1) setTimeout(load, 0);
  }
});
async function load() {
  // Cards parsed after the first task join the next batch.
  const cards = waiting.splice(0);
  const requests = [];
  for (let start = 0; start < cards.length; start += 15) {
    const names = cards.slice(start, start + 15).map((card) => "'" + card.getAttribute('person') + "'");
    const filter = encodeURIComponent('userPrincipalName in (' + names.join(',') + ')');
    requests.push({ id: String(requests.length + 1), method: 'GET', url: '/users?$filter=' + filter + '&$select=displayName,userPrincipalName' });
  }
  // Like every Graph call (Kring's too): a bearer token and no cookies, so a connection of its own.
  const response = await fetch('/graph/v1.0/$batch', {
    method: 'POST',
    credentials: 'omit',
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
}`;

// The Graph Toolkit as an integrator uses it: a provider handing out a token, then <mgt-person> elements.
const mgtEntry = `
import { Providers, SimpleProvider, ProviderState } from '@microsoft/mgt-element';
import { registerMgtPersonComponent } from '@microsoft/mgt-components/dist/es6/components/mgt-person/mgt-person.js';
Providers.globalProvider = new SimpleProvider(async () => 'bench-token');
Providers.globalProvider.setState(ProviderState.SignedIn);
registerMgtPersonComponent();
`;

/** The Graph Toolkit bundled into one file (esbuild), or undefined when it is not installed. */
async function buildMgt(projectRoot) {
  if (!existsSync(join(projectRoot, 'node_modules', '@microsoft', 'mgt-components'))) return undefined;
  const bundle = await build({
    stdin: { contents: mgtEntry, resolveDir: projectRoot, loader: 'js', sourcefile: 'cold-mgt.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return bundle.outputFiles[0].text;
}

const setupScripts = {
  rest: `Kring.configure({});`,
  sharepoint: `Kring.configure({});`,
  graph: `Kring.configure({ graph: { getToken: async () => 'bench-token', baseUrl: location.origin + '/graph' } });`,
};

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function pageHtml(key, mocks, origin) {
  // `graph@b`: the Graph page over the COLD_COMPARE build, served under /dist-b/.
  const [variant, build] = key.split('@');
  const dist = build ? `/dist-${build}/` : '/dist/';
  const head = [];
  let body;
  if (variant === 'floor') {
    head.push('<script src="/cold/floor.js"></script>');
    body = mocks.names
      .map((name) => `<bench-name-card name="${escapeAttribute(name)}"></bench-name-card>`)
      .join('\n');
  } else if (variant === 'mgt') {
    head.push('<script type="module" src="/cold/mgt.js"></script>');
    body = mocks.graph
      .map((upn) => `<mgt-person user-id="${escapeAttribute(upn)}" view="twolines"></mgt-person>`)
      .join('\n');
  } else if (variant === 'batch') {
    head.push('<script src="/cold/batch.js"></script>');
    body = mocks.graph
      .map((upn) => `<bench-batch-card person="${escapeAttribute(upn)}"></bench-batch-card>`)
      .join('\n');
  } else {
    head.push(
      `<script src="${dist}kring.iife.js"></script>`,
      `<script src="/cold/setup-${variant}.js"></script>`,
    );
    const where = {
      rest: 'endpoint="/api/kring"',
      sharepoint: `site-url="${origin}/sites/kring"`,
      graph: '',
    }[variant];
    const cards = mocks[variant]
      .map(
        (person) =>
          `  <kring-profile-card view="compact" person="${escapeAttribute(person)}"></kring-profile-card>`,
      )
      .join('\n');
    body = `<kring-community backend="${variant}" ${where} tracking="off">\n${cards}\n</kring-community>`;
  }
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>cold load: ${key}</title>
    <script>${watchSource}</script>
    ${head.join('\n    ')}
  </head>
  <body>
${body}
  </body>
</html>`;
}

const contentTypes = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** A server whose every answer leaves `latencyMs` after the request arrived: files, pages and data. */
async function startLatencyServer({ distDir, compareDir, latencyMs, mocksFor }) {
  const pages = new Map();
  let mocks;
  const roots = { '/dist/': resolve(distDir), ...(compareDir ? { '/dist-b/': resolve(compareDir) } : {}) };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      setTimeout(
        () =>
          answer(request, response, Buffer.concat(chunks)).catch((error) => {
            response.writeHead(500).end(String(error));
          }),
        latencyMs,
      );
    });
  });
  async function answer(request, response, body) {
    const url = new URL(request.url ?? '/', origin);
    const common = { 'cache-control': 'no-store' };
    const page = pages.get(url.pathname);
    if (page) {
      response.writeHead(200, { ...common, 'content-type': page.type }).end(page.body);
      return;
    }
    const prefix = Object.keys(roots).find((mount) => url.pathname.startsWith(mount));
    if (prefix) {
      const root = roots[prefix];
      const file = join(root, normalize(decodeURIComponent(url.pathname.slice(prefix.length))));
      if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
        const type = contentTypes[extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { ...common, 'content-type': type }).end(readFileSync(file));
        return;
      }
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204, common).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    // The Graph mock answers at Graph's own address; the pages reach it same-origin under /graph/.
    const target = url.pathname.startsWith('/graph/')
      ? new URL(url.pathname.slice('/graph'.length) + url.search, 'https://graph.microsoft.com')
      : url;
    const mocked = await mocks.handle(
      new Request(target, { method: request.method, headers, body: hasBody ? body : undefined }),
    );
    if (!mocked) {
      response.writeHead(404, common).end('Not found');
      return;
    }
    const responseHeaders = { ...common };
    mocked.headers.forEach((value, name) => (responseHeaders[name] = value));
    response.writeHead(mocked.status, responseHeaders).end(Buffer.from(await mocked.arrayBuffer()));
  }
  // Clients that keep connections open (Playwright's request routing, used for the Graph Toolkit) must not
  // reuse one this server has just closed for idling (Node's default 5 s): that request fails with ECONNRESET.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const origin = `http://127.0.0.1:${server.address().port}`;
  mocks = await mocksFor(origin);
  return {
    origin,
    mocks,
    setPage: (path, type, body) => pages.set(path, { type, body }),
    close() {
      server.closeAllConnections?.();
      return new Promise((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

/** Sends the page's requests to graph.microsoft.com to this server's /graph/ (for the Graph Toolkit). */
async function routeGraph(context, origin) {
  await context.route('https://graph.microsoft.com/**', async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const url = new URL(request.url());
    try {
      const response = await route.fetch({ url: `${origin}/graph${url.pathname}${url.search}` });
      return await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    } catch (error) {
      // A request that cannot be passed on fails in the page instead of waiting forever (or ending the bench).
      console.error(`cold-load: ${request.method()} ${url.pathname}: ${error.message.split('\n')[0]}`);
      return route.abort().catch(() => undefined);
    }
  });
}

async function measure(browser, url, origin, timeout = 60_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await routeGraph(context, origin);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on(
      'response',
      (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
    );
    // The renderer's main-thread time (tasks, script, style and layout), for how much of a load is work.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'commit' });
    await page
      .waitForFunction(() => window.__cold?.shownMs !== undefined, undefined, { timeout })
      .catch(async (error) => {
        const shown = await page.evaluate(() => window.__cold?.count?.()).catch(() => '?');
        throw new Error(
          `${url}: ${error.message.split('\n')[0]}; ${shown} names shown; ${errors.join('; ')}`,
        );
      });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
    const { ms, longTaskMs, dataRequests, firstDataMs } = await page.evaluate(() => {
      // Data requests: the pages' own /graph/, /api/, /sites/ and the Toolkit's graph.microsoft.com.
      const data = performance
        .getEntriesByType('resource')
        .filter((entry) => /\/(v1\.0|beta|api|sites)\//.test(new URL(entry.name).pathname))
        .filter((entry) => entry.startTime <= window.__cold.shownMs);
      return {
        ms: window.__cold.shownMs,
        longTaskMs: window.__cold.longTasks
          .filter((entry) => entry.startTime < window.__cold.shownMs)
          .reduce((sum, entry) => sum + entry.duration, 0),
        dataRequests: data.length,
        firstDataMs: Math.min(...data.map((entry) => entry.startTime)),
      };
    });
    return {
      ms,
      errors,
      busyMs: metric('TaskDuration'),
      longTaskMs,
      scriptMs: metric('ScriptDuration'),
      renderMs: metric('RecalcStyleDuration') + metric('LayoutDuration'),
      dataRequests,
      firstDataMs,
    };
  } finally {
    await context.close();
  }
}

/**
 * One more cold load of `url` under a Chromium trace: its requests and main-thread tasks in time order
 * (COLD_PROFILE=graph,rest,…), to see where the time goes. Written to .bench/cold-<variant>.trace.json too.
 */
async function profileLoad(browser, url, origin, traceFile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await routeGraph(context, origin);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: TIMELINE_CATEGORIES });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__cold?.shownMs !== undefined, undefined, { timeout: 120_000 });
    const trace = await browser.stopTracing();
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(traceFile, trace);
    const timeline = pageTimeline(JSON.parse(trace.toString('utf8')).traceEvents, url);
    // JavaScript up to the first data request, and from its answer to all names shown.
    const firstData = timeline.requests.find((request) => isData(request.url));
    const shown = timeline.marks.find((mark) => mark.name === 'cold: all names shown');
    const ts = (ms) => timeline.zeroTs + ms * 1000;
    return {
      timeline,
      before: profileSelfTime(profile, origin, { toTs: ts(firstData?.sent ?? Infinity) }),
      after: profileSelfTime(profile, origin, {
        fromTs: ts(firstData?.done ?? Infinity),
        toTs: ts(shown?.at ?? Infinity),
      }),
    };
  } finally {
    await context.close();
  }
}

const kringKeys = ['rest', 'sharepoint', 'graph'];

/** Medians of what a variant's loads did: main-thread time (CPU) and its data requests. */
function workNote(loads) {
  if (loads.length === 0) return '';
  const of = (field) => Math.round(median(loads.map((load) => load[field])));
  const requests = of('dataRequests');
  const data = requests
    ? `; ${requests} data requests before all names, the first at ${of('firstDataMs')} ms`
    : '';
  return `main thread ${of('busyMs')} ms CPU (script ${of('scriptMs')}, style+layout ${of('renderMs')}), ${of('longTaskMs')} ms wall in tasks ≥ 50 ms${data}`;
}

const isData = (path) => path.startsWith('/api/') || path.startsWith('/sites/') || path.startsWith('/graph/');

/** One more cold load with CDP's network log: the loading levels before the first data request, and the files. */
async function traceRequests(browser, url, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const sent = [];
    const open = new Set();
    cdp.on('Network.requestWillBeSent', (event) => {
      sent.push(event);
      open.add(event.requestId);
    });
    cdp.on('Network.loadingFinished', (event) => open.delete(event.requestId));
    cdp.on('Network.loadingFailed', (event) => open.delete(event.requestId));
    await cdp.send('Network.enable');
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__cold?.shownMs !== undefined, undefined, { timeout: 60_000 });
    // Photos follow the names: wait until nothing has been in flight for a while (a bench, not a test).
    for (let quiet = 0, guard = 0; quiet < 3 && guard < 100; guard += 1) {
      quiet = open.size === 0 ? quiet + 1 : 0;
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
    await cdp.detach();
    const depth = new Map();
    const start = sent[0].timestamp;
    const rows = [];
    for (const event of sent) {
      const url = event.request.url.split('#')[0];
      if (!url.startsWith(origin)) continue;
      const path = new URL(url).pathname;
      const parent = initiatorUrl(event.initiator);
      let level = depth.size === 0 ? 0 : (depth.get(parent) ?? 0) + 1;
      // A `<link rel="modulepreload">` is the document's request, but the loader (kring.iife.js, level 1)
      // added it: count it one level below the loader.
      if (level === 1 && path.startsWith('/dist/') && path !== '/dist/kring.iife.js') level = 2;
      if (!depth.has(url)) depth.set(url, level);
      let parts;
      let kinds;
      try {
        const requests = JSON.parse(event.request.postData ?? '').requests;
        parts = requests?.length;
        kinds = requests && partKinds(requests.map((request) => request.url));
      } catch {
        parts = undefined;
      }
      rows.push({
        path,
        parts,
        kinds,
        parent: parent ? new URL(parent).pathname : '',
        level,
        at: (event.timestamp - start) * 1000,
      });
    }
    const firstData = rows.find((row) => isData(row.path));
    const graphRequests = rows.filter((row) => row.path.startsWith('/graph/'));
    const scriptsBefore = rows.filter(
      (row) => row.path.endsWith('.js') && row.at <= (firstData?.at ?? Infinity),
    );
    return { rows, firstData, scriptsBefore, graphRequests };
  } finally {
    await context.close();
  }
}

/** What a `$batch` asks for, counted: `14 people, 1 me, 5 photos`. */
function partKinds(urls) {
  const counts = {};
  for (const url of urls) {
    const kind = /photo/.test(url)
      ? 'photos'
      : /^\/?me\b/.test(url)
        ? 'me'
        : /^\/?users\?/.test(url)
          ? 'people'
          : 'other';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return Object.entries(counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}

function initiatorUrl(initiator) {
  if (initiator.url) return initiator.url.split('#')[0];
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((callFrame) => callFrame.url);
    if (frame) return frame.url.split('#')[0];
  }
  return undefined;
}

export default async function run({ browser, projectRoot, distDir, log }) {
  // COLD_COMPARE=<a dist folder> (e.g. a copy of main's dist/): each Kring page also over that build,
  // interleaved with this one in the same run (rows marked "@b"), to compare a change on this noisy machine.
  const compareDir = process.env.COLD_COMPARE;
  const server = await startLatencyServer({
    distDir,
    compareDir,
    latencyMs: LATENCY_MS,
    mocksFor: async (origin) => (await loadMocks(projectRoot)).createMocks(origin, CARDS),
  });
  const variants = [
    { key: 'floor', label: 'floor: trivial element, names inline' },
    { key: 'batch', label: 'reference: trivial element, one hand-made $batch' },
    { key: 'rest', label: 'Kring compact cards, REST' },
    { key: 'sharepoint', label: 'Kring compact cards, SharePoint' },
    { key: 'graph', label: 'Kring compact cards, Graph' },
  ];
  // COLD_ONLY=graph,mgt measures only those (the floor and reference are always measured).
  const only = process.env.COLD_ONLY?.split(',');
  if (only)
    variants.splice(0, Infinity, ...variants.filter(({ key }) => ['floor', 'batch', ...only].includes(key)));
  if (compareDir) {
    for (const variant of variants.filter(({ key }) => kringKeys.includes(key)))
      variants.splice(variants.indexOf(variant) + 1, 0, {
        key: `${variant.key}@b`,
        label: `${variant.label}, build ${compareDir}`,
      });
  }
  const mgtScript = !only || only.includes('mgt') ? await buildMgt(projectRoot) : undefined;
  if (mgtScript)
    variants.push({
      key: 'mgt',
      label: 'retired Graph Toolkit <mgt-person view="twolines">',
      runs: MGT_RUNS,
    });
  else if (!only || only.includes('mgt'))
    log('@microsoft/mgt-components is not installed: no Graph Toolkit row');
  try {
    const js = 'text/javascript; charset=utf-8';
    if (mgtScript) server.setPage('/cold/mgt.js', js, mgtScript);
    server.setPage('/cold/floor.js', js, floorScript);
    server.setPage('/cold/batch.js', js, batchScript);
    for (const [key, source] of Object.entries(setupScripts))
      server.setPage(`/cold/setup-${key}.js`, js, source);
    for (const { key } of variants)
      server.setPage(
        `/cold/${key}.html`,
        'text/html; charset=utf-8',
        pageHtml(key, server.mocks, server.origin),
      );

    const samples = Object.fromEntries(variants.map(({ key }) => [key, []]));
    const loads = Object.fromEntries(variants.map(({ key }) => [key, []]));
    const unfinished = {};
    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      for (const { key, runs = RUNS } of variants) {
        if (runIndex >= runs) continue;
        const url = `${server.origin}/cold/${key}.html`;
        // The Graph Toolkit may not finish at all: a lower bound then, and the other rows still print.
        const result = await measure(
          browser,
          url,
          server.origin,
          key === 'mgt' ? MGT_TIMEOUT_MS : undefined,
        ).catch((error) => {
          if (key !== 'mgt') throw error;
          unfinished[key] = error.message.split('\n')[0];
          return { ms: MGT_TIMEOUT_MS, errors: [] };
        });
        samples[key].push(result.ms);
        if (result.busyMs !== undefined) loads[key].push(result);
        const errors = result.errors.length ? `, page errors: ${result.errors.join('; ')}` : '';
        const work =
          result.busyMs === undefined
            ? ''
            : `, main thread ${Math.round(result.busyMs)} ms CPU, ${Math.round(result.longTaskMs)} ms in long tasks${result.dataRequests ? `, ${result.dataRequests} data requests, the first at ${Math.round(result.firstDataMs)} ms` : ''}`;
        log(
          `run ${runIndex + 1} ${key}: ${unfinished[key] ?? `${Math.round(result.ms)} ms${work}${errors}`}`,
        );
      }
    }
    for (const key of process.env.COLD_PROFILE?.split(',') ?? []) {
      const traceFile = join(projectRoot, '.bench', `cold-${key}.trace.json`);
      const { timeline, before, after } = await profileLoad(
        browser,
        `${server.origin}/cold/${key}.html`,
        server.origin,
        traceFile,
      );
      const lines = (list) => list.join('\n    ');
      log(`${key} timeline (trace in ${traceFile}):\n    ${lines(formatTimeline(timeline))}`);
      for (const [when, self] of Object.entries({
        'before the first data request': before,
        'from its answer to all names shown': after,
      })) {
        log(`${key} JavaScript self time ${when}, by file:\n    ${lines(self.byFile)}`);
        log(`${key} JavaScript self time ${when}, by function:\n    ${lines(self.byFunction)}`);
      }
    }
    const ms = Object.fromEntries(variants.map(({ key }) => [key, median(samples[key])]));
    const more = (key) => (unfinished[key] ? '> ' : '');
    const rows = variants.map(({ key, label, runs = RUNS }) => ({
      name: `cold, ${LATENCY_MS} ms/request: ${label}`,
      value: `${more(key)}${Math.round(ms[key])}`,
      unit: 'ms',
      note: unfinished[key]
        ? `did not show all ${CARDS} names within ${MGT_TIMEOUT_MS / 1000} s: ${unfinished[key]}`
        : `median of ${runs}, navigation → all ${CARDS} names; ${(ms[key] / ms.floor).toFixed(1)}× floor, ${(ms[key] / ms.batch).toFixed(1)}× one-$batch reference; ${workNote(loads[key])}`,
    }));
    for (const key of Object.keys(ms).filter((name) => kringKeys.includes(name.split('@')[0]))) {
      rows.push({
        name: `cold: ${key} ÷ one-$batch reference`,
        value: (ms[key] / ms.batch).toFixed(2),
        unit: '×',
        note: key.startsWith('graph') ? 'target ≤ 2×' : '',
      });
    }
    // Paired per run (the same moment's load on both), so the machine's drift cancels out.
    for (const key of Object.keys(ms).filter((name) => name.endsWith('@b'))) {
      const base = key.slice(0, -2);
      const differences = samples[base].map((value, index) => value - samples[key][index]);
      rows.push({
        name: `cold: ${base} − ${key}, per run`,
        value: Math.round(median(differences)),
        unit: 'ms',
        note: `median of ${differences.length} paired differences (negative: this build is faster); all: ${differences.map(Math.round).join(' ')}`,
      });
    }
    if (ms.mgt !== undefined) {
      if (ms.graph !== undefined)
        rows.push({
          name: `cold: Graph Toolkit ÷ Kring Graph`,
          value: `${more('mgt')}${(ms.mgt / ms.graph).toFixed(1)}`,
          unit: '×',
          note: `how many times faster Kring shows ${CARDS} names; target ≥ 100×, which needs Kring ≤ ${more('mgt')}${Math.round(ms.mgt / 100)} ms here`,
        });
      // No Graph page can beat the hand-made one-$batch page (one script, one request): the Toolkit ÷ that
      // page is the largest ratio any Graph page reaches in this run, and ÷ the floor the largest of all.
      rows.push({
        name: `cold: Graph Toolkit ÷ one-$batch reference`,
        value: `${more('mgt')}${(ms.mgt / ms.batch).toFixed(1)}`,
        unit: '×',
        note: `the most any Graph page can reach in this run (Toolkit ÷ floor: ${more('mgt')}${(ms.mgt / ms.floor).toFixed(1)}×); 100× needs a page ≤ ${Math.round(ms.mgt / 100)} ms, the reference takes ${Math.round(ms.batch)} ms and the floor ${Math.round(ms.floor)} ms`,
      });
    }

    for (const key of ['rest', 'sharepoint', 'graph'].filter((name) => name in ms)) {
      const trace = await traceRequests(browser, `${server.origin}/cold/${key}.html`, server.origin);
      const chain = [];
      for (let row = trace.firstData, guard = 0; row && guard < 20; guard += 1) {
        chain.unshift(row.path.split('/').pop() || row.path);
        row = trace.rows.find((candidate) => candidate.path === row.parent && candidate !== row);
      }
      log(
        `${key} requests up to the first data request: ${trace.rows
          .slice(0, trace.rows.indexOf(trace.firstData) + 1)
          .map((row) => `${Math.round(row.at)}ms L${row.level} ${row.path}`)
          .join(' | ')}`,
      );
      const deepest = Math.max(...trace.scriptsBefore.map((row) => row.level));
      rows.push({
        name: `cold ${key}: module-load depth before the first data request`,
        value: trace.firstData ? deepest : '—',
        unit: 'levels',
        note: `deepest script requested before it (kring.iife.js = level 1; levels by CDP initiator); ${trace.scriptsBefore.length} scripts; first data request ${trace.firstData?.path} left at ${Math.round(trace.firstData?.at ?? 0)} ms; its caller's chain: ${chain.join(' → ')}`,
      });
      if (key === 'graph') {
        const counts = {};
        for (const row of trace.graphRequests) {
          const what = row.path.replace(/^\/graph/, '');
          counts[what] = (counts[what] ?? 0) + 1;
        }
        rows.push({
          name: `cold graph: requests for ${CARDS} cards (names and photos)`,
          value: trace.graphRequests.length,
          unit: 'requests',
          note: `target ≤ 12; ${Object.entries(counts)
            .map(([what, count]) => `${what} ×${count}`)
            .join(
              ', ',
            )}; parts per batch: ${trace.graphRequests.map((row) => row.parts ?? '?').join(' ')}; the first: ${trace.graphRequests[0]?.kinds}`,
        });
      }
      if (key === 'rest') {
        const files = [
          ...new Set(trace.rows.map((row) => row.path).filter((path) => path.startsWith('/dist/'))),
        ];
        const gzip = files.reduce(
          (sum, path) =>
            sum + gzipSync(readFileSync(join(distDir, path.slice('/dist/'.length))), { level: 9 }).length,
          0,
        );
        rows.push({
          name: `cold rest: script-tag files for a page of compact cards`,
          value: files.length,
          unit: 'files',
          note: `target ≤ 8; ${files.map((path) => path.slice('/dist/'.length)).join(', ')}`,
        });
        rows.push({
          name: `cold rest: their gzip bytes`,
          value: (gzip / 1024).toFixed(1),
          unit: 'KB',
          note: 'gzip level 9, one gzip per file; target ≤ 30 KB',
        });
      }
    }
    return rows;
  } finally {
    await server.close();
  }
}
