// The script-tag bundle on plain HTML pages, the way an intranet team uses it: no build tools,
// attributes only. Node's test runner drives Debian's Chromium through playwright-core.
// Run: `npm run build && node --test test/iife.test.mjs` (npm test does both).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/lib/entries.mjs';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';

const distDir = join(projectRoot, 'dist');
const bundlePath = join(distDir, 'kring.iife.js');
const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
const otherVersion = '0.0.0-other-copy';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html kring";

const cardsBody = `
  <kring-community backend="demo" page></kring-community>
  <main>
    <h1>Plain page</h1>
    <kring-profile-card person="me"></kring-profile-card>
  </main>`;

/** Every element the build ships as its own file (the script-tag bundle loads those on first use). */
function builtElementTags() {
  const folder = join(distDir, 'elements');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.js'))
    .map((name) => `kring-${name.replace(/\.js$/, '')}`)
    .sort();
}

function plainPage(scripts, body = cardsBody) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Kring on a plain page</title>
    ${scripts.map((src) => `<script src="${src}"></script>`).join('\n    ')}
  </head>
  <body>${body}
  </body>
</html>`;
}

/** A page that loads every element at once with `dist/index.js`, no loader. */
function modulePage(body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Kring as one module script</title>
    <script type="module" src="index.js"></script>
  </head>
  <body>${body}
  </body>
</html>`;
}

// Loaded first on the CSP page; an external file because inline scripts are what CSP forbids.
const violationRecorder = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
});`;

// A page script that runs before the core has loaded: the loader buffers the registration.
const registerSpanish = `window.cardTexts = () =>
  [...document.querySelectorAll('kring-profile-card')].map((card) =>
    (card.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' ').trim(),
  );
