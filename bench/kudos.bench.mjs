// Kudos feed over 10,000 kudos (demo backend, 2,000 people × 5 kudos each) and the composer's
// optimistic send. Figures, not a test. Runs the script-tag bundle on a plain page.
import { script, scriptTagPage } from './lib/pages.mjs';
import { median } from './lib/fresh-page.mjs';

const DEMO_PEOPLE = 2000; // the demo generates 5 kudos per person: 10,000 kudos
const PAGE_SIZE = 100; // the demo backend's largest page
const SCROLL_TO = 5000;
const SEND_RUNS = 5;

const setup = (size) => `Kring.configure({ demo: { size: ${size}, persist: false } });`;

/** In the page: the feed, its shadow root and a few helpers. */
const feedHelpers = `
window.__feed = () => document.querySelector('kring-kudos-feed');
window.__articles = () => window.__feed()?.shadowRoot?.querySelectorAll('article[data-kudos-id]').length ?? 0;
window.__nodes = () => {
  let count = 0;
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      count += 1;
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return count;
};`;

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function feedFigures({ url, server, browser, log }) {
  server.setPage('/bench-kudos-setup.js', script(setup(DEMO_PEOPLE) + feedHelpers));
  server.setPage(
    '/bench-kudos-feed.html',
    scriptTagPage({
      title: 'Kudos feed over 10,000 kudos',
      scripts: ['/bench-kudos-setup.js'],
      body: `  <kring-community backend="demo" tracking="off">\n    <kring-kudos-feed limit="${PAGE_SIZE}"></kring-kudos-feed>\n  </kring-community>`,
    }),
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}/bench-kudos-feed.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction('window.__articles() > 0', undefined, { timeout: 60_000, polling: 'raf' });
  const firstRender = await page.evaluate(() => ({
    at: performance.now(),
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
    total: window.__feed().shadowRoot.querySelector('article').getAttribute('aria-setsize'),
  }));
  log(`first item after ${Math.round(firstRender.at)} ms (setsize ${firstRender.total})`);

  // Load enough pages to reach item 5,000, as "load more" would.
  const loadStarted = Date.now();
  await page.evaluate(async (target) => {
    const feed = window.__feed();
    while (feed.loadedCount <= target) await feed.loadMore();
  }, SCROLL_TO);
  const loadMs = Date.now() - loadStarted;
  const loaded = await page.evaluate(() => window.__feed().loadedCount);
  const heapBefore = await heapUsed(cdp);
  const nodesBefore = await page.evaluate(() => window.__nodes());

  // Scroll the window down through the feed in steps, one frame each, until item 5,000 shows.
  const scroll = await page.evaluate(async (target) => {
    const feed = window.__feed();
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const started = performance.now();
    let steps = 0;
    const reached = () =>
      [...feed.shadowRoot.querySelectorAll('article')].some(
        (article) => Number(article.getAttribute('aria-posinset')) >= target + 1,
      );
    while (!reached() && steps < 20_000) {
      window.scrollBy(0, window.innerHeight);
      steps += 1;
      await frame();
    }
    await feed.scrollToItem(target);
    await frame();
    await frame();
    return { ms: performance.now() - started, steps };
  }, SCROLL_TO);
  const heapAfter = await heapUsed(cdp);
  const after = await page.evaluate(() => ({
    nodes: window.__nodes(),
    articles: window.__articles(),
    shadowNodes: window.__feed().shadowRoot.querySelectorAll('*').length,
  }));
  log(
    `loaded ${loaded} in ${loadMs} ms; scrolled ${scroll.steps} screens in ${Math.round(scroll.ms)} ms; ` +
      `nodes ${nodesBefore} → ${after.nodes}; heap ${mb(heapBefore)} → ${mb(heapAfter)} MB` +
      (errors.length ? `; page errors: ${errors.join('; ')}` : ''),
  );
  await context.close();
  return [
    {
      name: 'feed 10k: time to first item',
      value: Math.round(firstRender.at),
      unit: 'ms',
      note: `from navigation start, incl. generating the demo data (${DEMO_PEOPLE} people) and the demo's 120 ms latency per call; ${Math.round(firstRender.at - firstRender.domContentLoaded)} ms after DOMContentLoaded`,
    },
    {
      name: `feed 10k: DOM nodes after scrolling to item ${SCROLL_TO}`,
      value: after.nodes,
      unit: 'nodes',
      note: `whole page; ${after.articles} items rendered of ${loaded} loaded; ${after.shadowNodes} in the feed's shadow root; ${nodesBefore} before scrolling`,
    },
    {
      name: 'feed 10k: heap growth while scrolling',
      value: mb(heapAfter - heapBefore),
      unit: 'MB',
      note: `after GC, ${mb(heapBefore)} → ${mb(heapAfter)} MB over ${scroll.steps} screens (${Math.round(scroll.ms)} ms)`,
    },
    {
      name: `feed 10k: load ${loaded} items with "load more"`,
      value: loadMs,
      unit: 'ms',
      note: `${Math.ceil(loaded / PAGE_SIZE)} pages of ${PAGE_SIZE}, one after another; mostly the demo's 120 ms simulated latency per call`,
    },
  ];
}

