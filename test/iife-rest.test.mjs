// The script-tag bundle over `backend="rest"`: a page of cards loads only the REST adapter's reads; what
// else the adapter does (kudos, invitations, search, writes) and the HTTP layer's failure code load on first
// use, or with the elements that need them. The REST API is answered by the test (Playwright's routing).
// Run: `npm run build && node --test test/iife-rest.test.mjs` (npm test does both).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/lib/entries.mjs';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';

const distDir = join(projectRoot, 'dist');

const person = (id, name) => ({ id, name, skills: [], links: [], isManagement: false });
const PEOPLE = { ada: person('ada', 'Ada Lovelace'), alan: person('alan', 'Alan Turing') };
const KUDOS = {
  id: 'k1',
  from: 'ada',
  to: ['alan'],
  message: 'Thank you for the clear review',
  createdAt: '2026-01-05T10:00:00.000Z',
  reactions: [],
};

function page(body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Kring over REST</title>
    <script src="/kring.iife.js"></script>
  </head>
  <body>
    <kring-community backend="rest" endpoint="/api/kring" tracking="off" page></kring-community>
    <main>${body}</main>
  </body>
</html>`;
}

/** Answers the REST contract's reads this page makes; anything else is a 404 problem. */
async function answerRestApi(tab, calls) {
  await tab.route('**/api/kring/**', async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname.replace('/api/kring', '');
    calls.push(`${request.method()} ${path}`);
    const json = (body) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    if (path === '/people/lookup') {
      const { ids } = JSON.parse(request.postData() ?? '{}');
      return json({ people: ids.map((id) => PEOPLE[id] ?? null) });
    }
    if (path === '/me') return json(PEOPLE.ada);
    if (path === '/kudos') return json({ items: [KUDOS] });
    if (path === '/kudos-values') return json({ items: [] });
    return route.fulfill({
      status: 404,
      contentType: 'application/problem+json',
      body: JSON.stringify({ code: 'not-found', message: 'No such resource in this test.' }),
    });
  });
}

/** The chunks (named by hash) whose source map names `source`, as URL paths. */
function chunksHolding(source) {
  const folder = join(distDir, 'chunks');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.js') && existsSync(join(folder, `${name}.map`)))
    .filter((name) =>
      JSON.parse(readFileSync(join(folder, `${name}.map`), 'utf8')).sources.some((path) =>
        path.endsWith(source),
      ),
    )
    .map((name) => `/chunks/${name}`);
}

/** The text of the first card's name, or '' while it is not shown. */
function cardName() {
  const name = document.querySelector('kring-profile-card')?.shadowRoot?.querySelector('[part~="name"]');
  return name?.textContent?.trim() ?? '';
}

/** The text of the feed's first kudos message, or '' while there is none. */
function feedMessage() {
  const article = document.querySelector('kring-kudos-feed')?.shadowRoot?.querySelector('article');
  return article?.querySelector('.message-text')?.textContent?.trim() ?? '';
}

describe('kring.iife.js over backend="rest"', () => {
  let server;
  let browser;
  let manifest;
  /** The REST adapter's files a page of cards must not load, by what they are. */
  let moved;

  before(async () => {
    assert.ok(
      existsSync(join(distDir, 'kring.iife.js')),
      'dist/kring.iife.js is missing: run `npm run build` first',
    );
    manifest = JSON.parse(readFileSync(join(distDir, 'preload-manifest.json'), 'utf8'));
    moved = {
      "the adapter's code for kudos, invitations, search and writes": chunksHolding(
        'src/backends/rest/rest-community.ts',
      ),
      "the HTTP layer's failure code": chunksHolding('src/backends/http/failure.ts'),
    };
    assert.ok(
      moved["the adapter's code for kudos, invitations, search and writes"].every((file) =>
        manifest.backendsWithElements?.rest?.includes(file.slice(1)),
      ),
      'the manifest lists the REST adapter code elements need',
    );
    for (const [what, files] of Object.entries(moved))
      assert.equal(files.length, 1, `one file holds ${what}`);
    server = await startStaticServer({
      mounts: [{ prefix: '/', dir: distDir }],
      pages: {
        '/rest-cards.html': page(
          '<kring-profile-card person="ada" view="compact"></kring-profile-card>\n' +
            '<kring-profile-card person="alan" view="compact"></kring-profile-card>',
        ),
        '/rest-feed.html': page('<kring-kudos-feed></kring-kudos-feed>'),
      },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path) {
    const tab = await browser.newPage();
    const calls = [];
    const scripts = [];
    const exceptions = [];
    tab.on('pageerror', (error) => exceptions.push(error.message));
    tab.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await answerRestApi(tab, calls);
    await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
    const preloaded = () =>
      tab.evaluate(() =>
        [...document.querySelectorAll('link[rel="modulepreload"]')].map(
          (link) => new URL(link.href).pathname,
        ),
      );
    return { tab, calls, scripts, exceptions, preloaded };
  }

  it('a page of cards loads only the reads; the first kudos read loads the rest of the adapter, which works', async () => {
    const { tab, calls, scripts, exceptions, preloaded } = await open('/rest-cards.html');
    await tab.waitForFunction(cardName, undefined, { timeout: 10_000 });
    assert.equal(await tab.evaluate(cardName), 'Ada Lovelace');
    await tab.waitForLoadState('networkidle');
    const loaded = new Set([...scripts, ...(await preloaded())]);
    for (const [what, files] of Object.entries(moved)) {
      assert.deepEqual(
        files.filter((file) => loaded.has(file)),
        [],
        `a page of cards neither loads nor preloads ${what}`,
      );
    }
    assert.deepEqual(calls, ['POST /people/lookup'], 'the cards made one look-up and nothing else');
    calls.length = 0;

    // First use: a feed added later reads kudos through the code the page did not load.
    await tab.evaluate(() =>
      document.querySelector('main').append(document.createElement('kring-kudos-feed')),
    );
    await tab.waitForFunction(feedMessage, undefined, { timeout: 10_000 });
    assert.equal(await tab.evaluate(feedMessage), KUDOS.message);
    const [adapterRest] = moved["the adapter's code for kudos, invitations, search and writes"];
    assert.ok(scripts.includes(adapterRest), `the first kudos read loaded ${adapterRest}`);
    assert.ok(calls.includes('GET /kudos'), `the feed read kudos: ${calls}`);
    assert.deepEqual(exceptions, []);
    await tab.close();
  });

  it("a failed response loads the failure code, which gives the server's message", async () => {
    const { tab, scripts } = await open('/rest-cards.html');
    await tab.waitForFunction(cardName, undefined, { timeout: 10_000 });
    const [failureCode] = moved["the HTTP layer's failure code"];
    assert.ok(!scripts.includes(failureCode), 'not loaded while every request succeeds');
    // A read the test server refuses (404 with a problem body), through the community's client.
    const failure = await tab.evaluate(async () => {
      try {
        await document.querySelector('kring-community').communityClient.inviteQuota();
        return null;
      } catch (error) {
        return { kind: error.kind, status: error.status, message: error.message };
      }
    });
    assert.deepEqual(failure, { kind: 'not-found', status: 404, message: 'No such resource in this test.' });
    assert.ok(scripts.includes(failureCode), `the failure loaded ${failureCode}`);
    await tab.close();
  });

  it('a page with a kudos feed preloads the adapter code it needs with the element: no load level more', async () => {
    const { tab, scripts, exceptions, preloaded } = await open('/rest-feed.html');
    await tab.waitForFunction(feedMessage, undefined, { timeout: 10_000 });
    assert.equal(await tab.evaluate(feedMessage), KUDOS.message);
    const asked = await preloaded();
    const [adapterRest] = moved["the adapter's code for kudos, invitations, search and writes"];
    assert.ok(asked.includes(adapterRest), `preloaded with the feed: ${adapterRest}`);
    const notPreloaded = scripts.filter((file) => file !== '/kring.iife.js' && !asked.includes(file));
    assert.deepEqual(notPreloaded, [], 'modules found only by importing another one');
    assert.deepEqual(exceptions, []);
    await tab.close();
  });
});
