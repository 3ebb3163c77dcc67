import { expect, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../src/elements/ambassador-badge/define.js';
import type { KringAmbassadorBadge } from '../src/elements/ambassador-badge/ambassador-badge.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { BadgeAward } from '../src/model.js';
import { GrowthFakeBackend, mountInCommunity } from './helpers/invite-fake-backend.js';
import { $, $$, inCommunity, testBackend } from './helpers/kudos.js';

/* Hover and focus content per WCAG 1.4.13 (one PopoverController), and reflow at 320 px (1.4.10). */

function award(overrides: Partial<BadgeAward>): BadgeAward {
  return {
    id: `b-${overrides.role}-${overrides.level}`,
    personId: 'me',
    role: 'writer',
    level: 'starter',
    awardedAt: '2026-11-02T09:30:00.000Z',
    awardedBy: 'system',
    criteriaMet: ['12 articles', '3 comments with a very long explanation of what was counted'],
    evidence: [],
    ...overrides,
  };
}

const point = (x: number, y: number): [number, number] => [Math.round(x), Math.round(y)];

async function mountBadges(): Promise<KringAmbassadorBadge> {
  const backend = new GrowthFakeBackend();
  backend.awards = [
    award({ role: 'writer', level: 'champion' }),
    award({ role: 'recruiter', level: 'active' }),
    award({ role: 'presenter', level: 'starter' }),
  ];
  const element = await mountInCommunity<KringAmbassadorBadge>(
    backend,
    html`<kring-ambassador-badge person="me"></kring-ambassador-badge>`,
  );
  await waitUntil(() => element.shadowRoot!.querySelectorAll('[part~="badge"]').length === 3, 'badges shown');
  return element;
}

function badgeAndPopover(element: KringAmbassadorBadge, index: number) {
  const badge = element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="badge"]')[index];
  const popover = element.shadowRoot!.getElementById(badge.getAttribute('aria-controls')!)!;
  return { badge, popover };
}

describe('hover and focus content (1.4.13)', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('badge popover: hoverable across the gap, Escape dismisses it, a click pins what hover opened', async () => {
    const element = await mountBadges();
    const { badge, popover } = badgeAndPopover(element, 0);
    const box = badge.getBoundingClientRect();
    await sendMouse({ type: 'move', position: point(box.x + box.width / 2, box.y + box.height / 2) });
    await waitUntil(() => !popover.hidden, 'open on hover');
    const pop = popover.getBoundingClientRect();
    // On the way down: in the gap between badge and popover, then on the popover.
    await sendMouse({ type: 'move', position: point(box.x + box.width / 2, (box.bottom + pop.top) / 2) });
    await element.updateComplete;
    expect(popover.hidden, 'open in the gap').to.equal(false);
    await sendMouse({ type: 'move', position: point(pop.x + 10, pop.y + pop.height / 2) });
    await element.updateComplete;
    expect(popover.hidden, 'open on the popover').to.equal(false);

    // Escape with the focus elsewhere (on the page) dismisses it; the pointer does not move.
    expect(element.shadowRoot!.activeElement).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(popover.hidden, 'dismissed by Escape').to.equal(true);

    // Leaving and coming back shows it again; a click then pins it instead of closing it.
    await sendMouse({ type: 'move', position: point(box.x + 700, box.y + 500) });
    await sendMouse({ type: 'move', position: point(box.x + box.width / 2, box.y + box.height / 2) });
    await waitUntil(() => !popover.hidden, 'open on hover again');
    await sendMouse({ type: 'click', position: point(box.x + box.width / 2, box.y + box.height / 2) });
    await element.updateComplete;
    expect(popover.hidden, 'a click keeps what hover opened').to.equal(false);
  });

  it('badge popover stays on screen at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await mountBadges();
    for (const index of [0, 1, 2]) {
      const { badge, popover } = badgeAndPopover(element, index);
      badge.focus();
      await waitUntil(() => !popover.hidden, 'open on focus');
      await element.updateComplete;
      const rect = popover.getBoundingClientRect();
      expect(rect.left, `badge ${index + 1} left`).to.be.at.least(0);
      expect(rect.right, `badge ${index + 1} right`).to.be.at.most(320);
      expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(320);
    }
  });

  it('kudos time: exact time read once, bubble on focus and hover, Escape dismisses, no width at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="5"></kring-kudos-feed>`,
    );
    await waitUntil(() => $$(feed, 'article[data-kudos-id]').length > 0, 'feed loaded', { timeout: 8000 });
    expect(document.documentElement.scrollWidth, 'no sideways scroll at 320 px').to.be.at.most(320);

    const time = $(feed, 'article time')!;
    expect(time.hasAttribute('title'), 'no native tooltip doubling the name').to.equal(false);
    expect(time.textContent).to.contain('Given on');
    const bubble = time.parentElement!.querySelector<HTMLElement>('[part="exact-time"]')!;
    expect(bubble.getAttribute('aria-hidden')).to.equal('true');
    expect(bubble.getBoundingClientRect().width, 'closed bubble takes no room').to.equal(0);

    time.focus();
    await waitUntil(() => bubble.getBoundingClientRect().width > 0, 'bubble shown on focus');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => bubble.getBoundingClientRect().width === 0, 'Escape dismisses');
    expect(feed.shadowRoot!.activeElement, 'focus stays').to.equal(time);
    time.blur();

    const box = time.getBoundingClientRect();
    await sendMouse({ type: 'move', position: point(box.x + 4, box.y + box.height / 2) });
    await waitUntil(() => bubble.getBoundingClientRect().width > 0, 'bubble shown on hover');
    const shown = bubble.getBoundingClientRect();
    await sendMouse({ type: 'move', position: point(box.x + 4, (box.bottom + shown.top) / 2) });
    await sendMouse({ type: 'move', position: point(shown.x + 6, shown.y + shown.height / 2) });
    await feed.updateComplete;
    expect(bubble.getBoundingClientRect().width, 'hoverable').to.be.greaterThan(0);
    // The bubble opens below the time, not over the "giver → receiver" heading.
    const heading = time.closest('article')!.querySelector('h3, [part="people"]')!.getBoundingClientRect();
    expect(shown.top).to.be.at.least(heading.bottom);
  });
});
