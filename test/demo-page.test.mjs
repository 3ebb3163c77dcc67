// The demo intranet (`npm start`) as a visitor sees it, under its strict CSP, on each adapter:
// `?backend=demo|rest|sharepoint|graph` must show the same signed-in person with no CSP violation and no
// failed load (the imitated Graph and SharePoint show photos).
// Run: `npm run build && node --test test/demo-page.test.mjs` (npm test does both).
import { describe, it } from 'node:test';
import { useDemoSite } from './helpers/demo-site-browser.mjs';
import assert from 'node:assert/strict';
import { axeViolations } from '../scripts/lib/axe.mjs';

/** The name on the first profile card in the page's sidebar ("my profile"), or '' while loading. */
function myCardName() {
  const card = document.querySelector('kring-profile-card[person="me"]');
  return card?.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim() ?? '';
}

/** Whether every profile card has finished loading (found its person, or said why not). */
function cardsSettled() {
  return [...document.querySelectorAll('kring-profile-card')].every(
    (card) => card.shadowRoot && !card.shadowRoot.querySelector('.skeleton'),
  );
}

/** What the profile cards say went wrong (not found, an error), if anything. */
function cardProblemTexts() {
  return [...document.querySelectorAll('kring-profile-card')]
    .map((card) => card.shadowRoot?.querySelector('[part~="problem"]')?.textContent?.trim())
    .filter(Boolean);
}

/** How many profile cards show a photo that loaded. */
function photosShown() {
  return [...document.querySelectorAll('kring-profile-card')].filter((card) => {
    const image = card.shadowRoot?.querySelector('[part~="avatar"] img');
    return image?.complete && image.naturalWidth > 0;
  }).length;
}

