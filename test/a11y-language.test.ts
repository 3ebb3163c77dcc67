import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { DemoBackend } from '../src/backends/demo/index.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import { registerTestBackend } from './helpers/backends.js';

/*
 * Language of parts (WCAG 3.1.2) and reading order (1.3.2) for what users and the organisation wrote:
 * kudos messages carry the language the backend knows they are in; job titles, departments, company
 * values and badge criteria carry the content language (the demo's data is Dutch, `content-lang`
 * overrides). Tried in a third language with a right-to-left page, where Kring falls back to English.
 */

const shadow = (element: Element, selector: string) => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

async function settled(element: Element, selector: string): Promise<void> {
  await waitUntil(() => element.shadowRoot?.querySelector(selector), `${element.localName} ${selector}`, {
    timeout: 8000,
  });
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** A person of the demo data with a job title and an awarded badge that lists what it counted. */
function personWithCriteria(backend: DemoBackend): string {
  const people = new Map(backend.demo.data.people.map((person) => [person.id, person]));
  const award = backend.demo.data.badges.find(
    (badge) => badge.criteriaMet.length > 0 && people.get(badge.personId)?.title,
  )!;
  return award.personId;
}

describe('language and direction of content', () => {
  it('under <html lang="ar" dir="rtl">, English UI: Dutch demo content is marked lang="nl"', async () => {
    const { name, backend } = registerTestBackend();
    const person = personWithCriteria(backend as DemoBackend);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="ar" dir="rtl">
        <kring-community backend=${name}>
          <kring-kudos-feed limit="20"></kring-kudos-feed>
          <kring-profile-card person=${person}></kring-profile-card>
          <kring-ambassador-badge person=${person}></kring-ambassador-badge>
        </kring-community>
      </div>`,
    );
    const feed = wrapper.querySelector('kring-kudos-feed') as KringKudosFeed;
    const card = wrapper.querySelector('kring-profile-card')!;
    const badge = wrapper.querySelector('kring-ambassador-badge')!;
    await settled(feed, 'article[data-kudos-id]');
    await settled(card, '[part="title"]');
    await settled(badge, '[part="badge"]');

    // The elements speak English (no Arabic strings), marked as such against the page.
    expect(
      [...feed.shadowRoot!.children].find((child) => child.localName !== 'style')!.getAttribute('lang'),
    ).to.equal('en');
    // Messages: Dutch ones say so; English ones inherit the element's English; all isolate their direction.
    const messages = shadow(feed, '[part="message"]');
    const dutch = messages.filter((message) => message.getAttribute('lang') === 'nl');
    const unmarked = messages.filter((message) => !message.hasAttribute('lang'));
    expect(dutch.length, 'Dutch messages').to.be.greaterThan(0);
    expect(unmarked.length, 'English messages').to.be.greaterThan(0);
    for (const message of unmarked) expect(message.textContent).to.match(/Thanks|Great job/);
    for (const message of dutch) expect(message.textContent).not.to.match(/^\s*(Thanks|Great job)/);
    for (const message of messages) expect(message.getAttribute('dir')).to.equal('auto');
    // The company's values ("Samen sterk") are its own words, in Dutch.
    const values = shadow(feed, '[part="value"] [lang]');
    expect(values.length).to.be.greaterThan(0);
    for (const value of values) expect(value.getAttribute('lang')).to.equal('nl');

    // Job title and department, in Dutch, read left to right (no dir needed: English is too).
    const title = shadow(card, '[part="title"]')[0];
    expect(title.getAttribute('lang')).to.equal('nl');
    expect(title.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(title).direction).to.equal('ltr');
    expect(shadow(card, '[part="meta"]')[0].getAttribute('lang')).to.equal('nl');

    // The badge's "what was counted", stored in Dutch ("4 artikelen"): Kring's own criteria are said in
    // the reader's English, so they carry no Dutch mark.
    shadow(badge, '[part="badge"]')[0].click();
    const counted = () => shadow(badge, '[role="group"]:not([hidden]) ul li');
    await waitUntil(() => counted().length > 0, 'criteria shown');
    const criteria = counted()[0];
    expect(criteria.hasAttribute('lang')).to.equal(false);
    expect(criteria.textContent).to.match(
      /article|presentation|repl|conversation|invitation|colleague|department/,
    );
    expect(criteria.textContent).not.to.match(/artikel|presentatie|reactie|gesprek|uitnodiging|collega/);
  });

  it('content-lang="ar" under a Dutch page: titles and departments are marked lang="ar" dir="rtl"', async () => {
    const { name } = registerTestBackend();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="nl">
        <kring-community backend=${name} content-lang="ar">
          <kring-expertise-finder query="python"></kring-expertise-finder>
          <kring-pioneers></kring-pioneers>
        </kring-community>
      </div>`,
    );
    const finder = wrapper.querySelector('kring-expertise-finder')!;
    const pioneers = wrapper.querySelector('kring-pioneers')!;
    await settled(finder, '[part="meta"]');
    await settled(pioneers, '[part="meta"]');
    for (const element of [finder, pioneers]) {
      const meta = shadow(element, '[part="meta"]');
      expect(meta.length, element.localName).to.be.greaterThan(0);
      for (const line of meta) {
        expect(line.getAttribute('lang'), element.localName).to.equal('ar');
        expect(line.getAttribute('dir'), element.localName).to.equal('rtl');
        expect(getComputedStyle(line).direction).to.equal('rtl');
      }
      // The element's own Dutch text is not claimed for another language.
      for (const child of element.shadowRoot!.children)
        expect(child.getAttribute('lang') ?? 'nl', element.localName).to.equal('nl');
    }
  });

  it('marks nothing when the content is in the language the elements speak', async () => {
    const { name } = registerTestBackend();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="nl">
        <kring-community backend=${name}>
          <kring-expertise-finder query="python"></kring-expertise-finder>
        </kring-community>
      </div>`,
    );
    const finder = wrapper.querySelector('kring-expertise-finder')!;
    await settled(finder, '[part="meta"]');
    // (The finder states its own language on its root; nothing in it claims another one.)
    expect(shadow(finder, '[lang]').map((node) => node.getAttribute('lang'))).to.deep.equal(['nl']);
    expect(shadow(finder, '[part="meta"][lang], [part="meta"][dir]')).to.deep.equal([]);
  });
});
