import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import { registerTestBackend } from './helpers/backends.js';
import { PersonHoverController } from '../src/elements/shared/person-hover.js';

const hoverCard = (host: Element) => host.shadowRoot!.querySelector<HTMLElement>('[part~="person-card"]');
const innerCard = (host: Element) => hoverCard(host)?.querySelector<KringProfileCard>('kring-profile-card');
const text = (element: Element | null | undefined) =>
  (element?.shadowRoot ?? element)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function centre(element: Element) {
  const box = element.getBoundingClientRect();
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

/** Like Graph and SharePoint: page-wide look-ups give summaries, an opened card asks for details. */
async function renderCards(count = 1, lang = 'en') {
  const base = registerTestBackend();
  const test = registerTestBackend({
    getPeople: ((ids: string[], options?: { details?: boolean }) =>
      base.backend
        .getPeople(ids)
        .then((people) =>
          options?.details
            ? people
            : people.map(
                (person) => person && { ...person, skills: [], about: undefined, summaryOnly: true },
              ),
        )) as never,
  });
  const ids = ['p00002', 'p00014', 'p00027', 'p00041', 'p00058', 'p00073'].slice(0, count);
  const community = await fixture(
    html`<kring-community backend=${test.name} lang=${lang}>
      ${ids.map((id) => html`<kring-profile-card person=${id}></kring-profile-card>`)}
    </kring-community>`,
  );
  const cards = [...community.querySelectorAll('kring-profile-card')];
  await waitUntil(
    () => cards.every((card) => card.shadowRoot!.querySelector('[part~="name"]')),
    'cards shown',
  );
  return { ...test, cards };
}

const detailCalls = (calls: Record<string, unknown[][]>) =>
  (calls.getPeople ?? []).filter((args) => (args[1] as { details?: boolean } | undefined)?.details);

describe('hover card', () => {
  afterEach(() => resetMouse());

  it('opens on focus of a compact card name, shows the full card with give kudos, and Escape closes it', async () => {
    const { cards, calls } = await renderCards();
    const [card] = cards;
    // Lazily: a page of compact cards asks for no details.
    expect(detailCalls(calls)).to.have.length(0);
    expect(hoverCard(card)).to.equal(null);

    const trigger = card.shadowRoot!.querySelector<HTMLElement>('.person-hover a, .person-trigger')!;
    trigger.focus();
    await waitUntil(() => innerCard(card)?.shadowRoot?.querySelector('[part~="skill-list"]'), 'card opened');
    const shown = hoverCard(card)!;
    expect(shown.getAttribute('aria-label')).to.match(/^Card of /);
    expect(text(innerCard(card))).to.contain(text(trigger));
    expect(shown.querySelector('[part~="give-kudos"]')?.textContent?.trim()).to.equal('Give kudos');
    expect(shown.getBoundingClientRect().height).to.be.greaterThan(50);
    expect(detailCalls(calls)).to.have.length(1);
    await expect(card).to.be.accessible();

    // Keyboard reach: ArrowDown on the name moves into the card; Tab then reaches its actions.
    await sendKeys({ press: 'ArrowDown' });
    expect(card.shadowRoot!.activeElement).to.equal(shown);
    let steps = 0;
    while (!card.shadowRoot!.activeElement?.matches('[part~="give-kudos"]') && steps++ < 30) {
      await sendKeys({ press: 'Tab' });
    }
    expect(card.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Give kudos');
    expect(hoverCard(card), 'stays open while the focus is in it').to.not.equal(null);

    // Escape closes it and gives the focus back to the name.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !hoverCard(card), 'closed by Escape');
    expect(card.shadowRoot!.activeElement).to.equal(trigger);
  });

  it("speaks the page's language from its first render: its strings load with its code", async () => {
    const expected = {
      nl: ['Kaartje van ', 'Geef een compliment', 'Sluit het kaartje'],
      de: ['Karte von ', 'Kudos geben', 'Karte schließen'],
      fr: ['Carte de ', 'Envoyer des kudos', 'Fermer la carte'],
    };
    for (const [lang, [label, giveKudos, close]] of Object.entries(expected)) {
      const { cards } = await renderCards(1, lang);
      const [card] = cards;
      const trigger = card.shadowRoot!.querySelector<HTMLElement>('.person-hover a, .person-trigger')!;
      trigger.focus();
      // The first render that shows the card is in the page's language (no English first).
      await waitUntil(() => hoverCard(card), `${lang}: card opened`);
      const shown = hoverCard(card)!;
      expect(shown.getAttribute('aria-label'), lang).to.equal(`${label}${text(trigger)}`);
      expect(shown.querySelector('[part~="give-kudos"]')?.textContent?.trim(), lang).to.equal(giveKudos);
      expect(shown.querySelector('[part~="close-card"]')?.textContent?.trim(), lang).to.equal(close);
      trigger.blur();
    }
  });

  it('the close button closes the card and gives the focus back to the name, never to the page', async () => {
    const { cards } = await renderCards();
    const [card] = cards;
    const trigger = card.shadowRoot!.querySelector<HTMLElement>('.person-hover a, .person-trigger')!;
    trigger.focus();
    await waitUntil(() => hoverCard(card), 'card opened');
    await sendKeys({ press: 'ArrowDown' });
    let steps = 0;
    while (!card.shadowRoot!.activeElement?.matches('[part~="close-card"]') && steps++ < 40) {
      await sendKeys({ press: 'Tab' });
    }
    expect(card.shadowRoot!.activeElement?.matches('[part~="close-card"]')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !hoverCard(card), 'closed by its button');
    expect(document.activeElement).to.equal(card);
    expect(card.shadowRoot!.activeElement).to.equal(trigger);
  });

  it('opens on hover, stays while the pointer moves onto it, and closes when the pointer leaves', async () => {
    const { cards } = await renderCards();
    const [card] = cards;
    const name = card.shadowRoot!.querySelector('.person-hover')!;
    const at = centre(name);
    await sendMouse({ type: 'move', position: [at.x, at.y] });
    await waitUntil(() => hoverCard(card), 'opened by hover');
    await waitUntil(() => innerCard(card)?.shadowRoot?.querySelector('[part~="name"]'), 'details shown');
    const inside = centre(hoverCard(card)!);
    await sendMouse({ type: 'move', position: [at.x, at.y + 2] });
    await sendMouse({ type: 'move', position: [inside.x, inside.y] });
    expect(hoverCard(card), 'hoverable').to.not.equal(null);
    await sendMouse({ type: 'move', position: [2, 2] });
    await waitUntil(() => !hoverCard(card), 'closed when the pointer left');
  });

  it('a pointer that passes over a name, leaving within the open delay, opens no card', async () => {
    // The pointer's leaving may come before the card's code (it loads on the first entering): it still
    // cancels the delay. The next name's card opening, after the same delay started later, shows that
    // the first one's would have opened by then.
    const { cards } = await renderCards(2);
    const [passed, rested] = cards;
    const nameOf = (card: Element) => centre(card.shadowRoot!.querySelector('.person-hover')!);
    const first = nameOf(passed);
    await sendMouse({ type: 'move', position: [first.x, first.y] });
    const second = nameOf(rested);
    await sendMouse({ type: 'move', position: [second.x, second.y] });
    await waitUntil(() => hoverCard(rested), 'the card of the name the pointer rests on opens');
    expect(hoverCard(passed), 'no card for the name passed over').to.equal(null);
    const button = passed.shadowRoot!.querySelector('.person-trigger');
    if (button) expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('a click on give kudos opens a composer addressed to the person', async () => {
    const { cards } = await renderCards();
    const [card] = cards;
    card.shadowRoot!.querySelector<HTMLElement>('.person-hover a, .person-trigger')!.focus();
    await waitUntil(() => hoverCard(card)?.querySelector('[part~="give-kudos"]'), 'card opened');
    hoverCard(card)!.querySelector<HTMLElement>('[part~="give-kudos"]')!.click();
    await waitUntil(() => hoverCard(card)?.querySelector('kring-kudos-composer'), 'composer shown');
    expect(hoverCard(card)!.querySelector('kring-kudos-composer')!.getAttribute('to')).to.equal(
      card.getAttribute('person'),
    );
  });

  it("what the keyboard does before the card's code has arrived is done, in order, when it arrives", async () => {
    // Each host makes its card when the card's code has arrived (a microtask at least, a round trip on a
    // first hover): a focus that leaves before then opens nothing; ArrowDown before then enters the card.
    const { cards } = await renderCards(2);
    const [left, entered] = cards;
    const trigger = (card: Element) =>
      card.shadowRoot!.querySelector<HTMLElement>('.person-hover a, .person-trigger')!;
    trigger(left).focus();
    trigger(left).blur();
    trigger(entered).focus();
    const arrowDown = new KeyboardEvent('keydown', {
      key: 'ArrowDown',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    trigger(entered).dispatchEvent(arrowDown);
    expect(arrowDown.defaultPrevented, 'the page does not scroll').to.equal(true);
    await waitUntil(() => entered.shadowRoot!.activeElement === hoverCard(entered), 'focus in the card');
    await left.updateComplete;
    expect(hoverCard(left) === null, 'the focus came and went: no card').to.equal(true);
    if (trigger(left).matches('button'))
      expect(trigger(left).getAttribute('aria-expanded')).to.equal('false');
    if (trigger(entered).matches('button'))
      expect(trigger(entered).getAttribute('aria-expanded')).to.equal('true');
  });

  it("show() and close() called before the card's code has arrived are done, in order, when it arrives", async () => {
    // A host that opens cards itself (as the expertise finder does for a chosen person). Each host makes its
    // card when the card's code has arrived (a microtask at least), so these calls all come before.
    class HoverHost extends LitElement {
      readonly hover = new PersonHoverController(this, { language: () => 'en', client: () => undefined });
      override render() {
        return html`${this.hover.wrap(
          'ann',
          'p00002',
          'Ann',
          html`<a href="#ann">Ann</a>`,
        )}${this.hover.card()}`;
      }
    }
    customElements.define('kring-test-hover-host', HoverHost);
    const test = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${test.name} lang="en">
        <kring-test-hover-host></kring-test-hover-host><kring-test-hover-host></kring-test-hover-host>
      </kring-community>`,
    );
    const [shown, closed] = [...community.querySelectorAll<HoverHost>('kring-test-hover-host')];
    const anchor = (host: HoverHost) => host.shadowRoot!.querySelector('.person-hover')!;
    shown.hover.show('ann', 'p00002', 'Ann', anchor(shown), { focus: true });
    closed.hover.show('ann', 'p00002', 'Ann', anchor(closed));
    expect(closed.hover.close(), 'no card is open yet').to.equal(false);
    await waitUntil(
      () => hoverCard(shown) && shown.shadowRoot!.activeElement === hoverCard(shown),
      'opened, the focus in it',
    );
    expect(hoverCard(shown)!.getAttribute('aria-label')).to.equal('Card of Ann');
    await closed.updateComplete;
    expect(hoverCard(closed), 'opened and closed before the code came: no card').to.equal(null);
    expect(closed.hover.close(), 'nothing left to close').to.equal(false);
  });

  it('cards opened together load their details in one request', async () => {
    const { cards, calls } = await renderCards(4);
    // Focus opens one card per host; opened in one go they share one batch.
    for (const card of cards) {
      const trigger = card.shadowRoot!.querySelector<HTMLElement>('.person-hover a, .person-trigger')!;
      trigger.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    }
    await waitUntil(
      () => cards.every((card) => innerCard(card)?.shadowRoot?.querySelector('[part~="name"]')),
      'all four opened',
    );
    const details = detailCalls(calls);
    expect(details).to.have.length(1);
    expect([...(details[0][0] as string[])].sort()).to.deep.equal(
      cards.map((card) => card.getAttribute('person')).sort(),
    );
  });
});

describe('hover card in the kudos feed', () => {
  afterEach(() => resetMouse());

  it("opens a giver's card on focus of their name, with axe clean, and Escape closes it", async () => {
    const test = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${test.name} lang="en"
        ><kring-kudos-feed limit="3"></kring-kudos-feed
      ></kring-community>`,
    );
    const feed = community.querySelector('kring-kudos-feed')!;
    await waitUntil(() => feed.shadowRoot!.querySelector('[part~="giver"] .person-trigger'), 'names shown');
    const trigger = feed.shadowRoot!.querySelector<HTMLElement>('[part~="giver"] .person-trigger')!;
    trigger.focus();
    await waitUntil(() => innerCard(feed)?.shadowRoot?.querySelector('[part~="name"]'), 'card opened');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(text(innerCard(feed)!.shadowRoot!.querySelector('[part~="name"]'))).to.equal(
      text(trigger.querySelector('[part~="name"]')),
    );
    await expect(feed).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !hoverCard(feed), 'closed by Escape');
  });

  it('opens on hover of a photo and name', async () => {
    const test = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${test.name} lang="en"
        ><kring-kudos-feed limit="3"></kring-kudos-feed
      ></kring-community>`,
    );
    const feed = community.querySelector('kring-kudos-feed')!;
    await waitUntil(
      () => feed.shadowRoot!.querySelector('[part~="receiver"] .person-trigger'),
      'names shown',
    );
    const at = centre(feed.shadowRoot!.querySelector('[part~="receiver"] .person-trigger')!);
    await sendMouse({ type: 'move', position: [at.x, at.y] });
    await waitUntil(() => innerCard(feed), 'opened by hover');
  });
});

describe('hover card in the people picker', () => {
  it("opens a chosen person's card on focus of their chip, and Escape closes it", async () => {
    const test = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${test.name} lang="en"
        ><kring-people-picker multiple value="p00002,p00014"></kring-people-picker
      ></kring-community>`,
    );
    const picker = community.querySelector('kring-people-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelectorAll('[part~="chip-person"]').length === 2, 'chips');
    const chip = picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="chip-person"]')[1];
    chip.focus();
    await waitUntil(() => innerCard(picker)?.shadowRoot?.querySelector('[part~="name"]'), 'card opened');
    expect(innerCard(picker)!.getAttribute('person')).to.equal('p00014');
    await expect(picker).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !hoverCard(picker), 'closed');
  });
});