describe('the demo intranet on every adapter', () => {
  const site = useDemoSite();

  async function visit(backend) {
    const page = await site.browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(`${site.server.url}/?backend=${backend}&lang=en`);
    await page.waitForFunction(myCardName, undefined, { timeout: 20_000 });
    const name = await page.evaluate(myCardName);
    // Every card on the page (written with demo ids) finds its person on every adapter.
    await page.waitForFunction(cardsSettled, undefined, { timeout: 20_000 });
    const cardProblems = await page.evaluate(cardProblemTexts);
    // The imitated Graph and SharePoint have photos (Graph's as object URLs, SharePoint's from the server).
    if (backend === 'graph' || backend === 'sharepoint') {
      await page.waitForFunction(photosShown, undefined, { timeout: 20_000 });
    }
    const violations = await page.evaluate(() => window.__violations);
    await page.close();
    return { name, problems, violations, cardProblems };
  }

  const names = {};
  for (const backend of ['demo', 'rest', 'sharepoint', 'graph']) {
    it(`?backend=${backend} shows the signed-in person with no errors or CSP violations`, async () => {
      const { name, problems, violations, cardProblems } = await visit(backend);
      assert.match(name, /\p{L}/u);
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      assert.deepEqual(cardProblems, [], 'every card finds its person');
      names[backend] = name;
    });
  }

  // axe is injected as a script, which the page's own CSP forbids: this context skips the CSP (the
  // tests above keep it) only to look at what a visitor gets, in light and dark, on both pages.
  for (const colorScheme of ['light', 'dark']) {
    for (const path of ['index.html', 'manager.html']) {
      it(`${path} (${colorScheme}) passes axe, Kring's elements and the page around them`, async () => {
        const context = await site.browser.newContext({ bypassCSP: true, colorScheme });
        try {
          const page = await context.newPage();
          await page.goto(`${site.server.url}/${path}?lang=en`);
          await page.waitForFunction(cardsSettled, undefined, { timeout: 20_000 });
          const violations = await axeViolations(page);
          assert.deepEqual(violations, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  // Reflow (WCAG 1.4.10): at 320 CSS px (and on a 390 px phone) the pages scroll only vertically, in both
  // languages.
  for (const [path, lang, width] of [
    ['index.html', 'nl', 320],
    ['index.html', 'en', 320],
    ['manager.html', 'nl', 320],
    ['manager.html', 'en', 320],
    ['index.html', 'nl', 390],
    ['index.html', 'en', 390],
  ]) {
    {
      it(`${path} (${lang}) at ${width} px scrolls only vertically`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 800 } });
        try {
          const page = await context.newPage();
          await page.goto(`${site.server.url}/${path}?lang=${lang}`);
          await page.waitForFunction(cardsSettled, undefined, { timeout: 20_000 });
          // Kudos and figures have loaded: nothing Kring shows is still a skeleton.
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll('kring-kudos-feed, kring-pulse, kring-report')].every(
                (element) =>
                  element.shadowRoot &&
                  !element.shadowRoot.querySelector('[aria-busy="true"], .skeleton, [part~="skeleton"]'),
              ),
            undefined,
            { timeout: 20_000 },
          );
          const wide = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            widest: [...document.querySelectorAll('body *')]
              .filter((element) => element.getBoundingClientRect().right > innerWidth + 1)
              .slice(0, 5)
              .map((element) => element.localName + (element.className ? `.${element.className}` : '')),
          }));
          assert.ok(wide.scrollWidth <= width, `${wide.scrollWidth} px wide: ${wide.widest.join(', ')}`);
        } finally {
          await context.close();
        }
      });
    }
  }

  // Focus order (WCAG 2.4.3): after each action a keyboard user takes on the home page, the focus is on a
  // control that stayed or on the outcome, never on <body>.
  it('index.html: keyboard focus never falls to <body> after an action', async () => {
    const context = await site.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/index.html?lang=en`);
      await page.waitForFunction(cardsSettled, undefined, { timeout: 20_000 });
      await page.waitForFunction(
        () => document.querySelector('kring-kudos-feed')?.shadowRoot?.querySelector('article[data-kudos-id]'),
        undefined,
        { timeout: 20_000 },
      );
      /** Focuses `inner` inside the shadow root of `host` (both CSS selectors). */
      const focus = (host, inner) =>
        page.evaluate(
          ([hostSelector, innerSelector]) => {
            const target = document.querySelector(hostSelector)?.shadowRoot?.querySelector(innerSelector);
            target?.focus();
            return !!target;
          },
          [host, inner],
        );
      const focused = () =>
        page.evaluate(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active === document.body || !active
            ? 'body'
            : `${active.localName}[${active.getAttribute('part') ?? ''}]`;
        });
      /** Waits until the element is idle again: nothing busy, then two frames for the render after. */
      const settle = (host) =>
        page
          .waitForFunction(
            (hostSelector) =>
              !document
                .querySelector(hostSelector)
                ?.shadowRoot?.querySelector('[aria-disabled="true"], [aria-busy="true"]'),
            host,
            { timeout: 10_000 },
          )
          .then(() =>
            page.evaluate(
              () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
            ),
          );
      const actions = [
        ['reaction toggle', 'kring-kudos-feed', 'article button[aria-pressed]', ['Enter']],
        ['time bubble Escape', 'kring-kudos-feed', 'article time', ['Escape']],
        ['load more', 'kring-kudos-feed', '[part="load-more"]', ['Enter']],
        ['badge Escape', 'kring-ambassador-badge', '[part~="badge"]', ['Enter', 'Escape']],
        ['save my roles', 'kring-ambassador-programme', '[part="save"]', ['Enter']],
        ['invite with an empty address', 'kring-invite', '[part~="send"]', ['Enter']],
        [
          'finder choose',
          'kring-expertise-finder',
          'input',
          ['p', 'y', 't', 'h', 'o', 'n', 'ArrowDown', 'Enter'],
        ],
      ];
      const results = [];
      for (const [name, host, inner, keys] of actions) {
        if (!(await focus(host, inner))) {
          results.push(`${name}: not on the page`);
          continue;
        }
        for (const key of keys) await page.keyboard.press(key);
        await settle(host);
        results.push(`${name}: ${await focused()}`);
      }
      assert.deepEqual(
        results.filter((line) => line.endsWith(': body') || line.endsWith('not on the page')),
        [],
        results.join('\n'),
      );
    } finally {
      await context.close();
    }
  });

  // The two-minute tour (issue 16, item 5): the journeys end somewhere on the demo page itself.
  it('tour: the header search fills the finder, a chosen expert opens their card, and the card endorses', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/index.html?lang=en&q=Power+BI#experts`);
      await page.waitForFunction(
        () =>
          document.querySelector('kring-expertise-finder')?.shadowRoot?.querySelectorAll('[role="option"]')
            .length,
        undefined,
        { timeout: 20_000 },
      );
      assert.equal(
        await page.evaluate(
          () => document.querySelector('kring-expertise-finder').shadowRoot.querySelector('input').value,
        ),
        'Power BI',
      );
      await page.evaluate(() =>
        document.querySelector('kring-expertise-finder').shadowRoot.querySelector('[role="option"]').click(),
      );
      const endorse = () =>
        document
          .querySelector('kring-expertise-finder')
          ?.shadowRoot?.querySelector('[part~="person-card"] kring-profile-card')
          ?.shadowRoot?.querySelector('kring-skill-list')
          ?.shadowRoot?.querySelector('[part~="endorse"]');
      await page.waitForFunction(endorse, undefined, { timeout: 20_000 });
      const before = await page.evaluate(() => {
        const button = document
          .querySelector('kring-expertise-finder')
          .shadowRoot.querySelector('[part~="person-card"] kring-profile-card')
          .shadowRoot.querySelector('kring-skill-list')
          .shadowRoot.querySelector('[part~="endorse"]');
        const pressed = button.getAttribute('aria-pressed');
        button.click();
        return pressed;
      });
      await page.waitForFunction(
        (was) => {
          const button = document
            .querySelector('kring-expertise-finder')
            .shadowRoot.querySelector('[part~="person-card"] kring-profile-card')
            .shadowRoot.querySelector('kring-skill-list')
            .shadowRoot.querySelector('[part~="endorse"]');
          return button && button.getAttribute('aria-pressed') !== was;
        },
        before,
        { timeout: 20_000 },
      );
    } finally {
      await context.close();
    }
  });

  it('tour: "open an invitation as a new colleague" opens the welcome page as the invitee, who joins', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/index.html?lang=en`);
      await page.waitForFunction(myCardName, undefined, { timeout: 20_000 });
      await Promise.all([
        page.waitForURL(/invite=.*as=|as=.*invite=/, { timeout: 20_000 }),
        page.click('[data-tour-invite]'),
      ]);
      const welcomeText = () =>
        document.querySelector('kring-welcome')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
      const join = () =>
        document.querySelector('kring-welcome')?.shadowRoot?.querySelector('button:not([disabled])');
      await page.waitForFunction(join, undefined, { timeout: 20_000 });
      const text = await page.evaluate(welcomeText);
      assert.ok(!text.includes('We do not recognise'), text);
      assert.ok(!text.includes('already a member'), text);
      await page.evaluate(() =>
        [...document.querySelector('kring-welcome').shadowRoot.querySelectorAll('button')]
          .find((button) => button.textContent.includes('Join'))
          .click(),
      );
      await page.waitForFunction(
        () =>
          document.querySelector('kring-welcome')?.shadowRoot?.textContent?.includes('You are now a member'),
        undefined,
        { timeout: 20_000 },
      );
      // The page says who the visitor is now, with the way back.
      assert.match(
        await page.textContent('[data-tour-persona]'),
        /Signed in as .+ · back to the community manager/,
      );
    } finally {
      await context.close();
    }
  });

  it('manager.html: each section heading appears once (no "Pioneers" twice)', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.server.url}/manager.html?lang=en`);
      await page.waitForFunction(
        () => document.querySelector('kring-pioneers')?.shadowRoot?.querySelector('h1, h2, h3, h4'),
        undefined,
        { timeout: 20_000 },
      );
      const headings = await page.evaluate(() => {
        const texts = [];
        const walk = (root) => {
          for (const element of root.querySelectorAll('*')) {
            if (/^h[1-6]$/.test(element.localName)) texts.push(element.textContent.trim());
            if (element.shadowRoot) walk(element.shadowRoot);
          }
        };
        walk(document);
        return texts;
      });
      assert.equal(headings.filter((text) => text.startsWith('Pioneers')).length, 1, headings.join(' | '));
    } finally {
      await page.close();
    }
  });

  it('index.html at 1280 px: the sidebar does not run past the main column', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.server.url}/index.html?lang=en`);
      await page.waitForFunction(cardsSettled, undefined, { timeout: 20_000 });
      await page.waitForFunction(
        () =>
          document
            .querySelector('kring-ambassador-programme')
            ?.shadowRoot?.querySelector('input[type="checkbox"], [part~="role"]') &&
          document.querySelector('kring-kudos-feed')?.shadowRoot?.querySelector('article[data-kudos-id]') &&
          document.querySelector('kring-invite')?.shadowRoot?.querySelector('form'),
        undefined,
        { timeout: 20_000 },
      );
      // Two frames for the last renders to lay out.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const { main, aside } = await page.evaluate(() => ({
        main: document.querySelector('.layout__main').getBoundingClientRect().bottom,
        aside: document.querySelector('.layout__aside').getBoundingClientRect().bottom,
      }));
      assert.ok(
        aside <= main,
        `sidebar ends at ${Math.round(aside)} px, main column at ${Math.round(main)} px`,
      );
    } finally {
      await page.close();
    }
  });

  it('index.html: "My profile" shows my badges once', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.server.url}/index.html?lang=en`);
      await page.waitForFunction(cardsSettled, undefined, { timeout: 20_000 });
      const lists = await page.evaluate(() => {
        const panel = document.getElementById('profiel-titel').closest('section');
        const inCard = [...panel.querySelectorAll('kring-profile-card')].flatMap((card) => [
          ...(card.shadowRoot?.querySelectorAll('kring-ambassador-badge') ?? []),
        ]);
        return panel.querySelectorAll('kring-ambassador-badge').length + inCard.length;
      });
      assert.equal(lists, 1);
    } finally {
      await page.close();
    }
  });

  it('every adapter shows the same person (one demo data set behind all imitations)', () => {
    assert.equal(new Set(Object.values(names)).size, 1, JSON.stringify(names));
  });
});