window.__registerLanguageType = typeof Kring.registerLanguage;
Kring.registerLanguage('es', { 'card.notFound': 'Perfil no encontrado' });`;

const compactCardBody = `
  <kring-community backend="demo" page></kring-community>
  <main>
    <kring-profile-card person="me" view="compact"></kring-profile-card>
  </main>`;

// Lazily loaded tags that only appear inside other elements' shadow roots: the feed renders a composer,
// which renders a people picker; a full card renders its skills and badges.
const nestedBody = `
  <kring-community backend="demo" page></kring-community>
  <main>
    <kring-kudos-feed compose></kring-kudos-feed>
    <kring-profile-card person="me" view="full"></kring-profile-card>
  </main>`;

const languagesBody = `
  <kring-community backend="demo" page></kring-community>
  <main>
    <kring-profile-card lang="es-MX" person="nobody@nowhere.invalid"></kring-profile-card>
    <kring-profile-card lang="de-AT" person="nobody@nowhere.invalid"></kring-profile-card>
  </main>`;

// A Dutch page with a German section: records every text a shadow root shows (and every aria-label),
// from the moment the root exists, before the core has loaded.
const dutchBody = `
  <kring-community backend="demo" page></kring-community>
  <main>
    <kring-profile-card person="me" view="compact"></kring-profile-card>
    <kring-profile-card person="nobody@nowhere.invalid"></kring-profile-card>
    <section lang="de"><kring-profile-card person="nobody@nowhere.invalid"></kring-profile-card></section>
  </main>`;
const recordTexts = `window.__seen = new Set();
window.cardTexts = () =>
  [...document.querySelectorAll('kring-profile-card')].map((card) =>
    (card.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' ').trim(),
  );
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attachShadow.call(this, init);
  const record = () => {
    window.__seen.add(root.textContent.replace(/\s+/g, ' ').trim());
    for (const labelled of root.querySelectorAll('[aria-label]')) window.__seen.add(labelled.getAttribute('aria-label'));
  };
  new MutationObserver(record).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  return root;
};`;
// Fragments of the English strings a card or community can show (src/i18n/profile-card.ts, community.ts).
const ENGLISH =
  /Loading profile|Profile not found|Nobody with|could not be loaded|Try again|Chat with|Profile of|Website of|Copy the e-mail|Give kudos|[Kk]udos received|Connecting to the community|Card of|Close the card/;

/** The text of the first profile card's name, or '' while it is not shown. */
function cardName() {
  const card = document.querySelector('kring-profile-card');
  const name = card?.shadowRoot?.querySelector('[part~="name"]');
  return name?.textContent?.trim() ?? '';
}

describe('kring.iife.js on a plain HTML page', () => {
  let server;
  let browser;

  before(async () => {
    assert.ok(existsSync(bundlePath), 'dist/kring.iife.js is missing: run `npm run build` first');
    // A second copy that claims another version, as when two web parts each ship their own Kring.
    const otherCopy = readFileSync(bundlePath, 'utf8')
      .replaceAll(`"${version}"`, `"${otherVersion}"`)
      .replaceAll(`'${version}'`, `'${otherVersion}'`)
      .replaceAll(`\`${version}\``, `\`${otherVersion}\``);
    assert.ok(otherCopy.includes(otherVersion), 'the bundle should contain its version');
    server = await startStaticServer({
      mounts: [{ prefix: '/', dir: distDir }],
      pages: {
        '/plain.html': plainPage(['kring.iife.js']),
        '/strict-csp.html': plainPage(['record-violations.js', 'kring.iife.js']),
        '/record-violations.js': { type: 'text/javascript', body: violationRecorder },
        '/strict-csp-hover.html': plainPage(['record-violations.js', 'kring.iife.js'], compactCardBody),
        '/strict-csp-every-element.html': plainPage(
          ['record-violations.js', 'kring.iife.js'],
          `<kring-community backend="demo" page></kring-community>\n<main>${builtElementTags()
            .filter((tag) => tag !== 'kring-community')
            .map((tag) => `<${tag}></${tag}>`)
            .join('\n')}</main>`,
        ),
        '/cards-tracking-off.html': plainPage(
          ['kring.iife.js'],
          compactCardBody.replace('page>', 'page tracking="off">'),
        ),
        '/nested.html': plainPage(['kring.iife.js'], nestedBody),
        '/module.html': modulePage(nestedBody),
        '/twice.html': plainPage(['kring.iife.js', 'kring-other-copy.iife.js']),
        '/languages.html': plainPage(['kring.iife.js', 'register-spanish.js'], languagesBody),
        '/dutch.html': plainPage(['record-texts.js', 'kring.iife.js'], dutchBody).replace(
          'lang="en"',
          'lang="nl"',
        ),
        '/record-texts.js': { type: 'text/javascript', body: recordTexts },
        '/register-spanish.js': { type: 'text/javascript', body: registerSpanish },
        '/kring-other-copy.iife.js': { type: 'text/javascript', body: otherCopy },
      },
      headers: (url) =>
        url.pathname.startsWith('/strict-csp') ? { 'content-security-policy': STRICT_CSP } : {},
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page and records console messages and uncaught exceptions. */
  async function open(path) {
    const page = await browser.newPage();
    const console = [];
    const exceptions = [];
    page.on('console', (message) => console.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => exceptions.push(error.message));
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    const errors = () => console.filter((m) => m.type === 'error').map((m) => m.text);
    const warnings = () => console.filter((m) => m.type === 'warning').map((m) => m.text);
    return { page, exceptions, errors, warnings };
  }

  async function waitForCardName(page) {
    await page.waitForFunction(cardName, undefined, { timeout: 10_000 });
    return page.evaluate(cardName);
  }

  it('renders a profile card from attributes alone, with no console errors', async () => {
    const { page, exceptions, errors } = await open('/plain.html');
    const name = await waitForCardName(page);
    assert.match(name, /\p{L}/u, 'the card shows a name');
    // Styled by the built (minified) css: the card's layout, the round avatar, a theme token.
    const looks = await page.evaluate(() => {
      const root = document.querySelector('kring-profile-card').shadowRoot;
      const card = getComputedStyle(root.querySelector('[part~="card"]'));
      const avatar = getComputedStyle(root.querySelector('[part~="avatar"]'));
      return { display: card.display, radius: avatar.borderRadius, border: card.borderTopStyle };
    });
    assert.deepEqual(looks, { display: 'flex', radius: '50%', border: 'solid' });
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    await page.close();
  });

  it('asks for every file a page of cards needs at once: each module it loads was preloaded by the loader', async () => {
    const page = await browser.newPage();
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${server.url}/plain.html`, { waitUntil: 'load' });
    assert.match(await waitForCardName(page), /\p{L}/u, 'the card shows a name');
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.href),
    );
    const path = (url) => new URL(url).pathname;
    assert.ok(preloaded.map(path).includes('/core.js'), `the core is preloaded: ${preloaded.map(path)}`);
    assert.ok(preloaded.map(path).includes('/backends/demo.js'), 'the backend the page names is preloaded');
    // With tracking on (the default), the seen controller loads once the community has answered: off the
    // path to the names, on demand, like the hover card.
    const manifest = JSON.parse(readFileSync(join(distDir, 'preload-manifest.json'), 'utf8'));
    const tracking = manifest.onDemand['seen-controller'].map((file) => `/${file}`);
    const notPreloaded = scripts.filter(
      (url) => path(url) !== '/kring.iife.js' && !preloaded.includes(url) && !tracking.includes(path(url)),
    );
    assert.deepEqual(notPreloaded.map(path), [], 'modules found only by importing another one');
    await page.close();
  });

  it('the core is one file: core.js holds what it imports, the files loaded later import from it', () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'preload-manifest.json'), 'utf8'));
    assert.deepEqual(manifest.core, ['core.js']);
    const kudosFeed = readFileSync(join(distDir, 'elements', 'kudos-feed.js'), 'utf8');
    assert.match(
      kudosFeed,
      /from"\.\.\/core\.js"/,
      'a lazily loaded element imports lit and the client from core.js',
    );
  });

  it('dist/index.js as a module script: every element defined, each file fetched once, none the autoloader added', async () => {
    const page = await browser.newPage();
    const exceptions = [];
    const messages = [];
    page.on('pageerror', (error) => exceptions.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
    });
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/module.html`, { waitUntil: 'load' });
    const tags = builtElementTags();
    await page.waitForFunction((names) => names.every((name) => customElements.get(name)), tags, {
      timeout: 10_000,
    });
    assert.match(await waitForCardName(page), /\p{L}/u, 'the card shows a name');
    await page.waitForLoadState('networkidle');
    // index.js imports every file it needs itself (one level); the core it imports installs the
    // autoloader, whose imports must be files index.js has imported already, not second copies.
    const indexImports = [
      ...readFileSync(join(distDir, 'index.js'), 'utf8').matchAll(/import"\.\/([^"]+)"/g),
    ].map((match) => `/${match[1]}`);
    const elementFiles = scripts.filter((file) => file.startsWith('/elements/'));
    assert.ok(elementFiles.length >= tags.length - 1, `the elements' files were fetched: ${elementFiles}`);
    assert.deepEqual(
      elementFiles.filter((file) => !indexImports.includes(file)),
      [],
      'element files index.js does not import',
    );
    assert.deepEqual(
      scripts.filter((file, index) => scripts.indexOf(file) !== index),
      [],
      'files fetched twice',
    );
    assert.deepEqual(exceptions, []);
    assert.deepEqual(
      messages.filter((text) => /kring/i.test(text)),
      [],
      'Kring errors or warnings',
    );
    await page.close();
  });

  it("a page of cards with tracking off neither loads nor preloads write code (outbox, write effects), live updates, the announcer, the seen controller, the rest of the API or the problems' texts", async () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'preload-manifest.json'), 'utf8'));
    const onDemand = [
      'outbox',
      'live-client',
      'announcer',
      'seen-controller',
      'api',
      'community-problems',
      'community-messages',
    ].map((name) => [
      name,
      // The page's demo backend shares the model's value lists with the API.
      manifest.onDemand?.[name]?.filter((file) => !manifest.backends.demo.includes(file)),
    ]);
    for (const [name, files] of onDemand) assert.ok(files?.length, `the manifest lists ${name} as on demand`);
    // The write effects load with the outbox and with the live updates, as a file of their own.
    // Chunks are named by hash: the file is the one whose source map holds src/client/write-effects.ts.
    const effects = manifest.onDemand.outbox.filter((file) =>
      JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8')).sources.some((source) =>
        source.endsWith('src/client/write-effects.ts'),
      ),
    );
    assert.equal(effects.length, 1, 'the write effects are among the outbox files');
    onDemand.push(['write-effects', effects]);
    const page = await browser.newPage();
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/cards-tracking-off.html`, { waitUntil: 'load' });
    assert.match(await waitForCardName(page), /\p{L}/u, 'the card shows a name');
    // Whatever the page loads at start has been asked for once the network is quiet.
    await page.waitForLoadState('networkidle');
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname),
    );
    const loaded = new Set([...scripts, ...preloaded]);
    for (const [name, files] of onDemand) {
      assert.deepEqual(
        files.filter((file) => loaded.has(`/${file}`)),
        [],
        `a page of cards does not load ${name}`,
      );
    }
    await page.close();
  });

  it('loads the hover card only when a name is hovered, from files the manifest lists as on demand, never preloaded', async () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'preload-manifest.json'), 'utf8'));
    const hoverFiles = (manifest.onDemand?.['person-hover-card'] ?? []).map((file) => `/${file}`);
    assert.ok(hoverFiles.length > 0, 'the manifest lists the hover card as loaded on demand');
    const page = await browser.newPage();
    const exceptions = [];
    page.on('pageerror', (error) => exceptions.push(error.message));
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/strict-csp-hover.html`, { waitUntil: 'load' });
    assert.match(await waitForCardName(page), /\p{L}/u, 'the card shows a name');
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname),
    );
    assert.deepEqual(
      [...scripts, ...preloaded].filter((file) => hoverFiles.includes(file)),
      [],
      'a page of cards neither loads nor preloads the hover card',
    );
    const beforeHover = scripts.length;
    await page.hover('kring-profile-card [part~="name"] .person-hover');
    // Open, in the top layer, laid out by its own styles (adopted under the strict CSP).
    await page.waitForFunction(
      () => {
        const card = document
          .querySelector('kring-profile-card')
          ?.shadowRoot?.querySelector('.person-card:popover-open');
        return (
          card?.querySelector('kring-profile-card[view="full"]') &&
          getComputedStyle(card).position === 'fixed'
        );
      },
      undefined,
      { timeout: 10_000 },
    );
    const onHover = scripts.slice(beforeHover);
    assert.ok(
      hoverFiles.every((file) => onHover.includes(file)),
      `the hover loads the card's files: ${onHover}`,
    );
    const lazyElementFiles = Object.values(manifest.elements)
      .flat()
      .map((file) => `/${file}`);
    assert.deepEqual(
      onHover.filter((file) => !hoverFiles.includes(file) && !lazyElementFiles.includes(file)),
      [],
      'files the hover loaded that the manifest does not know',
    );
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(exceptions, []);
    await page.close();
  });

  it('loads the elements that other elements render in their shadow roots, two levels deep', async () => {
    const { page, exceptions, errors } = await open('/nested.html');
    const nested = [
      'kring-kudos-composer',
      'kring-people-picker',
      'kring-skill-list',
      'kring-ambassador-badge',
    ];
    await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), nested, {
      timeout: 10_000,
    });
    // Upgraded where they were rendered: the picker inside the composer inside the feed.
    const pickerUpgraded = await page.evaluate(() => {
      const composer = document
        .querySelector('kring-kudos-feed')
        ?.shadowRoot?.querySelector('kring-kudos-composer');
      const picker = composer?.shadowRoot?.querySelector('kring-people-picker');
      return !!picker?.shadowRoot && !picker.matches(':not(:defined)');
    });
    assert.ok(pickerUpgraded, "the people picker in the feed's composer is defined and rendered");
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    await page.close();
  });

  it('renders under a strict CSP with Trusted Types, without violations', async () => {
    const { page, exceptions, errors } = await open('/strict-csp.html');
    const name = await waitForCardName(page);
    assert.match(name, /\p{L}/u, 'the card shows a name');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    await page.close();
  });

  it('under a strict CSP with Trusted Types, every element the build ships loads and defines', async () => {
    const tags = builtElementTags();
    assert.ok(tags.length > 0, 'dist/elements/ is empty');
    const { page, exceptions, errors } = await open('/strict-csp-every-element.html');
    const undefinedTags = () =>
      page.evaluate((names) => names.filter((name) => !customElements.get(name)), tags);
    await page
      .waitForFunction((names) => names.every((name) => customElements.get(name)), tags, { timeout: 10_000 })
      .catch(() => undefined);
    const loadErrors = errors().filter((text) =>
      /could not be loaded|Content Security Policy|TrustedType/i.test(text),
    );
    // 'trusted-types-policy' here usually means two copies of lit on one page: each creates the
    // 'lit-html' policy, and the policy allows each name once (no 'allow-duplicates').
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
    assert.deepEqual(loadErrors, [], 'elements that failed to load');
    assert.deepEqual(exceptions, []);
    assert.deepEqual(await undefinedTags(), [], 'elements still undefined after 10 s');
    await page.close();
  });

  it('loaded twice: no exception, one warning naming both versions, the card still renders', async () => {
    const { page, exceptions, errors, warnings } = await open('/twice.html');
    const name = await waitForCardName(page);
    assert.match(name, /\p{L}/u);
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    const kringWarnings = warnings().filter((text) => /kring/i.test(text));
    assert.equal(kringWarnings.length, 1, `expected one Kring warning, got:\n${kringWarnings.join('\n')}`);
    assert.ok(kringWarnings[0].includes(version), `the warning names the first version (${version})`);
    assert.ok(
      kringWarnings[0].includes(otherVersion),
      `the warning names the second version (${otherVersion})`,
    );
    await page.close();
  });

  it('Kring.registerLanguage works before the core has loaded; German ships; missing strings fall back to English', async () => {
    const { page, exceptions, errors } = await open('/languages.html');
    // German loads on first use: wait for it, not only for the card's answer.
    await page.waitForFunction(
      () =>
        window.cardTexts().every((text) => text.includes('nobody@nowhere.invalid')) &&
        window.cardTexts()[1].includes('Profil nicht gefunden'),
      undefined,
      { timeout: 10_000 },
    );
    const [spanish, german] = await page.evaluate(() => window.cardTexts());
    assert.equal(await page.evaluate(() => window.__registerLanguageType), 'function');
    // es-MX → es (registered: one string) → en (every other string).
    assert.match(spanish, /Perfil no encontrado/);
    assert.match(spanish, /Nobody with “nobody@nowhere.invalid” is in the directory\./);
    // de-AT → de (shipped).
    assert.match(german, /Profil nicht gefunden/);
    assert.match(german, /Niemand mit „nobody@nowhere.invalid“ steht im Verzeichnis\./);
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    await page.close();
  });

  it('a Dutch page shows Dutch from its first text, never English first; an English page loads no Dutch', async () => {
    const { languages } = JSON.parse(readFileSync(join(distDir, 'preload-manifest.json'), 'utf8'));
    assert.ok(languages.nl?.length, 'Dutch strings are their own files');
    const path = (url) => new URL(url).pathname.slice(1);
    const { page, exceptions, errors } = await open('/dutch.html');
    await page.waitForFunction(
      () => {
        const [me, dutch, german] = window.cardTexts();
        return (
          /\p{L}/u.test(me) &&
          dutch.includes('Profiel niet gevonden') &&
          german.includes('Profil nicht gefunden')
        );
      },
      undefined,
      { timeout: 10_000 },
    );
    const [, dutch] = await page.evaluate(() => window.cardTexts());
    assert.match(dutch, /Niemand met “nobody@nowhere.invalid” staat in de adreslijst\./);
    const seen = await page.evaluate(() => [...window.__seen]);
    assert.ok(
      seen.some((text) => text.includes('Profiel niet gevonden')),
      'the recorder saw the cards',
    );
    assert.deepEqual(
      seen.filter((text) => ENGLISH.test(text)),
      [],
      'no English text was ever shown',
    );
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.href),
    );
    for (const file of languages.nl) assert.ok(preloaded.map(path).includes(file), `${file} is preloaded`);
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    await page.close();

    const english = await browser.newPage();
    const scripts = [];
    english.on('request', (request) => scripts.push(path(request.url())));
    await english.goto(`${server.url}/plain.html`, { waitUntil: 'load' });
    assert.match(await waitForCardName(english), /\p{L}/u, 'the card shows a name');
    assert.deepEqual(
      scripts.filter((file) => languages.nl.includes(file)),
      [],
      'an English page of cards does not load Dutch',
    );
    await english.close();
  });

  it('exposes window.Kring with configure()', async () => {
    const { page } = await open('/plain.html');
    const api = await page.evaluate(() => ({
      type: typeof window.Kring,
      configure: typeof window.Kring?.configure,
    }));
    assert.deepEqual(api, { type: 'object', configure: 'function' });
    await page.close();
  });

  it('Kring: what a page calls at any time once the core is here, the whole API once Kring.ready has resolved', async () => {
    const { page, exceptions, errors } = await open('/plain.html');
    await waitForCardName(page);
    const kinds = (names) =>
      page.evaluate(
        (list) => Object.fromEntries(list.map((name) => [name, typeof window.Kring[name]])),
        names,
      );
    const atOnce = [
      'signOut',
      'registerBackend',
      'availableLanguages',
      'provisionSharePointLists',
      'LANGUAGES',
    ];
    assert.deepEqual(await kinds(atOnce), {
      signOut: 'function',
      registerBackend: 'function',
      availableLanguages: 'function',
      provisionSharePointLists: 'function',
      LANGUAGES: 'object',
    });
    const later = [
      'KringKudosSentEvent',
      'KringReadyEvent',
      'createClient',
      'BackendError',
      'REACTION_TYPES',
    ];
    const resolved = await page.evaluate(async (names) => {
      const module = await window.Kring.ready;
      const same = names.every((name) => module[name] === window.Kring[name]);
      return {
        same,
        sentEvent: new window.Kring.KringKudosSentEvent({}).type,
        again: window.Kring.ready === window.Kring.ready,
      };
    }, later);
    assert.deepEqual(resolved, { same: true, sentEvent: 'kring-kudos-sent', again: true });
    assert.deepEqual(await kinds([...later, 'configure']), {
      KringKudosSentEvent: 'function',
      KringReadyEvent: 'function',
      createClient: 'function',
      BackendError: 'function',
      REACTION_TYPES: 'object',
      configure: 'function',
    });
    // The page keeps the loader's own `version` and buffered `configure`, not the modules'.
    assert.equal(await page.evaluate(() => window.Kring.version), version);
    assert.deepEqual(exceptions, []);
    assert.deepEqual(errors(), []);
    await page.close();
  });
});
