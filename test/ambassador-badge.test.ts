import { expect, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/elements/ambassador-badge/define.js';
import type { KringAmbassadorBadge } from '../src/elements/ambassador-badge/ambassador-badge.js';
import { AMBASSADOR_ROLES, type BadgeAward } from '../src/model.js';
import { BackendError } from '../src/errors.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { gate, GrowthFakeBackend, mountInCommunity, shadowText } from './helpers/invite-fake-backend.js';

function award(overrides: Partial<BadgeAward>): BadgeAward {
  return {
    id: `b-${overrides.role}-${overrides.level}`,
    personId: 'me',
    role: 'writer',
    level: 'starter',
    awardedAt: '2026-11-02T09:30:00.000Z',
    awardedBy: 'system',
    criteriaMet: ['12 articles'],
    evidence: [],
    ...overrides,
  };
}

function badges(element: KringAmbassadorBadge): HTMLButtonElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="badge"]')];
}

async function settled(element: KringAmbassadorBadge, count: number): Promise<void> {
  await waitUntil(() => badges(element).length === count, `${count} badges shown`);
}

describe('<kring-ambassador-badge>', () => {
  let backend: GrowthFakeBackend;
  beforeEach(() => {
    backend = new GrowthFakeBackend();
    backend.awards = [
      award({ role: 'writer', level: 'starter' }),
      award({ role: 'writer', level: 'champion' }),
      award({ role: 'recruiter', level: 'active', awardedBy: 'manager-1', criteriaMet: [] }),
      award({ role: 'presenter', level: 'active', revokedAt: '2026-11-10T00:00:00.000Z' }),
    ];
  });

  it('names each badge by role and level, highest per role, revoked ones hidden (en)', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me"></kring-ambassador-badge>`,
    );
    await settled(element, 2);
    expect(badges(element).map((button) => button.textContent!.trim())).to.deep.equal([
      'Writer, champion level',
      'Recruiter, active level',
    ]);
    expect(element.shadowRoot!.querySelector('[part="list"]')!.getAttribute('aria-label')).to.equal(
      'Ambassador badges',
    );
    await expect(element).to.be.accessible();
  });

  it('speaks Dutch: "Schrijver, niveau kampioen"', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" role="writer" size="l"></kring-ambassador-badge>`,
      { lang: 'nl' },
    );
    await settled(element, 1);
    expect(badges(element)[0].textContent!.trim()).to.equal('Schrijver, niveau kampioen');
    await expect(element).to.be.accessible();
  });

  it('moves role to badge-role so the host keeps a valid ARIA role', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" role="writer"></kring-ambassador-badge>`,
    );
    await settled(element, 1);
    expect(element.hasAttribute('role')).to.equal(false);
    expect(element.getAttribute('badge-role')).to.equal('writer');
    element.setAttribute('role', 'recruiter');
    await waitUntil(() => badges(element)[0]?.dataset.role === 'recruiter', 'switched role');
    expect(element.hasAttribute('role')).to.equal(false);
  });

  it('filters on one role with role or badge-role', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" badge-role="recruiter"></kring-ambassador-badge>`,
    );
    await settled(element, 1);
    expect(badges(element)[0].dataset.role).to.equal('recruiter');
  });

  it('opens the popover by keyboard with criteria and date; Escape closes it', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me"></kring-ambassador-badge>`,
    );
    await settled(element, 2);
    const [writer] = badges(element);
    const popover = element.shadowRoot!.getElementById(writer.getAttribute('aria-controls')!)!;
    expect(popover.hidden).to.equal(true);

    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal(writer);
    expect(popover.hidden).to.equal(false);
    expect(writer.getAttribute('aria-expanded')).to.equal('true');
    expect(popover.textContent).to.contain('Awarded on Nov 2, 2026');
    expect(popover.textContent).to.contain('Criteria met');
    expect(popover.textContent).to.contain('at least 12 articles');
    expect(popover.textContent).to.contain('Counted when awarded');
    expect(popover.textContent).to.contain('12 articles');
    await expect(element).to.be.accessible();

    // The download button inside the popover is reachable by keyboard.
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('download');
    expect(popover.hidden).to.equal(false);

    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(popover.hidden).to.equal(true);
    expect(element.shadowRoot!.activeElement).to.equal(writer);
    expect(writer.getAttribute('aria-expanded')).to.equal('false');

    // Enter toggles it open again.
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(popover.hidden).to.equal(false);
  });

  it('lists the criteria in the reader’s language', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" badge-role="recruiter"></kring-ambassador-badge>`,
      { lang: 'nl' },
    );
    await settled(element, 1);
    badges(element)[0].click();
    await element.updateComplete;
    expect(shadowText(element)).to.contain('Toegekend door de communitymanager');
    expect(shadowText(element)).to.contain('Criteria van dit niveau');
    expect(shadowText(element)).to.contain('minstens 10 geaccepteerde uitnodigingen');
    await expect(element).to.be.accessible();
  });

  it('shows the amounts counted at award time in the reader’s language, whatever language stored them', async () => {
    backend.awards = [
      award({ role: 'writer', level: 'active', criteriaMet: ['4 artikelen'] }),
      award({ role: 'connector', level: 'starter', criteriaMet: ['9 other departments reached'] }),
    ];
    const english = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" badge-role="writer"></kring-ambassador-badge>`,
    );
    await settled(english, 1);
    badges(english)[0].click();
    await english.updateComplete;
    expect(shadowText(english)).to.contain('4 articles');
    expect(shadowText(english)).to.not.contain('artikelen');

    const dutch = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" badge-role="connector"></kring-ambassador-badge>`,
      { lang: 'nl' },
    );
    await settled(dutch, 1);
    badges(dutch)[0].click();
    await dutch.updateComplete;
    expect(shadowText(dutch)).to.contain('9 andere afdelingen bereikt');
    expect(shadowText(dutch)).to.not.contain('departments reached');
  });

  it('opens the popover on hover and closes it when the pointer leaves', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" role="writer"></kring-ambassador-badge>`,
    );
    await settled(element, 1);
    const [writer] = badges(element);
    const popover = element.shadowRoot!.getElementById(writer.getAttribute('aria-controls')!)!;
    const box = writer.getBoundingClientRect();
    try {
      await sendMouse({
        type: 'move',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
      await waitUntil(() => !popover.hidden, 'popover open on hover');
      await sendMouse({ type: 'move', position: [Math.round(box.x + 600), Math.round(box.y + 400)] });
      await waitUntil(() => popover.hidden, 'popover closed after leaving');
    } finally {
      await resetMouse();
    }
  });

  it('says who awarded a manual badge', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" role="recruiter"></kring-ambassador-badge>`,
    );
    await settled(element, 1);
    badges(element)[0].click();
    await element.updateComplete;
    expect(shadowText(element)).to.contain('Awarded by the community manager');
  });

  it('lets the holder download the badge as an Open Badge', async () => {
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" role="writer"></kring-ambassador-badge>`,
    );
    await settled(element, 1);
    badges(element)[0].click();
    await element.updateComplete;
    const stopNavigation = (event: Event) => event.preventDefault();
    element.shadowRoot!.addEventListener('click', stopNavigation, true);
    const download = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    const downloaded = nextEvent(element, 'kring-badge-download');
    download.click();
    const event = await downloaded;
    expect(event.detail.award.level).to.equal('champion');
    // Said through the page's one announcement queue; the badge has no live region of its own.
    await waitUntil(
      () => announcementQueue().liveRegion.textContent!.includes('Open Badge file downloaded'),
      'said',
    );
    expect(element.shadowRoot!.querySelector('[role="status"], [aria-live]')).to.equal(null);
  });

  it('offers no download on someone else’s badges', async () => {
    backend.awards = [award({ personId: 'piet' })];
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="piet"></kring-ambassador-badge>`,
    );
    await settled(element, 1);
    badges(element)[0].click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="download"]')).to.equal(null);
  });

  it('draws a distinct icon per role', async () => {
    backend.awards = AMBASSADOR_ROLES.map((role) => award({ role }));
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" size="s"></kring-ambassador-badge>`,
    );
    await settled(element, 5);
    const icons = [...element.shadowRoot!.querySelectorAll('svg.icon')].map((icon) => icon.innerHTML);
    expect(new Set(icons).size).to.equal(5);
    await expect(element).to.be.accessible();
  });

  it('shows loading, then empty (m) or nothing (s)', async () => {
    backend.awards = [];
    const held = gate();
    backend.gates.set('listBadges', held.promise);
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me"></kring-ambassador-badge>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-busy="true"]'), 'loading shown');
    expect(shadowText(element)).to.contain('Loading badges');
    await expect(element).to.be.accessible();
    held.open();
    await waitUntil(() => element.shadowRoot!.querySelector('[part="empty"]'), 'empty shown');
    expect(shadowText(element)).to.contain('No ambassador badges yet.');
    await expect(element).to.be.accessible();

    const small = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me" size="s"></kring-ambassador-badge>`,
    );
    await waitUntil(() => !small.shadowRoot!.querySelector('[aria-busy="true"]'), 'loaded');
    expect(small.shadowRoot!.querySelector('[part="empty"]')).to.equal(null);
  });

  it('shows an error with a retry that works', async () => {
    backend.failures.set('listBadges', new BackendError('forbidden', 'No.'));
    const element = await mountInCommunity<KringAmbassadorBadge>(
      backend,
      html`<kring-ambassador-badge person="me"></kring-ambassador-badge>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[part="retry"]'), 'error shown');
    expect(shadowText(element)).to.contain('This could not be loaded.');
    expect(element.shadowRoot!.querySelector('[part="problem"]')!.getAttribute('role'), 'announced').to.equal(
      'alert',
    );
    await expect(element).to.be.accessible();
    backend.failures.delete('listBadges');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await settled(element, 2);
  });

  it('reports a bad size once and falls back to m', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const element = await mountInCommunity<KringAmbassadorBadge>(
        backend,
        html`<kring-ambassador-badge person="me" size="xl"></kring-ambassador-badge>`,
      );
      await settled(element, 2);
      expect(shadowText(element)).to.contain('size="xl" is not valid; use one of: s, m, l.');
      expect(errors.filter((line) => String(line).includes('size="xl"'))).to.have.length(1);
    } finally {
      console.error = original;
    }
  });
});
