import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { KringKudosComposer } from '../src/elements/kudos-composer/kudos-composer.js';
import type { KringExpertiseFinder } from '../src/elements/expertise-finder/expertise-finder.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { registerTestBackend } from './helpers/backends.js';
import { FakeClient, provide } from './helpers/expertise-finder.js';
import { $, $$, deepActiveElement, inCommunity, testBackend } from './helpers/kudos.js';

const articles = (feed: KringKudosFeed) => $$(feed, 'article[data-kudos-id]');

async function feedLoaded(feed: KringKudosFeed): Promise<void> {
  await waitUntil(() => articles(feed).length > 0, 'feed loaded', { timeout: 8000 });
}

describe('accessibility beyond axe', () => {
  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none' });
  });

  it('finder: the results list is not a Tab stop; focus stays in the field', async () => {
    const client = new FakeClient();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provide(host, client);
    const wrapper = await fixture<HTMLDivElement>(
      // A short list that scrolls, as a long result list does on a real page.
      html`<div>
        <style>
          kring-expertise-finder::part(results) {
            max-height: 3rem;
          }
        </style>
        <kring-expertise-finder query="power bi"></kring-expertise-finder>
      </div>`,
      { parentNode: host },
    );
    const finder = wrapper.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    await waitUntil(() => finder.shadowRoot!.querySelector('[role="option"]'), 'results');
    const listbox = finder.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox.scrollHeight, 'the list scrolls').to.be.greaterThan(listbox.clientHeight);
    expect(listbox.getAttribute('tabindex')).to.equal('-1');
    finder.shadowRoot!.querySelector('input')!.focus();
    for (let stop = 0; stop < 6; stop++) {
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement(), `Tab ${stop + 1}`).not.to.equal(listbox);
    }
    // A click on the list (not on an option) leaves the focus in the field, where the keys work.
    listbox.focus();
    expect(finder.shadowRoot!.activeElement).to.equal(finder.shadowRoot!.querySelector('input'));
  });

  it('reaction buttons: pressed and focused look different under forced colours', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="1"></kring-kudos-feed>`,
    );
    await feedLoaded(feed);
    const buttons = [...articles(feed)[0].querySelectorAll<HTMLButtonElement>('button[aria-pressed]')];
    const [pressed, other] = buttons;
    pressed.click();
    await waitUntil(() => pressed.getAttribute('aria-pressed') === 'true', 'pressed');
    other.focus();
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(other);
    const pressedStyle = getComputedStyle(pressed);
    const focusedStyle = getComputedStyle(other);
    // Pressed is filled; focused is not, and carries an outline the pressed one does not.
    expect(pressedStyle.backgroundColor).not.to.equal(focusedStyle.backgroundColor);
    expect(focusedStyle.outlineStyle).to.equal('solid');
    expect(pressedStyle.outlineStyle).to.equal('none');
    expect(focusedStyle.outlineColor).not.to.equal(pressedStyle.borderTopColor);
  });

  it('composer: the "To" error looks like the Message error (danger colour and border)', async () => {
    const setup = testBackend();
    const { element: composer } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer></kring-kudos-composer>`,
    );
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    const picker = $(composer, 'kring-people-picker')!;
    await waitUntil(
      () => picker.shadowRoot!.textContent!.includes('Choose at least one colleague.'),
      'error',
    );
    const hint = picker.shadowRoot!.querySelector('[part="hint"]')!;
    const field = picker.shadowRoot!.querySelector('[part="field"]')!;
    const messageError = $(composer, '[part="field-error"]')!;
    const textarea = $(composer, 'textarea')!;
    expect(getComputedStyle(hint).color).to.equal(getComputedStyle(messageError).color);
    expect(getComputedStyle(field).borderTopColor).to.equal(getComputedStyle(textarea).borderTopColor);
  });

  it('"Load more": says how many came and moves the focus to the first new kudos', async () => {
    announcementQueue().clear();
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="4"></kring-kudos-feed>`,
    );
    await feedLoaded(feed);
    const more = $(feed, '[part="load-more"]') as HTMLButtonElement;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => articles(feed).length === 8, 'second page');
    await waitUntil(() => deepActiveElement() === articles(feed)[4], 'focus on the first new kudos');
    await waitUntil(
      () => announcementQueue().liveRegion.textContent!.includes('4 more kudos loaded.'),
      'said',
    );
  });

  for (const page of [
    { lang: 'ar', dir: 'rtl' },
    { lang: 'pl', dir: 'ltr' },
  ]) {
    it(`marks English content under lang="${page.lang}" dir="${page.dir}" as lang="en" dir="ltr"`, async () => {
      const { name } = registerTestBackend();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang=${page.lang} dir=${page.dir}>
          <kring-community backend=${name}>
            <kring-kudos-feed limit="2"></kring-kudos-feed>
            <kring-expertise-finder></kring-expertise-finder>
            <kring-pulse month="2026-10"></kring-pulse>
          </kring-community>
        </div>`,
      );
      const feed = wrapper.querySelector('kring-kudos-feed') as KringKudosFeed;
      await feedLoaded(feed);
      for (const element of wrapper.querySelectorAll(
        'kring-kudos-feed, kring-expertise-finder, kring-pulse',
      )) {
        await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const marked = [...element.shadowRoot!.children].filter((child) => child.localName !== 'style');
        expect(marked.length, element.localName).to.be.greaterThan(0);
        for (const child of marked) {
          expect(child.getAttribute('lang'), `${element.localName} ${child.localName} lang`).to.equal('en');
          const dir = child.getAttribute('dir') ?? getComputedStyle(child).direction;
          expect(dir, `${element.localName} ${child.localName} dir`).to.equal('ltr');
        }
      }
      const time = $(feed, 'article time')!;
      expect(getComputedStyle(time).direction).to.equal('ltr');
    });
  }

  it('kudos message links say they open a new tab (nl and en)', async () => {
    const setup = testBackend();
    const me = setup.demo.demo.currentUserId;
    const [anna] = setup.demo.demo.data.people.filter((person) => person.id !== me);
    await setup.demo.giveKudos(
      { to: [anna.id], message: 'Read https://intranet.example/news please' },
      { idempotencyKey: 'a11y-new-tab' },
    );
    for (const [lang, words] of [
      ['en', '(opens in a new tab)'],
      ['nl', '(opent in een nieuw tabblad)'],
    ]) {
      const { element: feed } = await inCommunity<KringKudosFeed>(
        setup.backend,
        html`<kring-kudos-feed limit="1"></kring-kudos-feed>`,
        { lang },
      );
      await feedLoaded(feed);
      const link = $(feed, '[part="message-link"]') as HTMLAnchorElement;
      expect(link.target).to.equal('_blank');
      expect(link.textContent!.replace(/\s+/g, ' ')).to.contain(words);
    }
  });

  it('does not mark content that is in the page language', async () => {
    const { name } = registerTestBackend();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="nl">
        <kring-community backend=${name}><kring-kudos-feed limit="2"></kring-kudos-feed></kring-community>
      </div>`,
    );
    const feed = wrapper.querySelector('kring-kudos-feed') as KringKudosFeed;
    await feedLoaded(feed);
    expect(
      [...feed.shadowRoot!.children].filter(
        (child) => child.hasAttribute('lang') || child.hasAttribute('dir'),
      ),
    ).to.deep.equal([]);
  });
});
