// kring.sppkg as SharePoint Online receives it: the package's structure (AppManifest, ClientSideAssets,
// each component's manifest), then every web part run from the package's own ClientSideAssets in
// Chromium, on a fake SharePoint page (test/spfx/fake-sharepoint-host.ts) under a CSP whose script-src
// is the page's origin only (where SharePoint serves the app catalog's assets), showing data from the
// project's SharePoint, Graph and REST imitations.
// Run: `npm run build:spfx && node --test test/spfx/sppkg.test.mjs` (npm test does both).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../../scripts/lib/entries.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { demoDynamic } from '../../scripts/lib/demo-site.mjs';
import { buildFakeHostIfNeeded, fakeHostBuild, readZip, xmlAttribute } from './sppkg.mjs';
import { attributeModule, generatedFile } from '../../scripts/spfx-attributes.mjs';

const sppkg = join(projectRoot, 'spfx', 'sharepoint', 'solution', 'kring.sppkg');
const solution = JSON.parse(
  readFileSync(join(projectRoot, 'spfx', 'config', 'package-solution.json'), 'utf8'),
);
const spfxPackage = JSON.parse(readFileSync(join(projectRoot, 'spfx', 'package.json'), 'utf8'));
const customElements = JSON.parse(readFileSync(join(projectRoot, 'custom-elements.json'), 'utf8'));
const SITE = '/sites/kring';
const ASSETS = `/sites/appcatalog/ClientSideAssets/${solution.solution.id}/`;
// SharePoint Online's enforced policy allows scripts from the tenant's trusted sources only: here the
// page's own origin, which serves the app catalog's ClientSideAssets. No inline script, no eval.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** What each web part must show (its shadow root's text), with the properties the page gives it. */
const WEB_PARTS = {
  // The card shows the person's ambassador badge: its element loads too.
  KringProfileCardWebPart: { shows: /\d+ endorsements?/, uses: ['ambassador-badge'] },
  KringExpertiseFinderWebPart: { properties: { query: 'SEO' }, shows: /SEO[\s\S]*SEO/, part: 'name' },
  KringKudosFeedWebPart: { shows: /Value: /, part: 'composer' },
  KringInviteWebPart: { shows: /\d of \d invitations left this month/ },
  // The programme shows the reader's badges with the badge element.
  KringAmbassadorProgrammeWebPart: { shows: /Your roles/, uses: ['ambassador-badge'] },
  KringAmbassadorBadgeWebPart: { shows: /(starter|active|champion) level/ },
  KringPulseWebPart: { shows: /Members \d+/ },
  KringReportWebPart: { shows: /colleagues gave each other kudos/ },
  KringPioneersWebPart: { shows: /who connects departments[\s\S]*1 \S+/ },
  // The landing page of an invitation link: the reader arrives with a valid code in the address.
  KringWelcomeWebPart: { arriveWithInvite: true, shows: /invited you to join/ },
};

/** Each web part's element. */
const WEB_PART_TAGS = {
  KringProfileCardWebPart: 'kring-profile-card',
  KringExpertiseFinderWebPart: 'kring-expertise-finder',
  KringKudosFeedWebPart: 'kring-kudos-feed',
  KringInviteWebPart: 'kring-invite',
  KringAmbassadorProgrammeWebPart: 'kring-ambassador-programme',
  KringAmbassadorBadgeWebPart: 'kring-ambassador-badge',
  KringPulseWebPart: 'kring-pulse',
  KringReportWebPart: 'kring-report',
  KringPioneersWebPart: 'kring-pioneers',
  KringWelcomeWebPart: 'kring-welcome',
};

let files;
let manifests;
let assetsDir;
let server;
let browser;

function componentManifest(alias) {
  const manifest = manifests.find((candidate) => candidate.alias === alias);
  assert.ok(manifest, `the package has no component ${alias}`);
  return manifest;
}

function elementAttributes(tag) {
  for (const module of customElements.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag)
        return (declaration.attributes ?? []).map((attribute) => attribute.name);
    }
  }
  return [];
}

