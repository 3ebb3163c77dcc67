#!/usr/bin/env node
// `npm run screenshots`: photographs every element's main states (light in English, dark in Dutch, a
// 390 px phone) with Debian's Chromium into docs/images/, on the demo backend with its data and the
// page clock fixed on one day, motion off and a Segoe UI stand-in (screenshots/segoe-ui.mjs), so the same
// code gives the same pictures on every machine.
//   --check      render into a temporary folder and compare with docs/images/ (exit 1 on a picture
//                that is missing, a different size, or more than 0.05 % of its pixels clearly different)
//   --only NAME  only the pictures of one element (e.g. --only profile-card)
//   --out DIR    write somewhere else than docs/images/
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from './lib/entries.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { isMain } from './lib/is-main.mjs';
import { PHONE_WIDTH, SHOT_NOW, allShots } from './screenshots/shots.mjs';
import { OPEN_SANS_DIR, segoeUiStandInCss } from './screenshots/segoe-ui.mjs';

export const IMAGES_DIR = join(projectRoot, 'docs', 'images');
/** A pixel counts as different when a colour channel moved by more than this (anti-aliasing moves less). */
const CHANNEL_TOLERANCE = 48;
/** A picture is out of date when more than this share of its pixels differ. */
const MAX_DIFFERENT_SHARE = 0.0005;
/** The tallest picture, in CSS pixels. */
const MAX_HEIGHT = 1400;

