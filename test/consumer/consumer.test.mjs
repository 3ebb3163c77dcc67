// The packed tarball as a new user gets it: `npm pack`, installed into scratch apps that Vite, webpack
// and esbuild build for production, each importing every element entry (one page) and the index (another
// page); Chromium opens each build and every tag must be defined and render. A React 19 TSX file and a
// Vue 3 SFC using Kring's tags and events must type-check (tsc, vue-tsc --strictTemplates).
// Scratch installs are cached under `.consumer/` (git-ignored); only the tarball is reinstalled.
// Run: `npm run build && node --test test/consumer/consumer.test.mjs` (npm test does both).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/entries.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { appDir, bin, packAndInstall, packageDir, shAsync } from './install.mjs';

const fixtures = join(projectRoot, 'test', 'consumer', 'fixtures');

/** Tags in the installed package's manifest, and its element entries (`kring/elements/<name>`). */
function installedElements() {
  const manifest = JSON.parse(readFileSync(join(packageDir(), 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .map((declaration) => declaration.tagName)
    .filter(Boolean)
    .sort();
  const elementsDir = join(packageDir(), 'dist', 'esm', 'elements');
  const entries = readdirSync(elementsDir)
    .filter((name) => existsSync(join(elementsDir, name, 'define.js')))
    .sort();
  return { tags, entries };
}

function writeSources(dir, entries) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'elements.js'),
    entries.map((name) => `import 'kring/elements/${name}';\n`).join(''),
  );
  writeFileSync(join(dir, 'index.js'), `import 'kring';\n`);
}

const skillListPerson = {
  id: 'consumer-1',
  name: 'Ann de Vries',
  skills: [{ name: 'Power BI', level: 'expert', tags: [], endorsements: 2, endorsedByMe: false }],
  isManagement: false,
  links: [],
};