/** Opens a fake SharePoint page with `components`; returns the page, its script loads and problems. */
async function openPage(components, { culture = 'en-US', query = '', arriveWithInvite = false } = {}) {
  const spec = {
    site: SITE,
    culture,
    assetsBase: ASSETS,
    endpoint: '/api/kring',
    components,
    arriveWithInvite,
  };
  const path = `${SITE}/SitePages/test-${Math.random().toString(36).slice(2)}.aspx`;
  server.setPage(
    path,
    `<!doctype html><html lang="${culture.slice(0, 2)}"><head><meta charset="utf-8"><title>Kring test page</title>` +
      `<script type="application/json" id="spfx-page">${JSON.stringify(spec).replace(/</g, '\\u003c')}</script>` +
      '<script type="module" src="/_fake/fake-sharepoint-host.js"></script></head>' +
      '<body><main id="canvas"></main></body></html>',
  );
  const page = await browser.newPage();
  const scripts = [];
  const problems = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(ASSETS)) scripts.push(url.pathname.slice(ASSETS.length));
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${server.url}${path}${query}`);
  await page.waitForFunction(() => window.fakeSharePoint?.ready || window.fakeSharePoint?.error);
  const error = await page.evaluate(() => window.fakeSharePoint.error);
  assert.equal(error, '', 'the fake SharePoint page booted the components');
  return { page, scripts, problems };
}

/** Waits until the web part at `index` shows text matching `pattern`; returns that text. */
async function shownText(page, index, pattern) {
  const handle = await page.waitForFunction(
    ({ index, source }) => {
      const element = document.querySelectorAll('[data-sp-web-part-id] > *')[index];
      const text = element?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
      return new RegExp(source).test(text) ? text : false;
    },
    { index, source: pattern.source },
    { timeout: 20_000 },
  );
  return handle.jsonValue();
}

function gzipSize(names) {
  return names.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assetsDir, name)), { level: 9 }).length,
    0,
  );
}

describe('kring.sppkg', () => {
  before(async () => {
    assert.ok(existsSync(sppkg), 'spfx/sharepoint/solution/kring.sppkg is missing: run npm run build:spfx');
    files = readZip(sppkg);
    manifests = [...files]
      .filter(([name]) => /\/(WebPart|Extension)_[0-9a-f-]+\.xml$/.test(name))
      .map(([, data]) =>
        JSON.parse(xmlAttribute(data.toString('utf8'), 'ClientSideComponent', 'ComponentManifest')),
      );
    assetsDir = mkdtempSync(join(tmpdir(), 'kring-sppkg-'));
    for (const [name, data] of files) {
      if (!name.startsWith('ClientSideAssets/') || name.endsWith('/')) continue;
      mkdirSync(dirname(join(assetsDir, name)), { recursive: true });
      writeFileSync(join(assetsDir, name), data);
    }
    assetsDir = join(assetsDir, 'ClientSideAssets');
    await buildFakeHostIfNeeded();
    server = await startStaticServer({
      mounts: [
        { prefix: ASSETS, dir: assetsDir },
        { prefix: '/_fake/', dir: fakeHostBuild },
      ],
      dynamic: demoDynamic,
      headers: { 'content-security-policy': CSP },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (assetsDir) rmSync(dirname(assetsDir), { recursive: true, force: true });
  });

  it('is an app package SharePoint accepts: AppManifest, content types, client-side assets, feature', () => {
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'AppManifest.xml', 'ClientSideAssets.xml']) {
      assert.ok(files.has(name), `${name} is in the package`);
    }
    const app = files.get('AppManifest.xml').toString('utf8');
    assert.equal(xmlAttribute(app, 'App', 'ProductID'), solution.solution.id);
    assert.equal(xmlAttribute(app, 'App', 'Version'), solution.solution.version);
    assert.equal(xmlAttribute(app, 'App', 'IsClientSideSolution'), 'true');
    assert.equal(
      xmlAttribute(app, 'App', 'SkipFeatureDeployment'),
      'true',
      'can be made available tenant-wide',
    );
    const permissions = [
      ...app.matchAll(/<WebApiPermissionRequest ResourceId="([^"]+)" Scope="([^"]+)"/g),
    ].map(([, resource, scope]) => `${resource}: ${scope}`);
    assert.deepEqual(permissions, [
      'Microsoft Graph: User.Read',
      'Microsoft Graph: User.Read.All',
      'Microsoft Graph: Sites.ReadWrite.All',
      'Kring Server: access_as_user',
    ]);
    const assets = [...files.keys()].filter(
      (name) => name.startsWith('ClientSideAssets/') && name.endsWith('.js'),
    );
    assert.ok(assets.length > 10, 'the bundles ship inside the package (includeClientSideAssets)');
    const featureId = solution.solution.features[0].id;
    const elements = files.get(`${featureId}/elements.xml`)?.toString('utf8') ?? '';
    assert.match(elements, /Location="ClientSideExtension\.ApplicationCustomizer"/);
    assert.equal(
      xmlAttribute(elements, 'CustomAction', 'ClientSideComponentId'),
      componentManifest('KringCommunityApplicationCustomizer').id,
    );
  });

  it('has a web part per element, each with its id, version, nl and en titles, an icon and attribute properties', () => {
    const webParts = manifests.filter((manifest) => manifest.componentType === 'WebPart');
    assert.deepEqual(webParts.map((manifest) => manifest.alias).sort(), Object.keys(WEB_PARTS).sort());
    assert.equal(new Set(manifests.map((manifest) => manifest.id)).size, manifests.length, 'ids are unique');
    for (const manifest of webParts) {
      assert.match(manifest.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(manifest.version, spfxPackage.version, `${manifest.alias} carries the solution's version`);
      assert.notEqual(manifest.requiresCustomScript, true, `${manifest.alias} needs no custom script`);
      const entry = manifest.preconfiguredEntries[0];
      assert.ok(
        entry.title.default && entry.title['nl-NL'],
        `${manifest.alias} has an English and a Dutch title`,
      );
      assert.ok(
        entry.description.default && entry.description['nl-NL'],
        `${manifest.alias} has both descriptions`,
      );
      assert.ok(entry.officeFabricIconFontName || entry.iconImageUrl, `${manifest.alias} has an icon`);
      const entryScript = manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId];
      assert.ok(
        files.has(`ClientSideAssets/${entryScript.path}`),
        `${manifest.alias}'s bundle is in the package`,
      );
    }
  });

  it('offers in its property panes the same allowed values the elements validate against', () => {
    assert.equal(
      readFileSync(generatedFile, 'utf8'),
      attributeModule(),
      'spfx/src/generated/kring-attributes.ts is stale: run node scripts/spfx-attributes.mjs',
    );
  });

  for (const [alias, expected] of Object.entries(WEB_PARTS)) {
    it(`${alias} runs from the package on a SharePoint page and shows data`, async () => {
      const manifest = componentManifest(alias);
      const { page, scripts, problems } = await openPage([{ manifest, properties: expected.properties }], {
        arriveWithInvite: expected.arriveWithInvite,
      });
      try {
        const tag = await page.evaluate(() => document.querySelector('[data-sp-web-part-id] > *')?.localName);
        await shownText(page, 0, expected.shows);
        if (expected.part) {
          const found = await page.evaluate(
            ({ part }) =>
              Boolean(
                document
                  .querySelector('[data-sp-web-part-id] > *')
                  ?.shadowRoot?.querySelector(`[part~="${part}"]`),
              ),
            { part: expected.part },
          );
          assert.ok(found, `<${tag}> shows its ${expected.part}`);
        }
        // The property pane edits the element's own attributes (and the connection settings).
        const pane = await page.evaluate(() => window.fakeSharePoint.propertyPane(0));
        const fields = pane.pages.flatMap((pagePane) =>
          pagePane.groups.flatMap((group) => group.groupFields),
        );
        const attributes = new Set([
          ...elementAttributes(tag),
          'backend',
          'site-url',
          'endpoint',
          'server-resource',
        ]);
        for (const field of fields.filter((candidate) => candidate.type !== 11 && candidate.type !== 7)) {
          assert.ok(
            attributes.has(field.targetProperty),
            `<${tag}> has an attribute ${field.targetProperty}`,
          );
        }
        // Only this web part's element (and the elements it renders) arrived: no other web part's element
        // is defined. (The profile card is part of the Kring core, which every web part loads.)
        const webPartTags = Object.values(WEB_PART_TAGS);
        const allowed = new Set([
          tag,
          'kring-profile-card',
          ...(expected.uses ?? []).map((name) => `kring-${name}`),
        ]);
        const defined = await page.evaluate(
          (tags) => tags.filter((name) => customElements.get(name)),
          webPartTags,
        );
        assert.deepEqual(
          defined.filter((name) => !allowed.has(name)),
          [],
          `${alias} loads no other web part's element`,
        );
        assert.ok(defined.includes(tag), `<${tag}> is defined`);
        assert.deepEqual(problems, [], 'no CSP violation, script error or failed request');
        const bytes = gzipSize([...new Set(scripts)]);
        console.log(`  ${alias}: ${new Set(scripts).size} files, ${(bytes / 1024).toFixed(1)} KB gzip`);
      } finally {
        await page.close();
      }
    });
  }

  it('uses the page digest for writes and SharePoint REST through SPHttpClient (OData v4)', async () => {
    const { page, problems } = await openPage([
      { manifest: componentManifest('KringAmbassadorProgrammeWebPart') },
    ]);
    try {
      await shownText(page, 0, /Your roles/);
      // Choosing a role is a list write: it must carry the digest the page was rendered with.
      await page.evaluate(() => {
        const programme = document.querySelector('kring-ambassador-programme');
        const box = programme.shadowRoot.querySelector('input[type="checkbox"]:not(:checked)');
        box.click();
      });
      const write = await page.waitForFunction(() =>
        window.fakeSharePoint.requests.find(
          (request) => request.method !== 'GET' && /\/_api\//.test(request.url),
        ),
      );
      const request = await write.jsonValue();
      const state = await page.evaluate(() => ({
        pageDigest: window.fakeSharePoint.pageDigest,
        before: window.fakeSharePoint.digestsBeforeKring,
        issued: window.fakeSharePoint.digestsIssued,
        odata: [
          ...new Set(
            window.fakeSharePoint.requests.filter((r) => r.url.includes('/_api/')).map((r) => r.odataVersion),
          ),
        ],
      }));
      assert.equal(request.digest, state.pageDigest, 'the write carries the page’s digest');
      assert.equal(state.issued, state.before, 'no contextinfo round trip');
      assert.deepEqual(state.odata, ['4.0'], 'every SharePoint request went through SPHttpClient');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('shares one page-level community between the extension and every web part', async () => {
    const { page, scripts, problems } = await openPage([
      {
        manifest: componentManifest('KringCommunityApplicationCustomizer'),
        properties: { backend: 'sharepoint' },
      },
      { manifest: componentManifest('KringProfileCardWebPart') },
      { manifest: componentManifest('KringKudosFeedWebPart') },
    ]);
    try {
      await shownText(page, 0, WEB_PARTS.KringProfileCardWebPart.shows);
      await shownText(page, 1, WEB_PARTS.KringKudosFeedWebPart.shows);
      assert.equal(await page.evaluate(() => document.querySelectorAll('kring-community').length), 1);
      assert.equal(
        scripts.filter((name) => name.startsWith('chunk.kring-host_')).length,
        1,
        'the core loads once',
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('reads Microsoft Graph with a token from aadTokenProviderFactory', async () => {
    const { page, problems } = await openPage([
      { manifest: componentManifest('KringProfileCardWebPart'), properties: { backend: 'graph' } },
    ]);
    try {
      const shownName = await page.waitForFunction(
        () =>
          document
            .querySelector('kring-profile-card')
            ?.shadowRoot?.querySelector('[part~="name"]')
            ?.textContent?.trim() || false,
        undefined,
        { timeout: 20_000 },
      );
      const name = await shownName.jsonValue();
      const graphRequests = await page.evaluate(() =>
        window.fakeSharePoint.requests.filter((r) => r.url.startsWith('https://graph.microsoft.com/')),
      );
      assert.ok(graphRequests.length > 0, 'the card read Microsoft Graph');
      for (const request of graphRequests) {
        assert.equal(
          request.authorization,
          'Bearer fake-entra-token-for-https://graph.microsoft.com',
          request.url,
        );
      }
      assert.ok(name?.trim(), 'the card shows the signed-in person’s name');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('reconnects the page when an editor switches a web part to Microsoft Graph, but not over the extension', async () => {
    const alone = await openPage([{ manifest: componentManifest('KringProfileCardWebPart') }]);
    try {
      await shownText(alone.page, 0, WEB_PARTS.KringProfileCardWebPart.shows);
      await alone.page.evaluate(() => window.fakeSharePoint.changeProperty(0, 'backend', 'graph'));
      await alone.page.waitForFunction(() =>
        window.fakeSharePoint.requests.some((r) => r.url.startsWith('https://graph.microsoft.com/')),
      );
      assert.equal(
        await alone.page.evaluate(() => document.querySelector('kring-community').getAttribute('backend')),
        'graph',
      );
      assert.deepEqual(alone.problems, []);
    } finally {
      await alone.page.close();
    }
    const withExtension = await openPage([
      {
        manifest: componentManifest('KringCommunityApplicationCustomizer'),
        properties: { backend: 'sharepoint' },
      },
      { manifest: componentManifest('KringProfileCardWebPart') },
    ]);
    try {
      await shownText(withExtension.page, 0, WEB_PARTS.KringProfileCardWebPart.shows);
      await withExtension.page.evaluate(() => window.fakeSharePoint.changeProperty(0, 'backend', 'graph'));
      assert.equal(
        await withExtension.page.evaluate(() =>
          document.querySelector('kring-community').getAttribute('backend'),
        ),
        'sharepoint',
        'the extension’s tenant-wide connection wins',
      );
    } finally {
      await withExtension.page.close();
    }
  });

  it('reaches Kring Server through AadHttpClient with a token for the server’s app registration', async () => {
    const resource = 'api://kring.contoso.example';
    const { page, problems } = await openPage([
      {
        manifest: componentManifest('KringProfileCardWebPart'),
        properties: { backend: 'rest', endpoint: '/api/kring', 'server-resource': resource },
      },
    ]);
    try {
      await shownText(page, 0, /\d+ endorsements?/);
      const restRequests = await page.evaluate(() =>
        window.fakeSharePoint.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/kring')),
      );
      assert.ok(restRequests.length > 0);
      for (const request of restRequests)
        assert.equal(request.authorization, `Bearer fake-entra-token-for-${resource}`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('speaks Dutch on a Dutch page, and the property pane offers the values the element accepts', async () => {
    const { page, problems } = await openPage([{ manifest: componentManifest('KringProfileCardWebPart') }], {
      culture: 'nl-NL',
    });
    try {
      await shownText(page, 0, /\d+ aanbeveling/);
      const pane = await page.evaluate(() => window.fakeSharePoint.propertyPane(0));
      const view = pane.pages[0].groups[0].groupFields.find((field) => field.targetProperty === 'view');
      assert.deepEqual(
        view.properties.options.map((option) => option.key),
        ['compact', 'full'],
      );
      assert.equal(pane.pages[1].groups[0].groupName, 'Verbinding');
      await page.evaluate(() => window.fakeSharePoint.changeProperty(0, 'view', 'compact'));
      assert.equal(
        await page.evaluate(() => document.querySelector('kring-profile-card').getAttribute('view')),
        'compact',
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('lets an editor pick the person with Kring’s people picker in the property pane', async () => {
    const { page, problems } = await openPage([{ manifest: componentManifest('KringProfileCardWebPart') }]);
    try {
      await shownText(page, 0, WEB_PARTS.KringProfileCardWebPart.shows);
      await page.evaluate(() => window.fakeSharePoint.renderCustomField(0, 'kring-person-person'));
      const input = page.locator('.property-pane kring-people-picker [role="combobox"]');
      await input.fill('Mees');
      const option = page.locator('.property-pane kring-people-picker [role="option"]').first();
      const chosen = (await option.textContent()).trim();
      await option.click();
      await page.waitForFunction(
        () => document.querySelector('kring-profile-card').getAttribute('person') !== 'me',
      );
      const name = await shownText(page, 0, /Mees/);
      assert.match(chosen, /Mees/);
      assert.match(name, /Mees/, 'the card now shows the chosen colleague');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('creates the community lists when a site owner confirms, through SPHttpClient', async () => {
    const { page, problems } = await openPage([{ manifest: componentManifest('KringPulseWebPart') }]);
    try {
      await shownText(page, 0, WEB_PARTS.KringPulseWebPart.shows);
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.accept();
      });
      await page.evaluate(() => window.fakeSharePoint.clickButton(0, 'provision'));
      const status = await page.waitForFunction(() => {
        const pane = window.fakeSharePoint.propertyPane(0);
        const label = pane.pages.at(-1).groups[0].groupFields.find((field) => field.type === 7);
        return label && !/Creating/.test(label.properties.text) ? label.properties.text : false;
      });
      assert.match(dialogs[0] ?? '', /Create the Kring lists/);
      assert.match(await status.jsonValue(), /^Done: \d+ lists and \d+ columns created/);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