async function composerFigures({ url, server, browser, log }) {
  server.setPage('/bench-kudos-composer-setup.js', script(setup(300) + feedHelpers));
  server.setPage(
    '/bench-kudos-composer.html',
    scriptTagPage({
      title: 'Kudos composer',
      scripts: ['/bench-kudos-composer-setup.js'],
      body: `  <kring-community backend="demo" tracking="off">\n    <kring-kudos-feed compose limit="20"></kring-kudos-feed>\n  </kring-community>`,
    }),
  );
  const samples = [];
  const frames = [];
  for (let run = 0; run < SEND_RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/bench-kudos-composer.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction('window.__articles() > 0', undefined, { timeout: 60_000, polling: 'raf' });
    const timing = await page.evaluate(async (index) => {
      const feed = window.__feed();
      const composer = feed.shadowRoot.querySelector('kring-kudos-composer');
      const me = await composer.client.currentUser();
      const { items } = await composer.client.searchPeople({ text: 'a', limit: 10 });
      const receiver = items.map((match) => match.person).find((person) => person.id !== me.id);
      composer.shadowRoot.querySelector('kring-people-picker').value = [receiver.id];
      composer.to = [receiver.id];
      await composer.updateComplete;
      const textarea = composer.shadowRoot.querySelector('textarea');
      textarea.value = `Bench kudos ${index}`;
      textarea.dispatchEvent(new Event('input'));
      await composer.updateComplete;
      const pendingShown = () => feed.shadowRoot.querySelector('[data-outbox-id]');
      return new Promise((resolve) => {
        let inDom;
        const observer = new MutationObserver(() => {
          if (inDom === undefined && pendingShown()) {
            inDom = performance.now() - started;
            observer.disconnect();
            requestAnimationFrame(() => resolve({ inDom, painted: performance.now() - started }));
          }
        });
        observer.observe(feed.shadowRoot, { childList: true, subtree: true });
        const started = performance.now();
        composer.shadowRoot.querySelector('[part="send"]').click();
      });
    }, run);
    samples.push(timing.inDom);
    frames.push(timing.painted);
    await context.close();
  }
  log(`send → optimistic item: ${samples.map((ms) => ms.toFixed(1)).join(', ')} ms (in DOM)`);
  return [
    {
      name: 'composer: send → optimistic item in the DOM',
      value: Math.round(median(samples) * 10) / 10,
      unit: 'ms',
      note: `median of ${SEND_RUNS}; the "sending" item in the feed around the composer`,
    },
    {
      name: 'composer: send → next frame with the item',
      value: Math.round(median(frames) * 10) / 10,
      unit: 'ms',
      note: `median of ${SEND_RUNS}; includes waiting for the next animation frame`,
    },
  ];
}

export default async function run(ctx) {
  return [...(await feedFigures(ctx)), ...(await composerFigures(ctx))];
}