/** Date frozen on one moment: "3 days ago" reads the same whenever the pictures are taken. */
function frozenClockScript(moment) {
  return `(() => {
  const RealDate = Date;
  const fixed = ${Number(moment)};
  function FrozenDate(...args) {
    if (!new.target) return new RealDate(fixed).toString();
    return Reflect.construct(RealDate, args.length ? args : [fixed], new.target);
  }
  FrozenDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FrozenDate, writable: true, configurable: true });
  FrozenDate.now = () => fixed;
  FrozenDate.parse = RealDate.parse;
  FrozenDate.UTC = RealDate.UTC;
  globalThis.Date = FrozenDate;
})();`;
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kring screenshot</title>
    <link rel="stylesheet" href="segoe-ui.css" />
    <style>
      body { margin: 0; padding: 16px; background: #fafafa; }
      @media (prefers-color-scheme: dark) { body { background: #1f1f1f; } }
      main { display: block; }
    </style>
    <script type="module" src="harness.js"></script>
  </head>
  <body><main></main></body>
</html>`;

/** Builds the harness page into a fresh folder. */
async function buildHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'kring-shots-page-'));
  await build({
    entryPoints: [join(projectRoot, 'scripts', 'screenshots', 'harness.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'harness.js'),
    tsconfig: join(projectRoot, 'tsconfig.json'),
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'segoe-ui.css'), segoeUiStandInCss('/open-sans/'));
  return dir;
}

/** In the page: a fingerprint of what is shown (all shadow roots), and whether anything still loads. */
function pageState() {
  const parts = [];
  let loading = false;
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.matches('.skeleton, [aria-busy="true"], .photo-pending')) loading = true;
      if (node instanceof HTMLImageElement && !node.complete) loading = true;
      if (node.shadowRoot) {
        parts.push(
          node.tagName,
          node.shadowRoot.textContent.length,
          node.shadowRoot.querySelectorAll('*').length,
        );
        walk(node.shadowRoot);
      }
    }
  };
  walk(document);
  if (document.fonts.status !== 'loaded') loading = true;
  const main = document.querySelector('main');
  parts.push(Math.round(main.getBoundingClientRect().height));
  return { fingerprint: parts.join('|'), loading };
}

/** Waits until nothing loads and what is shown has not changed for a few polls. */
async function settle(page) {
  let last = '';
  let steady = 0;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { fingerprint, loading } = await page.evaluate(pageState);
    steady = !loading && fingerprint === last ? steady + 1 : 0;
    last = fingerprint;
    if (steady >= 2) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the page did not settle within 15 s');
}

/** Renders the pictures into `outDir`; returns their file names. */
export async function renderShots({ outDir, only, states } = {}) {
  mkdirSync(outDir, { recursive: true });
  const pageDir = await buildHarness();
  const server = await startStaticServer({
    mounts: [
      { prefix: '/open-sans/', dir: OPEN_SANS_DIR },
      { prefix: '/', dir: pageDir },
    ],
  });
  const browser = await launchChromium();
  const written = [];
  try {
    const shots = allShots().filter(
      (shot) => (!only || shot.element.name === only) && (!states || states.includes(shot.state.name)),
    );
    // One page per state (scheme, language), each element shown in turn: a page load costs more than a picture.
    for (const state of new Set(shots.map((shot) => shot.state))) {
      const page = await browser.newPage({
        viewport: { width: PHONE_WIDTH, height: 800 },
        colorScheme: state.colorScheme,
        reducedMotion: 'reduce',
        deviceScaleFactor: 1,
        locale: state.lang === 'nl' ? 'nl-NL' : 'en-GB',
        timezoneId: 'Europe/Amsterdam',
      });
      try {
        await page.addInitScript(frozenClockScript(Date.parse(SHOT_NOW)));
        await page.goto(`${server.url}/index.html?lang=${state.lang}`);
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, {
          timeout: 15_000,
        });
        for (const { element, file } of shots.filter((shot) => shot.state === state)) {
          const width = state.phone ? PHONE_WIDTH : element.width;
          await page.setViewportSize({ width, height: element.height ?? 800 });
          // The pointer rests outside the element: no hover state from the previous picture.
          await page.mouse.move(width - 1, 0);
          await page.evaluate((name) => globalThis.kringShow(name), element.name);
          await settle(page);
          if (element.type) {
            await page.locator(`${element.tag} input`).first().click();
            await page.keyboard.type(element.type);
            await page.waitForFunction(
              (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[role="option"]'),
              element.tag,
            );
            await settle(page);
          }
          const standIn = await page.evaluate(() =>
            [...document.fonts].some(
              (face) => face.family.replaceAll('"', '') === 'Segoe UI' && face.status === 'loaded',
            ),
          );
          if (!standIn) throw new Error(`${file}: the Segoe UI stand-in (Open Sans) did not load`);
          const box = await page.locator('main').boundingBox();
          // Long elements (the pulse, the report on a phone) are shown from the top: a picture, not a scan.
          const height = Math.min(
            MAX_HEIGHT,
            Math.ceil(Math.max(box.y + box.height + 16, element.height ?? 0)),
          );
          await page.screenshot({
            path: join(outDir, file),
            clip: { x: 0, y: 0, width, height },
            fullPage: true,
            animations: 'disabled',
            caret: 'hide',
          });
          written.push(file);
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
  return written;
}

/** In the page: how many pixels of two PNGs (data URLs) differ clearly; null when their sizes differ. */
async function comparePngs([expected, actual, tolerance]) {
  const load = async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return {
      width: bitmap.width,
      height: bitmap.height,
      data: context.getImageData(0, 0, bitmap.width, bitmap.height).data,
    };
  };
  const [a, b] = await Promise.all([load(expected), load(actual)]);
  if (a.width !== b.width || a.height !== b.height)
    return {
      size: `${a.width}×${a.height} → ${b.width}×${b.height}`,
      different: null,
      pixels: a.width * a.height,
    };
  let different = 0;
  for (let index = 0; index < a.data.length; index += 4) {
    for (let channel = 0; channel < 3; channel++) {
      if (Math.abs(a.data[index + channel] - b.data[index + channel]) > tolerance) {
        different++;
        break;
      }
    }
  }
  return { size: `${a.width}×${a.height}`, different, pixels: a.width * a.height };
}

/** Renders into a temporary folder and compares with docs/images/; returns the problems found. */
export async function checkShots({ only, states } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'kring-shots-'));
  const problems = [];
  try {
    const files = await renderShots({ outDir, only, states });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const file of files) {
        const committed = join(IMAGES_DIR, file);
        if (!existsSync(committed)) {
          problems.push(`${file}: not in docs/images/`);
          continue;
        }
        const toUrl = (path) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
        const result = await page.evaluate(comparePngs, [
          toUrl(committed),
          toUrl(join(outDir, file)),
          CHANNEL_TOLERANCE,
        ]);
        if (result.different === null) problems.push(`${file}: size changed (${result.size})`);
        else if (result.different / result.pixels > MAX_DIFFERENT_SHARE)
          problems.push(
            `${file}: ${((100 * result.different) / result.pixels).toFixed(1)} % of its pixels changed`,
          );
      }
    } finally {
      await browser.close();
    }
    if (!only && !states) {
      const expected = new Set(files);
      for (const file of readdirSync(IMAGES_DIR).filter((name) =>
        /^[a-z-]+-(light-en|dark-nl|phone-nl)\.png$/.test(name),
      ))
        if (!expected.has(file)) problems.push(`${file}: no longer rendered (delete it)`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return problems;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = option('--only');
  const started = Date.now();
  if (args.includes('--check')) {
    const problems = await checkShots({ only });
    for (const problem of problems) console.error(`screenshots: ${problem}`);
    if (problems.length) {
      console.error(
        'screenshots: docs/images/ is out of date; run `npm run screenshots` and commit the pictures.',
      );
      process.exit(1);
    }
    console.log(`screenshots: docs/images/ is current (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    const outDir = option('--out') ?? IMAGES_DIR;
    const files = await renderShots({ outDir, only });
    console.log(
      `screenshots: ${files.length} pictures in ${outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}
