#!/usr/bin/env node
// Opens every story of the static Storybook build (storybook-static/) in Chromium and fails when a
// story does not render (Storybook's error display), throws an uncaught exception, is not axe
// clean once it has settled, or is shown in a serif page font; and when a docs page lists internal
// members. Console errors are allowed: stories of error states log them on purpose.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './lib/entries.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { axeViolations } from './lib/axe.mjs';

const staticDir = join(projectRoot, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
if (!existsSync(indexFile)) {
  console.error(
    'storybook-smoke: storybook-static/index.json is missing; run `npm run build-storybook` first.',
  );
  process.exit(1);
}
const stories = Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries).filter(
  (entry) => entry.type === 'story',
);

/**
 * Waits until the story has settled: every custom element has finished updating and the rendered tree
 * (through shadow roots) stayed the same over three animation frames. A condition, not a fixed wait; a story
 * that keeps changing (a loading skeleton's animation does not change the tree) is checked after 5 s.
 */
async function settled(page) {
  await page.evaluate(async () => {
    const snapshot = () => {
      let text = '';
      const walk = (root) => {
        for (const element of root.querySelectorAll('*')) {
          text += element.localName;
          if (element.shadowRoot) {
            text += element.shadowRoot.textContent;
            walk(element.shadowRoot);
          }
        }
      };
      const root = document.querySelector('#storybook-root');
      if (root) {
        text += root.textContent;
        walk(root);
      }
      return text;
    };
    // A frame, or 100 ms when the page gets no frames (a hidden tab), so the deadline still holds.
    const frame = () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => resolve());
        setTimeout(resolve, 100);
      });
    const updating = () =>
      Promise.all(
        [...document.querySelectorAll('#storybook-root *')]
          .map((element) => element.updateComplete)
          .filter(Boolean),
      );
    const deadline = performance.now() + 5000;
    let last = '';
    let stable = 0;
    while (stable < 3 && performance.now() < deadline) {
      await updating();
      await frame();
      const now = snapshot();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  });
}

ensureChromium();
const server = await startStaticServer({ mounts: [{ prefix: '/', dir: staticDir }] });
const browser = await launchChromium();
// axe is injected as a script; Storybook's iframe sends no CSP, bypassing keeps that true if it ever does.
const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true });
const failures = [];

for (const story of stories) {
  const page = await context.newPage();
  const exceptions = [];
  page.on('pageerror', (error) => exceptions.push(error.message));
  try {
    await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    // Storybook marks the body once the story has rendered, or failed to.
    await page.waitForFunction(
      () => /sb-show-(main|errordisplay|nopreview)/.test(document.body.className),
      undefined,
      { timeout: 20_000 },
    );
    const shown = await page.evaluate(() => document.body.className);
    if (!shown.includes('sb-show-main')) {
      const message = await page.evaluate(() =>
        document.querySelector('#error-message')?.textContent?.trim(),
      );
      failures.push(`${story.id}: did not render${message ? ` (${message})` : ''}`);
    } else if (exceptions.length) {
      failures.push(`${story.id}: uncaught ${exceptions[0]}`);
    } else {
      await settled(page);
      const violations = await axeViolations(page, '#storybook-root');
      if (violations.length) failures.push(`${story.id}: axe ${violations.join('; ')}`);
      // The preview's page font (.storybook/preview-style.ts), not the browser's serif default.
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      if (!/sans-serif$/.test(font)) failures.push(`${story.id}: page font is ${font}`);
    }
  } catch (error) {
    failures.push(`${story.id}: ${error.message.split('\n')[0]}`);
  }
  await page.close();
}

// A docs page lists the public API only: no private or protected members in its tables.
{
  const page = await context.newPage();
  const internals = ['personTask', 'notConnectedAfterMs', 'languageMarks', 'client'];
  try {
    await page.goto(`${server.url}/iframe.html?id=elements-profile-card--docs&viewMode=docs`);
    await page.waitForFunction(() => document.querySelector('.docblock-argstable tbody tr'), undefined, {
      timeout: 20_000,
    });
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('.docblock-argstable tbody tr td:first-child')].map((cell) =>
        cell.textContent.trim(),
      ),
    );
    if (!names.includes('hrefTemplate')) failures.push('profile card docs: no properties table');
    const shown = internals.filter((name) => names.includes(name));
    if (shown.length) failures.push(`profile card docs: lists internal members ${shown.join(', ')}`);
  } catch (error) {
    failures.push(`profile card docs: ${error.message.split('\n')[0]}`);
  }
  await page.close();
}

await browser.close();
await server.close();

for (const failure of failures) console.error(`  ✗ ${failure}`);
console.log(
  `storybook-smoke: ${stories.length - failures.length} of ${stories.length} stories render and pass axe`,
);
process.exit(failures.length ? 1 : 0);
