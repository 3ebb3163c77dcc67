// Every code block in the README and the embedding guides runs as written. A block is marked with the
// comment line above it (a blank line between is allowed), `<!-- snippet: KIND ARGUMENT -->`, which says how CI runs it:
//   page PATH          the HTML is served at PATH; Chromium opens it, every <kring-*> tag in it must be
//                      defined and render, every Kring file it asks for must exist, nothing may throw
//   fragment LOADER    the same, on a page that loads the script at LOADER first
//   more               HTML for the same page as the page or fragment before it
//   file PATH          served at PATH for the pages of the same document (a setup script, say)
//   copy-list          the files a guide tells you to copy; that guide's pages get only these
//   esm                a module for bundlers: type-checked with tsc and bundled with esbuild against
//                      the packed package, then opened in Chromium
//   json               must parse
//   not-run REASON     cannot run here (it needs MSAL, SPFx or a tenant, or it is a definition, not code);
//                      the reason is part of the marker, so a reader and a reviewer see it
//   typecheck          TypeScript in a project that has the packed package and imports it: tsc --strict
//   shell              commands: each must be an npm command or script this project has
//   wordpress-plugin, drupal-library, drupal-block   the CMS side: what it prints must be the page
//                      snippet of the same guide (script files in order, element markup)
//   sharepoint-console run in the SharePoint page's console once Kring is loaded
//   csp                the guide's pages are served with this Content-Security-Policy
//   style              a stylesheet the guide's pages link; every rule in it must parse
// Every element on a page must also reach its community (a sibling community without `page` does not
// serve it: the snippet would show "Not connected").
// REST and SharePoint APIs are answered in the browser (404), and their request headers recorded, so
// the CSRF set-ups of WordPress and Drupal are checked on real requests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { projectRoot } from '../../scripts/lib/entries.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { appDir, bin, packAndInstall, sh } from './install.mjs';

/** The documents whose every code block must be marked: the README and every guide under docs/. */
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(projectRoot, 'docs'), { recursive: true })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name.split(sep).join('/')}`)
    .sort(),
];

/** Documents whose pages are opened by the generic test (the others have tests of their own below). */
const GENERIC_PAGES = [
  'docs/ambassadors.md',
  'docs/open-badges.md',
  'docs/elements/expertise-finder.md',
  'docs/backends/graph.md',
  'docs/backends/rest.md',
  'docs/migrate-from-mgt.md',
];

const distDir = join(projectRoot, 'dist');
const manifest = JSON.parse(readFileSync(join(projectRoot, 'custom-elements.json'), 'utf8'));
const KRING_TAGS = new Set(
  manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((entry) => entry.tagName ?? []),
);
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));

/** Code blocks of a markdown file: `{ kind, argument, language, code, line }`; kind is undefined when unmarked. */
export function codeBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = lines[index].match(/^(\s*)(`{3,})(\S*)\s*$/);
    if (!fence) continue;
    const [, indent, ticks, language] = fence;
    const start = index;
    const body = [];
    for (index++; index < lines.length && lines[index].trim() !== ticks; index++) {
      body.push(lines[index].startsWith(indent) ? lines[index].slice(indent.length) : lines[index]);
    }
    // The marker is the line above the fence, or the one above a blank line (prettier puts one there).
    let above = start - 1;
    if (lines[above]?.trim() === '') above -= 1;
    const marker = lines[above]?.match(/^\s*<!-- snippet: (\S+)(?: (.+?))? -->\s*$/);
    blocks.push({
      kind: marker?.[1],
      argument: marker?.[2],
      language,
      code: `${body.join('\n')}\n`,
      line: start + 1,
    });
  }
  return blocks;
}

const documents = Object.fromEntries(
  DOCUMENTS.map((file) => [file, codeBlocks(readFileSync(join(projectRoot, file), 'utf8'))]),
);

/** Script URLs of a page snippet, in order, without query strings. */
const scriptSources = (html) =>
  [...html.matchAll(/<script[^>]*\ssrc="([^"?]+)[^"]*"/g)].map((match) => match[1]);