/** The page: a page-wide demo community and one of every tag. */
function page(tags, script) {
  const attributes = { 'kring-profile-card': ' person="me"', 'kring-community': ' backend="demo" page' };
  const body = tags.map((tag) => `<${tag}${attributes[tag] ?? ''}></${tag}>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>consumer</title>${script}</head>
<body>
${body}
<script>
  // The skill list shows a person handed over as a property (it has no attribute for one).
  customElements.whenDefined('kring-skill-list').then(() => {
    document.querySelector('kring-skill-list').person = ${JSON.stringify(skillListPerson)};
  });
</script>
</body>
</html>
`;
}

const bundlers = {
  async vite(entries, tags) {
    const dir = join(appDir, 'vite');
    writeSources(dir, entries);
    writeFileSync(
      join(dir, 'elements.html'),
      page(tags, '<script type="module" src="./elements.js"></script>'),
    );
    writeFileSync(join(dir, 'index.html'), page(tags, '<script type="module" src="./index.js"></script>'));
    const { build } = await import('vite');
    await build({
      root: dir,
      configFile: false,
      logLevel: 'error',
      mode: 'production',
      build: {
        outDir: join(dir, 'dist'),
        emptyOutDir: true,
        rollupOptions: { input: { elements: join(dir, 'elements.html'), index: join(dir, 'index.html') } },
      },
    });
    return join(dir, 'dist');
  },

  async webpack(entries, tags) {
    const dir = join(appDir, 'webpack');
    writeSources(dir, entries);
    const outDir = join(dir, 'dist');
    rmSync(outDir, { recursive: true, force: true });
    const { default: webpack } = await import('webpack');
    const stats = await new Promise((resolve, reject) => {
      webpack(
        {
          mode: 'production',
          context: dir,
          entry: { elements: './elements.js', index: './index.js' },
          output: { path: outDir, filename: '[name].js', clean: true },
          devtool: false,
          performance: { hints: false },
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
    if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
    writeFileSync(join(outDir, 'elements.html'), page(tags, '<script src="./elements.js" defer></script>'));
    writeFileSync(join(outDir, 'index.html'), page(tags, '<script src="./index.js" defer></script>'));
    return outDir;
  },

  async esbuild(entries, tags) {
    const dir = join(appDir, 'esbuild');
    writeSources(dir, entries);
    const outDir = join(dir, 'dist');
    rmSync(outDir, { recursive: true, force: true });
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(dir, 'elements.js'), join(dir, 'index.js')],
      absWorkingDir: dir,
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: outDir,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    writeFileSync(
      join(outDir, 'elements.html'),
      page(tags, '<script type="module" src="./elements.js"></script>'),
    );
    writeFileSync(join(outDir, 'index.html'), page(tags, '<script type="module" src="./index.js"></script>'));
    return outDir;
  },
};

/** In the page: which tags are defined, and which have rendered something into their shadow root. */
function inspectTags(tags) {
  return tags.map((tag) => {
    const element = document.querySelector(tag);
    const root = element?.shadowRoot;
    return {
      tag,
      defined: Boolean(customElements.get(tag)),
      rendered: Boolean(root && root.querySelector('*')),
    };
  });
}

describe('the packed tarball in production builds (Vite, webpack, esbuild)', () => {
  let packed;
  let elements;
  let browser;
  let typeChecks;
  const servers = [];

  before(async () => {
    packed = packAndInstall();
    elements = installedElements();
    // The type checks start now and run beside the builds; their tests await them.
    cpSync(fixtures, appDir, { recursive: true });
    typeChecks = {
      react: shAsync(bin('tsc'), ['-p', join(appDir, 'react', 'tsconfig.json')], appDir),
      vue: shAsync(bin('vue-tsc'), ['-p', join(appDir, 'vue', 'tsconfig.json')], appDir),
    };
    for (const check of Object.values(typeChecks)) check.catch(() => {});
    browser = await launchChromium();
    console.log(
      `# package: ${packed.filename}, ${(packed.size / 1024).toFixed(0)} KB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.entryCount} files`,
    );
  });

  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('ships an element entry for every tag in its manifest, a LICENSE, and no source maps', () => {
    assert.deepEqual(
      elements.entries.map((name) => `kring-${name}`),
      elements.tags,
    );
    assert.ok(elements.tags.length >= 14, `${elements.tags.length} tags`);
    const files = packed.files.map((file) => file.path);
    assert.ok(files.includes('LICENSE'));
    assert.deepEqual(
      files.filter((file) => file.endsWith('.map')),
      [],
    );
  });

  it('ships editor data for every tag: VS Code custom data and web-types', () => {
    const read = (file) => JSON.parse(readFileSync(join(packageDir(), file), 'utf8'));
    const customData = read('dist/vscode.html-custom-data.json');
    assert.deepEqual(customData.tags.map((tag) => tag.name).sort(), elements.tags);
    const card = customData.tags.find((tag) => tag.name === 'kring-profile-card');
    assert.ok(card.attributes.some((attribute) => attribute.name === 'person' && attribute.description));
    const webTypes = read(JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8'))['web-types']);
    assert.deepEqual(
      webTypes.contributions.html.elements.map((element) => element.name).sort(),
      elements.tags,
    );
  });

  for (const [bundler, build] of Object.entries(bundlers)) {
    describe(bundler, () => {
      let outDir;
      let server;

      before(async () => {
        outDir = await build(elements.entries, elements.tags);
        server = await startStaticServer({ mounts: [{ prefix: '/', dir: outDir }] });
        servers.push(server);
      });

      for (const entry of ['elements', 'index']) {
        const imports = entry === 'elements' ? "every `import 'kring/elements/<name>'`" : "`import 'kring'`";
        it(`${imports}: every tag is defined and renders`, async () => {
          const tab = await browser.newPage();
          const exceptions = [];
          tab.on('pageerror', (error) => exceptions.push(error.message));
          await tab.goto(`${server.url}/${entry}.html`, { waitUntil: 'load' });
          try {
            await tab.waitForFunction(
              (tags) => tags.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('*')),
              elements.tags,
              { timeout: 15_000 },
            );
          } catch {
            // Report which tags are missing below.
          }
          const states = await tab.evaluate(inspectTags, elements.tags);
          await tab.close();
          assert.deepEqual(
            states.filter((state) => !state.defined).map((state) => state.tag),
            [],
            'tags not defined',
          );
          assert.deepEqual(
            states.filter((state) => !state.rendered).map((state) => state.tag),
            [],
            'tags with an empty shadow root',
          );
          assert.deepEqual(exceptions, []);
        });
      }
    });
  }

  describe('typings', () => {
    it('a React 19 TSX file with Kring tags and a kring-kudos-sent listener type-checks (tsc)', async () => {
      await typeChecks.react;
    });

    it('a Vue 3 SFC with Kring tags and a kring-kudos-sent listener type-checks (vue-tsc --strictTemplates)', async () => {
      await typeChecks.vue;
    });
  });
});
