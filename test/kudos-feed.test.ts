import { expect, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { BackendError } from '../src/errors.js';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { KringKudosComposer } from '../src/elements/kudos-composer/kudos-composer.js';
import type { Kudos } from '../src/model.js';
import type { Backend } from '../src/backends/backend.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { $, $$, deepActiveElement, inCommunity, shadowText, testBackend } from './helpers/kudos.js';

const said = () => announcementQueue().liveRegion.textContent ?? '';
const articles = (feed: KringKudosFeed) => $$(feed, 'article[data-kudos-id]');

async function loaded(feed: KringKudosFeed): Promise<void> {
  await waitUntil(
    () => articles(feed).length > 0 || $(feed, '[part="empty"]') || $(feed, '[part="error"]'),
    'feed loaded',
    {
      timeout: 8000,
    },
  );
}

describe('<kring-kudos-feed>', () => {
  it('shows a skeleton while loading', async () => {
    const setup = testBackend({ latencyMs: 60_000 });
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed></kring-kudos-feed>`,
    );
    await feed.updateComplete;
    expect($$(feed, '[part="skeleton"]').length).to.equal(3);
    expect(shadowText(feed)).to.contain('Loading kudos…');
    await expect(feed).to.be.accessible();
  });

  it('renders kudos newest first with people, value, time and reactions (en)', async () => {
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="5"></kring-kudos-feed>`,
    );
    await loaded(feed);
    const expected = (await setup.demo.listKudos({ limit: 5 })).items;
    const people = new Map(setup.demo.demo.data.people.map((person) => [person.id, person.name]));
    await waitUntil(() => shadowText(feed).includes(people.get(expected[0].from)!), 'names resolved');
    expect(articles(feed).map((article) => article.dataset.kudosId)).to.deep.equal(
      expected.map((kudos) => kudos.id),
    );
    const first = articles(feed)[0];
    expect(first.querySelector('[part~="giver"]')!.textContent!.trim()).to.contain(
      people.get(expected[0].from),
    );
    expect(first.querySelectorAll('[part~="receiver"]').length).to.equal(expected[0].to.length);
    // The seeded data (fixed seed and clock, see TEST_NOW) makes the newest kudos one with a value.
    expect(expected[0].value, 'the newest kudos has a value').to.be.a('string').and.not.equal('');
    expect(first.querySelector('[part="value"]')!.textContent).to.contain(expected[0].value);
    const time = first.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(expected[0].createdAt);
    // The exact time is read once, from the time's own text (no `title` repeating it).
    // The demo data ends on TEST_NOW (20 November 2026), whatever today is.
    expect(time.textContent).to.match(/Given on \w+day, November \d{1,2}, 2026 at /);
    expect(time.tabIndex).to.equal(0);
    expect(first.querySelectorAll('button[aria-pressed]').length).to.equal(4);
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    // A strict CSP (style-src 'self') blocks style attributes: colours come from classes.
    expect($$(feed, '[style]:not([role="feed"]):not(article)').map((node) => node.localName)).to.deep.equal(
      [],
    );
    expect(first.querySelector('.avatar')!.className).to.match(/\bhue-\d+\b/);
    expect($(feed, '[part="load-more"]')).to.exist;
    await expect(feed).to.be.accessible();
  });

  it('speaks Dutch, including relative times', async () => {
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="3"></kring-kudos-feed>`,
      {
        lang: 'nl',
      },
    );
    await loaded(feed);
    const text = shadowText(feed);
    expect(text).to.contain('Bedankt');
    expect(text).to.contain('Meer kudos laden');
    expect(text).to.match(/geleden|gisteren|vandaag|vorige|uur|minuten|dagen|week/);
    expect($(feed, 'article time')!.textContent).to.match(
      /(maan|dins|woens|donder|vrij|zater|zon)dag \d+ \p{L}+ \d{4} om/u,
    );
    await expect(feed).to.be.accessible();
  });

  it('shows "be the first" when nothing matches', async () => {
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed value="No such value"></kring-kudos-feed>`,
    );
    await loaded(feed);
    expect($(feed, '[part="empty"]')!.textContent).to.contain('Be the first');
    await expect(feed).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const setup = testBackend();
    setup.network.online = false;
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="3"></kring-kudos-feed>`,
      {
        client: { readRetries: 0 },
      },
    );
    await loaded(feed);
    expect(shadowText(feed)).to.contain('The kudos could not be loaded.');
    await expect(feed).to.be.accessible();
    setup.network.online = true;
    ($(feed, '[part="error"] [part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => articles(feed).length === 3, 'recovered');
    await expect(feed).to.be.accessible();
  });

  it('says when the backend offers no kudos', async () => {
    const setup = testBackend();
    const backend = Object.assign(Object.create(setup.backend) as Backend, {
      capabilities: { ...setup.backend.capabilities, kudos: false },
    });
    const { element: feed } = await inCommunity<KringKudosFeed>(
      backend,
      html`<kring-kudos-feed compose></kring-kudos-feed>`,
    );
    await waitUntil(() => $(feed, '[part="empty"]'), 'unavailable shown');
    expect(shadowText(feed)).to.contain('Kudos are not available on this intranet.');
    expect(setup.calls.get('listKudos') ?? 0).to.equal(0);
    expect($(feed, 'kring-kudos-composer'), 'no composer either').to.equal(null);
    await expect(feed).to.be.accessible();
  });

  it('reports a bad limit and keeps working with 20', async () => {
    const setup = testBackend();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const { element: feed } = await inCommunity<KringKudosFeed>(
        setup.backend,
        html`<kring-kudos-feed limit="lots"></kring-kudos-feed>`,
      );
      await loaded(feed);
      expect($(feed, '[part="problem"]')!.textContent).to.contain('limit="lots"');
      expect(errors.filter((line) => line.includes('limit="lots"')).length).to.equal(1);
      await waitUntil(() => articles(feed).length >= 5, 'items');
    } finally {
      console.error = original;
    }
  });

  it('filters by person, from, department and value like the backend', async () => {
    const setup = testBackend();
    const sample = (await setup.demo.listKudos({ limit: 1 })).items[0];
    const giver = setup.demo.demo.data.people.find((person) => person.id === sample.from)!;
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed
        person=${sample.to[0]}
        from=${sample.from}
        department=${giver.department!}
        limit="50"
      ></kring-kudos-feed>`,
    );
    await loaded(feed);
    const expected = await setup.demo.listKudos({
      person: sample.to[0],
      from: sample.from,
      department: giver.department,
      limit: 50,
    });
    expect(articles(feed).map((article) => article.dataset.kudosId)).to.deep.equal(
      expected.items.map((kudos) => kudos.id),
    );
  });

  it('pages with "load more"', async () => {
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="4"></kring-kudos-feed>`,
    );
    await loaded(feed);
    expect(articles(feed).length).to.equal(4);
    ($(feed, '[part="load-more"]') as HTMLButtonElement).click();
    await waitUntil(() => articles(feed).length === 8, 'second page');
    const expected = (await setup.demo.listKudos({ limit: 8 })).items.map((kudos) => kudos.id);
    expect(articles(feed).map((article) => article.dataset.kudosId)).to.deep.equal(expected);
  });

  for (const backendHonoursAbort of [true, false]) {
    it(`a reload during "load more" shows only the reloaded page, with no error (backend ${backendHonoursAbort ? 'honours' : 'ignores'} the abort)`, async () => {
      const setup = testBackend();
      const listKudos = setup.demo.listKudos.bind(setup.demo);
      let release!: () => void;
      let heldAnswer: Promise<unknown> | undefined;
      setup.demo.listKudos = (query, options) => {
        if (!query.cursor) return listKudos(query, options);
        const answer = new Promise<void>((resolve, reject) => {
          release = resolve;
          if (backendHonoursAbort) {
            options?.signal?.addEventListener('abort', () =>
              reject(new BackendError('aborted', 'Cancelled.')),
            );
          }
        }).then(() => listKudos(query, options));
        heldAnswer = answer;
        return answer;
      };
      const { element: feed } = await inCommunity<KringKudosFeed>(
        setup.backend,
        html`<kring-kudos-feed limit="4"></kring-kudos-feed>`,
      );
      await loaded(feed);
      ($(feed, '[part="load-more"]') as HTMLButtonElement).click();
      await waitUntil(() => heldAnswer !== undefined, 'the next page was asked for');
      await feed.reload();
      const first = heldAnswer;
      release();
      await heldAnswer!.catch(() => undefined);
      await feed.updateComplete;
      await feed.updateComplete;
      expect(articles(feed).length, 'the old second page is not added').to.equal(4);
      expect(shadowText(feed)).not.to.contain('More kudos could not be loaded.');
      expect(said()).not.to.contain('More kudos could not be loaded.');
      ($(feed, '[part="load-more"]') as HTMLButtonElement).click();
      await waitUntil(() => heldAnswer !== first, 'asked again');
      release();
      await waitUntil(() => articles(feed).length === 8, 'load more works after the reload');
    });
  }

  it('reacts and shows who reacted, by keyboard alone', async () => {
    const setup = testBackend();
    const me = setup.demo.demo.data.people.find((person) => person.id === setup.demo.demo.currentUserId)!;
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="2"></kring-kudos-feed>`,
    );
    await loaded(feed);
    const first = articles(feed)[0];
    const kudosId = first.dataset.kudosId!;
    const before = (await setup.demo.listKudos({ limit: 1 })).items[0].reactions.find(
      (reaction) => reaction.type === 'thanks',
    )!;
    expect(before.reactedByMe).to.equal(false);

    // Keyboard: from the item's time, Tab reaches the first reaction; Space toggles it.
    (first.querySelector('time') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    const thanks = deepActiveElement() as HTMLButtonElement;
    expect(thanks.dataset.reaction).to.equal('thanks');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => thanks.getAttribute('aria-pressed') === 'true', 'pressed at once');
    expect(thanks.textContent).to.contain(String(before.count + 1));
    await waitUntil(async () => (await setup.demo.listReactors(kudosId, 'thanks')).includes(me.id), 'saved');
    await expect(feed).to.be.accessible();

    // Tab past the other reactions to "Who reacted?" and open it.
    for (let step = 0; step < 4; step++) await sendKeys({ press: 'Tab' });
    const toggle = deepActiveElement() as HTMLButtonElement;
    expect(toggle.getAttribute('part')).to.equal('reactors-toggle');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => first.querySelector('[part="reactors"]')?.textContent?.includes(me.name),
      'who reacted',
    );
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(feed).to.be.accessible();

    // Page Down / Page Up move between kudos (ARIA feed pattern).
    thanks.focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => deepActiveElement() === articles(feed)[1], 'next kudos focused');
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => deepActiveElement() === first, 'previous kudos focused');

    // Toggle off again.
    thanks.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => !(await setup.demo.listReactors(kudosId, 'thanks')).includes(me.id),
      'removed',
    );
    expect(thanks.getAttribute('aria-pressed')).to.equal('false');
  });

  it('rolls a reaction back, says so, and leaves nothing in the outbox when the server refuses it', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const { element: feed, client } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="1"></kring-kudos-feed>`,
    );
    await loaded(feed);
    const love = articles(feed)[0].querySelector('[data-reaction="love"]') as HTMLButtonElement;
    const countBefore = love.textContent!.replace(/\D+/g, '');
    setup.network.refuse = new BackendError('forbidden', 'Reactions are closed.', { status: 403 });
    love.click();
    await feed.updateComplete;
    expect(love.getAttribute('aria-pressed')).to.equal('true');
    // Said through the page's one announcement queue.
    await waitUntil(() => said().includes('Your reaction could not be saved.'), 'told');
    expect(love.getAttribute('aria-pressed')).to.equal('false');
    expect(love.textContent!.replace(/\D+/g, '')).to.equal(countBefore);
    expect(client.outbox('react')).to.deep.equal([]);
  });

  it('gets a kudos sent in a composer into every feed whose filter matches', async function () {
    this.timeout(30_000);
    const setup = testBackend();
    const me = setup.demo.demo.currentUserId;
    const [receiver, other] = setup.demo.demo.data.people.filter((person) => person.id !== me);
    const { community } = await inCommunity<HTMLElement>(
      setup.backend,
      html`<kring-kudos-composer to=${receiver.id}></kring-kudos-composer>
        <kring-kudos-feed id="all" limit="3"></kring-kudos-feed>
        <kring-kudos-feed id="received" person=${receiver.id} limit="3"></kring-kudos-feed>
        <kring-kudos-feed id="other" person=${other.id} limit="3"></kring-kudos-feed>`,
    );
    const composer = community.querySelector('kring-kudos-composer') as KringKudosComposer;
    const feeds = [...community.querySelectorAll('kring-kudos-feed')] as KringKudosFeed[];
    for (const feed of feeds) {
      feed.scrollIntoView();
      await loaded(feed);
    }
    const otherBefore = articles(feeds[2]).map((article) => article.dataset.kudosId);
    const textarea = $(composer, 'textarea') as HTMLTextAreaElement;
    textarea.value = 'Live across feeds, thanks @' + receiver.name.split(' ')[0];
    textarea.dispatchEvent(new Event('input'));
    const sent = new Promise<Kudos>((resolve) =>
      composer.addEventListener('kring-kudos-sent', (event) => resolve(event.detail.kudos), { once: true }),
    );
    announcementQueue().clear();
    const before = announcementQueue().count;
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    const kudos = await sent;
    for (const feed of feeds.slice(0, 2)) {
      // The feeds are virtualised: only what is on screen is rendered.
      feed.scrollIntoView();
      await waitUntil(() => articles(feed)[0]?.dataset.kudosId === kudos.id, `${feed.id} shows it first`);
      expect(articles(feed).filter((article) => article.dataset.kudosId === kudos.id).length).to.equal(1);
      expect(shadowText(feed)).to.contain('Live across feeds');
    }
    // One announcement for the send: the composer's confirmation; the feeds do not repeat your own kudos.
    await waitUntil(() => said().includes(`Kudos sent to ${receiver.name}`), 'the send is confirmed');
    expect(said()).not.to.contain('New kudos from');
    expect(announcementQueue().count - before).to.equal(1);
    feeds[2].scrollIntoView();
    await loaded(feeds[2]);
    expect(articles(feeds[2]).map((article) => article.dataset.kudosId)).to.deep.equal(otherBefore);
  });

  it('hosts a composer with compose, and shows unsent kudos with retry (once) and discard', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const me = setup.demo.demo.currentUserId;
    const [anna, bram] = setup.demo.demo.data.people.filter((person) => person.id !== me);
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed compose person=${anna.id} limit="3"></kring-kudos-feed>`,
    );
    await loaded(feed);
    const composer = $(feed, 'kring-kudos-composer') as KringKudosComposer;
    expect(composer.hidePending).to.equal(true);
    expect(composer.to).to.deep.equal([anna.id]);
    await expect(feed).to.be.accessible();
    const before = (await setup.demo.listKudos({ person: anna.id, limit: 1 })).total!;

    setup.network.refuse = new BackendError('forbidden', 'Kudos are paused.', { status: 403 });
    for (const message of ['Retry me', 'Discard me']) {
      // The second goes to someone outside the feed's filter: still shown here, with its buttons.
      if (message === 'Discard me') composer.to = [bram.id];
      await composer.updateComplete;
      const textarea = $(composer, 'textarea') as HTMLTextAreaElement;
      textarea.value = message;
      textarea.dispatchEvent(new Event('input'));
      ($(composer, '[part="send"]') as HTMLButtonElement).click();
      await nextEvent(composer, 'kring-kudos-failed', { failOn: 'kring-kudos-sent' });
    }
    await waitUntil(() => $$(feed, '[data-outbox-id][data-state="failed"]').length === 2, 'two not sent');
    expect($(composer, '[data-outbox-id]'), 'the composer leaves them to the feed').to.equal(null);
    expect(shadowText(feed)).to.contain('Not sent.');
    await expect(feed).to.be.accessible();

    setup.network.refuse = undefined;
    const unsent = (text: string) =>
      $$(feed, '[data-outbox-id]').find((item) => item.textContent!.includes(text))!;
    const sentFromFeed = nextEvent(feed, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    (unsent('Retry me').querySelector('[part="retry"]') as HTMLButtonElement).click();
    expect((await sentFromFeed).detail.kudos.message).to.equal('Retry me');
    (unsent('Discard me').querySelector('[part="discard"]') as HTMLButtonElement).click();
    await waitUntil(() => !$(feed, '[data-outbox-id]'), 'none left unsent');
    await waitUntil(() => shadowText(feed).includes('Retry me'), 'the retried one is in the feed');
    expect(shadowText(feed)).not.to.contain('Discard me');
    expect((await setup.demo.listKudos({ person: anna.id, limit: 1 })).total).to.equal(before + 1);
  });

  it('keeps the DOM bounded: 10,000 kudos, scrolled to item 5,000', async function () {
    this.timeout(120_000);
    const setup = testBackend({ size: 2000 });
    expect((await setup.demo.listKudos({ limit: 1 })).total).to.equal(10_000);
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="100"></kring-kudos-feed>`,
    );
    await loaded(feed);
    while (feed.loadedCount < 5_100) await feed.loadMore();
    // The backend's own item 5,000 (0-based), by paging it directly.
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) cursor = (await setup.demo.listKudos({ limit: 100, cursor })).next;
    const expected = (await setup.demo.listKudos({ limit: 100, cursor })).items;
    await feed.scrollToItem(5_000);
    await waitUntil(
      () => articles(feed).some((article) => article.getAttribute('aria-posinset') === '5001'),
      'item 5,000 rendered',
      {
        timeout: 10_000,
      },
    );
    const itemNodes = articles(feed).length;
    const allNodes = feed.shadowRoot!.querySelectorAll('*').length;
    expect(itemNodes, 'items in the DOM').to.be.below(60);
    expect(allNodes, 'nodes in the shadow root').to.be.below(2_500);
    const rendered = articles(feed).map((article) => article.dataset.kudosId);
    expect(rendered).to.include(expected[0].id);
    expect($(feed, '[role="feed"]')!.classList.contains('virtual')).to.equal(true);
    // Keyboard paging works across virtualised items too.
    await feed.focusItem(5_000);
    await sendKeys({ press: 'PageDown' });
    await waitUntil(
      () => (deepActiveElement() as HTMLElement | null)?.getAttribute('aria-posinset') === '5002',
      'item 5,001 focused',
    );
    await expect(feed).to.be.accessible();
  });
});
