import { expect, fixture, html, waitUntil as waitUntilDefault } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import type { KringExpertiseFinder } from '../src/elements/expertise-finder/expertise-finder.js';
import { registerTestBackend } from './helpers/backends.js';
import { typeBurst } from './helpers/typing.js';

const waitUntil = (condition: () => unknown, message?: string) =>
  waitUntilDefault(condition, message, { timeout: 8000 });

const card = (finder: Element) => finder.shadowRoot!.querySelector<HTMLElement>('[part~="person-card"]');

describe('expertise finder journeys', () => {
  it('choosing a person (Enter) opens their card with the focus in it; endorse there; Escape returns to the field', async () => {
    const { name, calls } = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="en"
        ><kring-expertise-finder></kring-expertise-finder
      ></kring-community>`,
    );
    const finder = community.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    await finder.updateComplete;
    const input = finder.shadowRoot!.querySelector('input')!;
    input.focus();
    await typeBurst('Power BI');
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'results');
    await sendKeys({ press: 'ArrowDown' });
    const chosen = finder.shadowRoot!.querySelector('[role="option"] [part~="name"]')!.textContent!.trim();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => card(finder), 'the card opened');
    expect(card(finder)!.getAttribute('aria-label')).to.equal(`Card of ${chosen}`);
    expect(finder.shadowRoot!.activeElement).to.equal(card(finder));
    const inner = card(finder)!.querySelector('kring-profile-card')!;
    await waitUntil(
      () =>
        inner.shadowRoot?.querySelector('kring-skill-list')?.shadowRoot?.querySelector('[part~="endorse"]'),
      'endorse buttons',
    );
    await expect(finder).to.be.accessible();

    // Endorse from the card.
    const list = inner.shadowRoot!.querySelector('kring-skill-list')!;
    const endorse = list.shadowRoot!.querySelector<HTMLButtonElement>(
      '[part~="endorse"][aria-pressed="false"]',
    )!;
    endorse.click();
    await waitUntil(() => (calls.endorseSkill ?? []).length === 1, 'endorsed');

    card(finder)!.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !card(finder), 'closed');
    expect(finder.shadowRoot!.activeElement).to.equal(input);
  });

  it("a result opens the person's card on hover, which stays while the pointer moves onto it", async () => {
    const { name } = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="en"
        ><kring-expertise-finder query="Excel"></kring-expertise-finder
      ></kring-community>`,
    );
    const finder = community.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('[role="option"]').length > 1, 'results');
    try {
      const option = finder.shadowRoot!.querySelectorAll('[role="option"]')[1];
      const box = option.getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(box.x + 20), Math.round(box.y + box.height / 2)],
      });
      await waitUntil(
        () => card(finder)?.querySelector('kring-profile-card')?.shadowRoot?.querySelector('[part~="name"]'),
        'card on hover',
      );
      const shownName = card(finder)!
        .querySelector('kring-profile-card')!
        .shadowRoot!.querySelector('[part~="name"]')!
        .textContent!.trim();
      expect(shownName).to.equal(option.querySelector('[part~="name"]')!.textContent!.trim());
      // The card is not clipped by the scrolling list: it is in the top layer.
      expect(card(finder)!.matches(':popover-open')).to.equal(true);
      const inside = card(finder)!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 20), Math.round(box.bottom - 1)] });
      await sendMouse({
        type: 'move',
        position: [Math.round(inside.x + inside.width / 2), Math.round(inside.y + inside.height / 2)],
      });
      expect(card(finder)).to.not.equal(null);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !card(finder), 'Escape closes it');
    } finally {
      await resetMouse();
    }
  });

  it('with href-template, choosing follows the link and opens no card', async () => {
    const { name } = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="en"
        ><kring-expertise-finder href-template="#person-{id}"></kring-expertise-finder
      ></kring-community>`,
    );
    const finder = community.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    await finder.updateComplete;
    finder.shadowRoot!.querySelector('input')!.focus();
    await typeBurst('Excel');
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash.startsWith('#person-'), 'followed the link');
    expect(card(finder)).to.equal(null);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('query-param="q" takes the first search from the address (?q=Power+BI)', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?q=Power+BI#experts`);
    try {
      const { name } = registerTestBackend();
      const community = await fixture<KringCommunity>(
        html`<kring-community backend=${name} lang="en"
          ><kring-expertise-finder query-param="q"></kring-expertise-finder
        ></kring-community>`,
      );
      const finder = community.querySelector('kring-expertise-finder') as KringExpertiseFinder;
      await waitUntil(() => finder.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'results');
      expect(finder.shadowRoot!.querySelector('input')!.value).to.equal('Power BI');
      expect(finder.shadowRoot!.querySelector('[part~="why"]')!.textContent).to.contain('Power BI');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});

describe('expertise finder on a backend that cannot search skills (Graph)', () => {
  it('says what the directory cannot search instead of "nobody knows it, invite someone"', async () => {
    const { name } = registerTestBackend({
      searchPeople: (async () => ({ items: [], total: 0, skillsSearched: false })) as never,
    });
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="en"
        ><kring-expertise-finder query="Power BI"></kring-expertise-finder
      ></kring-community>`,
    );
    const finder = community.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    await waitUntil(() => finder.shadowRoot!.querySelector('[part~="empty"]'), 'empty state');
    const empty = finder.shadowRoot!.querySelector('[part~="empty"]')!.textContent!.replace(/\s+/g, ' ');
    expect(empty).to.contain('names and job titles only, not skills');
    expect(finder.shadowRoot!.querySelector('[part~="invite"]')).to.equal(null);
    expect(empty).to.not.contain('invite');
    await expect(finder).to.be.accessible();
  });
});