/** Top-level `{…}` blocks of a stylesheet, comments left out. */
const topLevelBlocks = ({ code }) => {
  let depth = 0;
  let count = 0;
  for (const character of code.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (character === '{' && depth++ === 0) count++;
    if (character === '}') depth--;
  }
  return count;
};
/** Kring's own tags in markup or created by a script (`createElement('kring-…')`). */
const kringTags = (code) =>
  [...new Set([...code.matchAll(/(?:<|createElement\(')(kring-[a-z-]+)/g)].map((match) => match[1]))].filter(
    (tag) => KRING_TAGS.has(tag),
  );

/** What a static host gets: the whole script-tag build, or only what a guide's copy list names. */
function staticFolder(copyList) {
  if (!copyList) return distDir;
  const folder = join(appDir, 'copied', String(Math.random()).slice(2));
  mkdirSync(folder, { recursive: true });
  for (const entry of copyList.code
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)) {
    cpSync(join(distDir, entry), join(folder, entry), { recursive: true });
  }
  return folder;
}

describe('doc snippets run as written', () => {
  let browser;
  const servers = [];

  before(async () => {
    assert.ok(existsSync(join(distDir, 'kring.iife.js')), 'run `npm run build` first');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    rmSync(join(appDir, 'copied'), { recursive: true, force: true });
  });

  it('every code block in the covered documents is marked with how CI runs it', () => {
    const unmarked = Object.entries(documents).flatMap(([file, blocks]) =>
      blocks.filter((block) => !block.kind).map((block) => `${file}:${block.line}`),
    );
    assert.deepEqual(unmarked, []);
  });

  it('every block that does not run says why, and JSON blocks parse', () => {
    for (const [file, blocks] of Object.entries(documents)) {
      for (const block of blocks) {
        if (block.kind === 'not-run')
          assert.ok(block.argument?.length > 5, `${file}:${block.line} gives a reason`);
        if (block.kind === 'json') assert.doesNotThrow(() => JSON.parse(block.code), `${file}:${block.line}`);
      }
    }
  });

  for (const file of GENERIC_PAGES) {
    it(`${file}: its pages and fragments render, connected to their community`, async () => {
      await checkPages(file);
    });
  }

  it('shell blocks name only npm commands and scripts this project has', () => {
    const scripts = new Set(Object.keys(packageJson.scripts));
    for (const [file, blocks] of Object.entries(documents)) {
      for (const block of blocks.filter((entry) => entry.kind === 'shell')) {
        const commands = block.code
          .split('\n')
          .map((line) => line.replace(/\s+#.*$/, '').trim())
          .filter(Boolean)
          .flatMap((line) => line.split('&&').map((part) => part.trim()));
        for (const command of commands) {
          const ok =
            /^npm (ci|test|start|install [a-z@/ -]+)$/.test(command) ||
            (command.startsWith('npm run ') && scripts.has(command.split(' ')[2])) ||
            (command.startsWith('npx web-test-runner ') &&
              existsSync(join(projectRoot, command.split(' ')[2])));
          assert.ok(ok, `${file}:${block.line}: \`${command}\``);
        }
      }
    }
  });

  /**
   * Opens every page and fragment of one document with its files, and returns what happened.
   * `api` matches the REST/SharePoint requests to answer and record.
   */
  async function openPages(
    file,
    { api = /\/(api\/kring|wp-json|_api|o\/kring)\//, answers = {}, waitForApi = false, globals } = {},
  ) {
    const blocks = documents[file];
    const copyList = blocks.find((block) => block.kind === 'copy-list');
    const csp = blocks
      .find((block) => block.kind === 'csp')
      ?.code.replace(/\s+/g, ' ')
      .trim();
    const styles = blocks.filter((block) => block.kind === 'style');
    const links = styles.map((block) => `<link rel="stylesheet" href="/style-${block.line}.css">`).join('');
    const pages = {};
    for (const block of styles) pages[`/style-${block.line}.css`] = { type: 'text/css', body: block.code };
    let previous;
    for (const block of blocks) {
      if (block.kind === 'page') previous = block.argument;
      if (block.kind === 'fragment') previous = `/fragment-${block.line}.html`;
      if (block.kind === 'page') pages[previous] = `${links}${block.code}`;
      if (block.kind === 'fragment') {
        pages[previous] = `${links}<script src="${block.argument}" defer></script>\n${block.code}`;
      }
      if (block.kind === 'more') pages[previous] += `\n${block.code}`;
      if (block.kind === 'file') pages[block.argument] = { type: 'text/javascript', body: block.code };
    }
    // A guide with stylesheets only: they style a page of its own.
    if (!previous && styles.length) {
      pages['/styled.html'] =
        `${links}<script src="/kring/kring.iife.js" defer></script>\n` +
        '<kring-community backend="demo" page></kring-community><kring-profile-card person="me"></kring-profile-card>';
    }
    // Mount the static files where the pages' script tags look for them.
    const folder = staticFolder(copyList);
    // (Script tags of the pages, and relative imports in the guide's own script files.)
    const fileImports = Object.entries(pages)
      .filter(([, page]) => typeof page !== 'string')
      .flatMap(([path, page]) =>
        [...page.body.matchAll(/from '(\.[^']+)'/g)].map(
          (match) => new URL(match[1], `http://host${path}`).pathname,
        ),
      );
    const prefixes = new Set(
      [
        ...Object.values(pages)
          .filter((page) => typeof page === 'string')
          .flatMap(scriptSources),
        ...fileImports,
      ]
        .filter((source) => /\/(kring\.iife|index)\.js$/.test(source))
        .map((source) => source.replace(/[^/]+$/, '')),
    );
    const scriptFiles = Object.values(pages)
      .filter((page) => typeof page !== 'string')
      .map((page) => page.body)
      .join('\n');
    const server = await startStaticServer({
      mounts: [...prefixes].map((prefix) => ({ prefix, dir: folder })),
      pages,
      headers: csp ? { 'content-security-policy': csp } : {},
    });
    servers.push(server);

    const results = [];
    for (const [path, html] of Object.entries(pages)) {
      if (typeof html !== 'string') continue;
      const tab = await browser.newPage();
      if (globals) await tab.addInitScript(globals);
      const exceptions = [];
      const failedFiles = [];
      const apiRequests = [];
      tab.on('pageerror', (error) => exceptions.push(error.message));
      tab.on('console', (message) => {
        if (/Content Security Policy|Trusted Type/i.test(message.text())) exceptions.push(message.text());
      });
      tab.on('response', (response) => {
        const url = new URL(response.url());
        if (response.status() >= 400 && !api.test(url.pathname))
          failedFiles.push(`${url.pathname} ${response.status()}`);
      });
      await tab.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.pathname in answers) return route.fulfill({ status: 200, body: answers[url.pathname] });
        if (api.test(url.pathname)) {
          apiRequests.push({ path: url.pathname, headers: route.request().headers() });
          return route.fulfill({
            status: 404,
            contentType: 'application/json',
            body: JSON.stringify({ code: 'not-found', message: 'Not found' }),
          });
        }
        // Snippets name real hosts (a SharePoint tenant); nothing leaves this machine.
        if (url.hostname !== '127.0.0.1') return route.abort();
        return route.fallback();
      });
      const firstApiRequest = waitForApi
        ? tab.waitForRequest((request) => api.test(new URL(request.url()).pathname), { timeout: 15_000 })
        : undefined;
      await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await firstApiRequest;
      const tags = kringTags(`${html}\n${scriptFiles}`);
      await tab
        .waitForFunction(
          (names) => names.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('*')),
          tags,
          { timeout: 15_000 },
        )
        .catch(() => {});
      const missing = await tab.evaluate(
        (names) => names.filter((tag) => !document.querySelector(tag)?.shadowRoot?.querySelector('*')),
        tags,
      );
      // Connected: every element found a community (the client arrives through context).
      await tab
        .waitForFunction(
          (names) =>
            names
              .filter((tag) => tag !== 'kring-community')
              .every((tag) => [...document.querySelectorAll(tag)].every((element) => element.client)),
          tags,
          { timeout: 10_000 },
        )
        .catch(() => {});
      const notConnected = await tab.evaluate(
        (names) =>
          names.filter(
            (tag) =>
              tag !== 'kring-community' &&
              [...document.querySelectorAll(tag)].some((element) => !element.client),
          ),
        tags,
      );
      // Stylesheets: as many rules as the snippet has top-level blocks (a rule that does not parse is dropped).
      const ruleCounts = await tab.evaluate(() =>
        [...document.styleSheets].filter((sheet) => sheet.href).map((sheet) => sheet.cssRules.length),
      );
      results.push({
        path,
        tab,
        tags,
        missing,
        notConnected,
        exceptions,
        failedFiles,
        apiRequests,
        ruleCounts,
        styles,
      });
    }
    return results;
  }

  async function checkPages(file, options) {
    const results = await openPages(file, options);
    assert.ok(results.length > 0, `${file} has a page snippet`);
    for (const {
      path,
      tab,
      tags,
      missing,
      notConnected,
      exceptions,
      failedFiles,
      ruleCounts,
      styles,
    } of results) {
      assert.deepEqual(missing, [], `${file} ${path}: tags not rendered (of ${tags.join(', ') || 'none'})`);
      assert.deepEqual(notConnected, [], `${file} ${path}: elements no community serves`);
      assert.deepEqual(
        ruleCounts,
        styles.map(topLevelBlocks),
        `${file} ${path}: CSS rules that did not parse`,
      );
      assert.deepEqual(exceptions, [], `${file} ${path}: uncaught errors`);
      assert.deepEqual(failedFiles, [], `${file} ${path}: files that failed to load`);
      await tab.close();
    }
    return results;
  }

  it('README: the script-tag page', async () => {
    await checkPages('README.md');
  });

  it('getting started: script-tag pages, the setup script and the module page', async () => {
    await checkPages('docs/getting-started.md');
  });

  it('getting started: the bundler module type-checks, builds with esbuild and defines its elements', async () => {
    const block = documents['docs/getting-started.md'].find((entry) => entry.kind === 'esm');
    assert.ok(block, 'an esm snippet');
    packAndInstall();
    const dir = join(appDir, 'snippets');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bundler.ts'), block.code);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          // The package's own declarations are checked by the React and Vue consumers.
          skipLibCheck: true,
          types: [],
        },
        files: ['bundler.ts'],
      }),
    );
    sh(bin('tsc'), ['-p', join(dir, 'tsconfig.json')], dir);
    const esbuild = await import('esbuild');
    const outDir = join(dir, 'dist');
    await esbuild.build({
      entryPoints: [join(dir, 'bundler.ts')],
      absWorkingDir: dir,
      bundle: true,
      minify: true,
      format: 'esm',
      outdir: outDir,
      logLevel: 'error',
    });
    const tags = block.code.match(/kring\/elements\/[a-z-]+/g).map((entry) => `kring-${entry.split('/')[2]}`);
    const server = await startStaticServer({
      mounts: [{ prefix: '/', dir: outDir }],
      pages: {
        '/bundler.html': `<script type="module" src="/bundler.js"></script>
<kring-community backend="demo" page></kring-community><kring-profile-card person="me"></kring-profile-card>`,
      },
    });
    servers.push(server);
    const tab = await browser.newPage();
    const exceptions = [];
    tab.on('pageerror', (error) => exceptions.push(error.message));
    await tab.goto(`${server.url}/bundler.html`);
    await tab.waitForFunction(
      (names) => names.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('*')),
      tags,
      { timeout: 15_000 },
    );
    assert.deepEqual(exceptions, []);
    await tab.close();
  });

  it('TypeScript snippets type-check against the packed package (tsc --strict)', () => {
    const blocks = Object.entries(documents).flatMap(([file, entries]) =>
      entries.filter((block) => block.kind === 'typecheck').map((block) => ({ file, ...block })),
    );
    assert.ok(blocks.length > 0, 'typecheck snippets');
    packAndInstall();
    const dir = join(appDir, 'typecheck');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // The project imports Kring somewhere, as any app that uses it does.
    writeFileSync(join(dir, 'app.ts'), "import 'kring';\n");
    const files = ['app.ts'];
    for (const block of blocks) {
      const name = `${block.file.replace(/\W+/g, '-')}-${block.line}.ts`;
      // Each snippet is a module of its own (top-level names of two snippets do not clash).
      writeFileSync(
        join(dir, name),
        /^\s*(import|export)\b/m.test(block.code) ? block.code : `${block.code}export {};\n`,
      );
      files.push(name);
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files,
      }),
    );
    sh(bin('tsc'), ['-p', join(dir, 'tsconfig.json')], dir);
  });

  it('WordPress: the plugin loads the script-tag loader, and every REST request carries the nonce', async () => {
    const file = 'docs/embedding/wordpress.md';
    const blocks = documents[file];
    const plugin = blocks.find((block) => block.kind === 'wordpress-plugin').code;
    const page = blocks.find((block) => block.kind === 'page').code;
    // The plugin enqueues exactly the page's scripts, in order, and prints its markup.
    const enqueued = [...plugin.matchAll(/plugins_url\('([^']+)'/g)].map((match) => match[1]);
    assert.deepEqual(
      scriptSources(page),
      enqueued.map((path) => `/wp-content/plugins/kring/${path}`),
    );
    assert.ok(enqueued[0].endsWith('kring.iife.js'), 'the loader comes first');
    const format = plugin.match(/sprintf\(\s*'([^']+)'/)[1];
    assert.ok(
      page.includes(format.replace('%s', '/wp-json/kring/v1').replace('%s', 'me')),
      'the shortcode markup',
    );
    const nonce = page.match(/name="kring-wp-nonce" content="([^"]+)"/)[1];

    const [result] = await checkPages(file, { waitForApi: true });
    assert.ok(result.apiRequests.length > 0, 'the elements asked the REST API');
    for (const request of result.apiRequests) {
      assert.equal(request.headers['x-wp-nonce'], nonce, `${request.path} carries the nonce`);
    }
  });

  it('Drupal: the library loads the script-tag loader, and every REST request carries the CSRF token', async () => {
    const file = 'docs/embedding/drupal.md';
    const blocks = documents[file];
    const library = blocks.find((block) => block.kind === 'drupal-library').code;
    const block = blocks.find((entry) => entry.kind === 'drupal-block').code;
    const page = blocks.find((entry) => entry.kind === 'page').code;
    const libraryFiles = [...library.matchAll(/^\s{4}(\S+\.js):\s*\{([^\n]*)\}\s*$/gm)];
    assert.deepEqual(
      scriptSources(page),
      libraryFiles.map((match) => `/modules/custom/kring/${match[1]}`),
    );
    for (const match of libraryFiles) assert.match(match[2], /defer: true/, `${match[1]} is deferred`);
    const template = block.match(/'#template' => '([^']+)'/)[1];
    assert.ok(page.includes(template.replace('{{ endpoint }}', '/api/kring')), 'the block markup');

    const token = 'drupal-session-token';
    const [result] = await checkPages(file, { answers: { '/session/token': token }, waitForApi: true });
    assert.ok(result.apiRequests.length > 0, 'the elements asked the REST API');
    for (const request of result.apiRequests) {
      assert.equal(request.headers['x-csrf-token'], token, `${request.path} carries the token`);
    }
  });

  it('configuration: the setup page runs under the documented Content Security Policy', async () => {
    await checkPages('docs/configuration.md');
  });

  it('theming: every stylesheet parses and the themed page renders', async () => {
    await checkPages('docs/theming.md');
  });

  it('kudos elements: the snippets render, connected to their community', async () => {
    await checkPages('docs/elements/kudos.md');
  });

  it('invitations: the snippet renders, connected to its community', async () => {
    await checkPages('docs/invitations.md');
  });

  it('Liferay: the client extension loads the module build, and every REST request carries the token', async () => {
    const file = 'docs/embedding/liferay.md';
    const blocks = documents[file];
    const extension = blocks.find((block) => block.kind === 'liferay-extension').code;
    const page = blocks.find((block) => block.kind === 'page').code;
    assert.match(extension, /useESM: true/);
    const [, element] = extension.match(/htmlElementName: (\S+)/);
    assert.ok(page.includes(`<${element}>`), 'the page holds the extension element');
    const [, url] = extension.match(/urls:\s*\n\s*- (\S+)/);
    assert.deepEqual(scriptSources(page), [`/o/kring-liferay/${url}`]);

    const authToken = 'liferay-p-auth';
    const results = await checkPages(file, {
      waitForApi: true,
      // Stands in for what Liferay's own scripts define on every page.
      globals: `window.Liferay = { authToken: ${JSON.stringify(authToken)}, ThemeDisplay: { getBCP47LanguageId: () => 'nl' } };`,
    });
    const [result] = results;
    assert.deepEqual(
      result.tags,
      ['kring-community', 'kring-kudos-feed'],
      'the elements the wrapper creates',
    );
    assert.ok(result.apiRequests.length > 0, 'the elements asked the REST API');
    for (const request of result.apiRequests) {
      assert.equal(request.headers['x-csrf-token'], authToken, `${request.path} carries the token`);
    }
  });

  it('SharePoint Server: the copy list is enough for the page, and the provisioning call runs', async () => {
    const file = 'docs/embedding/sharepoint-server.md';
    const results = await openPages(file);
    assert.equal(results.length, 1);
    const [{ tab, tags, missing, exceptions, failedFiles }] = results;
    assert.deepEqual(missing, [], `tags not rendered (of ${tags.join(', ')})`);
    assert.deepEqual(exceptions, []);
    assert.deepEqual(failedFiles, [], 'files missing from the copy list');
    const consoleSnippet = documents[file].find((block) => block.kind === 'sharepoint-console').code;
    const outcome = await tab.evaluate(async (code) => {
      window._spPageContextInfo = { webAbsoluteUrl: `${location.origin}/sites/kring` };
      await window.Kring.ready;
      try {
        await new Function(`return (async () => { ${code} })()`)();
        return 'resolved';
      } catch (error) {
        return error?.name ?? String(error);
      }
    }, consoleSnippet);
    // The lists API answers 404 here: the call must get as far as asking it, not fail in the page.
    assert.ok(
      !['ReferenceError', 'TypeError', 'SyntaxError'].includes(outcome),
      `the snippet failed: ${outcome}`,
    );
    await tab.close();
  });
});
