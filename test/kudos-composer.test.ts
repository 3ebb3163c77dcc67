import { expect, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { BackendError } from '../src/errors.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { KringKudosComposer } from '../src/elements/kudos-composer/kudos-composer.js';
import type { KudosFailedDetail, KudosSentDetail } from '../src/events/kudos.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { KringPeoplePicker } from '../src/elements/people-picker/people-picker.js';
import type { Person } from '../src/model.js';
import {
  $,
  $$,
  MemoryStorage,
  deepActiveElement,
  inCommunity,
  shadowText,
  testBackend,
  type TestBackend,
} from './helpers/kudos.js';
import { typeBurst } from './helpers/typing.js';

type Colleague = Pick<Person, 'id' | 'name'>;

/** Colleagues (not the current user) with a unique first name, so typing it finds them. */
function colleagues(setup: TestBackend): Colleague[] {
  const me = setup.demo.demo.currentUserId;
  const people: Colleague[] = setup.demo.demo.data.people.filter((person) => person.id !== me);
  const count = new Map<string, number>();
  for (const person of people)
    count.set(person.name.split(' ')[0], (count.get(person.name.split(' ')[0]) ?? 0) + 1);
  return people.filter((person) => count.get(person.name.split(' ')[0]) === 1);
}

async function givenByMe(setup: TestBackend): Promise<number> {
  return (await setup.demo.listKudos({ from: setup.demo.demo.currentUserId, limit: 1 })).total ?? 0;
}

function typeMessage(composer: KringKudosComposer, message: string): void {
  const textarea = $(composer, 'textarea') as HTMLTextAreaElement;
  textarea.value = message;
  textarea.dispatchEvent(new Event('input'));
}

async function pick(picker: KringPeoplePicker, person: Colleague): Promise<void> {
  await typeBurst(person.name.split(' ')[0]);
  await waitUntil(
    () => $$(picker, '.option-name').some((node) => node.textContent === person.name),
    `${person.name} suggested`,
  );
  const names = $$(picker, '.option-name').map((node) => node.textContent);
  for (let step = 0; step < names.indexOf(person.name); step++) await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => picker.value.includes(person.id), `${person.name} chosen`);
}

describe('<kring-kudos-composer>', () => {
  it('gives kudos to two colleagues by keyboard alone', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const [anna, bram] = colleagues(setup);
    const before = await givenByMe(setup);
    const { community } = await inCommunity<HTMLElement>(
      setup.backend,
      html`<button id="start">start</button><kring-kudos-composer></kring-kudos-composer>`,
    );
    const composer = community.querySelector('kring-kudos-composer')!;
    await waitUntil(() => $$(composer, 'option').length > 1, 'values loaded');
    await expect(composer).to.be.accessible();
    const picker = $(composer, 'kring-people-picker') as KringPeoplePicker;

    (community.querySelector('#start') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('role')).to.equal('combobox');
    await pick(picker, anna);
    await pick(picker, bram);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.localName).to.equal('select');
    await sendKeys({ press: 'ArrowDown' });
    const value = ($(composer, 'select') as HTMLSelectElement).value;
    expect(value).not.to.equal('');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.localName).to.equal('textarea');
    await sendKeys({ type: 'Thanks for the demo!' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.contain('send');
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    await sendKeys({ press: 'Enter' });
    const { detail } = (await sent) as CustomEvent<KudosSentDetail>;
    expect(detail.input).to.deep.equal({ to: [anna.id, bram.id], value, message: 'Thanks for the demo!' });
    expect(detail.kudos.to).to.deep.equal([anna.id, bram.id]);
    expect(await givenByMe(setup)).to.equal(before + 1);
    await waitUntil(
      () => shadowText(composer).includes(`Kudos sent to ${anna.name} and ${bram.name}.`),
      'announced',
    );
    // The form is empty and ready for the next one.
    expect(($(composer, 'textarea') as HTMLTextAreaElement).value).to.equal('');
    expect(picker.value).to.deep.equal([]);
    await expect(composer).to.be.accessible();
  });

  it('shows the kudos as sending at once (optimistic)', async () => {
    const setup = testBackend();
    // The server holds the kudos until the test has seen the optimistic item (not for a fixed time).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const giveKudos = setup.demo.giveKudos.bind(setup.demo);
    setup.demo.giveKudos = async (...args) => {
      await held;
      return giveKudos(...args);
    };
    const [anna] = colleagues(setup);
    const { element: composer } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer to=${anna.id}></kring-kudos-composer>`,
    );
    typeMessage(composer, 'Quick one');
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await composer.updateComplete;
    const pending = $(composer, '[data-outbox-id]');
    expect(pending, 'an unsent item right after clicking').to.exist;
    expect(pending!.textContent).to.contain('Quick one');
    expect(pending!.textContent).to.contain('Sending…');
    await expect(composer).to.be.accessible();
    release();
    await sent;
    await waitUntil(() => !$(composer, '[data-outbox-id]'), 'gone once delivered');
  });

  it('does not keep "Kudos sent to …" beside the error of the next, empty send', async () => {
    const setup = testBackend();
    const [anna] = colleagues(setup);
    const { element: composer } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer to=${anna.id}></kring-kudos-composer>`,
    );
    typeMessage(composer, 'Thanks for the help');
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await sent;
    await waitUntil(
      () => $(composer, '[part~="send-status"]')!.textContent!.includes('Kudos sent to'),
      'sent',
    );
    // The form is empty now: sending again shows the message error, and the old "sent" goes.
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await composer.updateComplete;
    expect($(composer, '#message-error')?.textContent ?? '').to.not.equal('');
    expect($(composer, '[part~="send-status"]')!.textContent!.trim()).to.equal('');
  });

  it('records one kudos-given activity per confirmed kudos, and none for a refusal', async () => {
    const setup = testBackend();
    const [anna] = colleagues(setup);
    const { element: composer, client } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer to=${anna.id} value="Eerlijk"></kring-kudos-composer>`,
    );
    const tracked: { type: string; subject?: string }[] = [];
    const track = client.track.bind(client);
    client.track = (event) => {
      // Only what writes record: `element-seen` comes whenever the browser reports the elements visible.
      if (event.type !== 'element-seen') tracked.push(event);
      track(event);
    };
    typeMessage(composer, 'Tracked once');
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await sent;
    expect(tracked).to.deep.equal([{ type: 'kudos-given', subject: 'Eerlijk' }]);
    composer.to = [setup.demo.demo.currentUserId];
    await composer.updateComplete;
    typeMessage(composer, 'Refused, not tracked');
    const refused = nextEvent(composer, 'kring-kudos-failed');
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await refused;
    expect(tracked.length).to.equal(1);
  });

  it('uses the values attribute, else the backend list', async () => {
    const setup = testBackend();
    const { community } = await inCommunity<HTMLElement>(
      setup.backend,
      html`<kring-kudos-composer values="Samen sterk, Eerlijk"></kring-kudos-composer>
        <kring-kudos-composer></kring-kudos-composer>`,
    );
    const [own, fromBackend] = [...community.querySelectorAll('kring-kudos-composer')];
    await waitUntil(() => $$(fromBackend, 'option').length > 1, 'backend values');
    expect($$(own, 'option').map((option) => option.textContent)).to.deep.equal([
      'No value',
      'Samen sterk',
      'Eerlijk',
    ]);
    const values = await setup.demo.kudosValues();
    expect(
      $$(fromBackend, 'option')
        .map((option) => option.textContent)
        .slice(1),
    ).to.deep.equal(values);
  });

  it('validates before sending: receivers, message required, 2,000 characters with a polite counter', async () => {
    const setup = testBackend();
    const [anna] = colleagues(setup);
    const { element: composer } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer></kring-kudos-composer>`,
    );
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await composer.updateComplete;
    expect(shadowText(composer)).to.contain('Write a message.');
    const picker = $(composer, 'kring-people-picker') as KringPeoplePicker;
    await picker.updateComplete;
    expect(shadowText(picker)).to.contain('Choose at least one colleague.');
    expect(deepActiveElement()?.getAttribute('role')).to.equal('combobox');
    expect($(picker, 'input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(composer).to.be.accessible();

    typeMessage(composer, 'x'.repeat(1955));
    await composer.updateComplete;
    expect($(composer, '[part~="counter"]')!.textContent!.trim()).to.equal('1,955/2,000');
    // Said through the page's one announcement queue (the composer has no live region of its own).
    const queue = announcementQueue();
    const counted = queue.count;
    // `includes`: a message still waiting from the validation above may be said in the same announcement.
    await waitUntil(() => queue.liveRegion.textContent!.includes('45 characters left'), 'counter said', {
      timeout: 5000,
    });
    typeMessage(composer, 'x'.repeat(1956));
    await composer.updateComplete;
    typeMessage(composer, 'x'.repeat(2003));
    await composer.updateComplete;
    await waitUntil(() => queue.liveRegion.textContent!.trim() === '3 characters too many', 'over said', {
      timeout: 5000,
    });
    // Same threshold: not announced again on every key, so two announcements in all.
    expect(queue.count - counted).to.equal(2);
    expect($(composer, '[aria-live], [role="status"]')).to.equal(null);

    const eleven = setup.demo.demo.data.people
      .filter((person) => person.id !== setup.demo.demo.currentUserId)
      .slice(0, 11)
      .map((person) => person.id);
    composer.to = eleven;
    await composer.updateComplete;
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await composer.updateComplete;
    await picker.updateComplete;
    expect(shadowText(picker)).to.contain('Kudos can go to at most 10 colleagues at once.');

    composer.to = [anna.id];
    await composer.updateComplete;
    const calls = setup.calls.get('giveKudos') ?? 0;
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await composer.updateComplete;
    expect(shadowText(composer)).to.contain('The message can be at most 2,000 characters.');
    expect(setup.calls.get('giveKudos') ?? 0).to.equal(calls);
    await expect(composer).to.be.accessible();
  });

  for (const [lang, selfText, limitText] of [
    [
      'en',
      'You cannot give kudos to yourself.',
      'You have reached the limit of kudos to the same colleague for today.',
    ],
    [
      'nl',
      'Je kunt jezelf geen kudos geven.',
      'Je hebt vandaag het maximum aantal kudos aan dezelfde collega bereikt.',
    ],
  ] as const) {
    it(`shows fairness refusals inline and keeps the message (${lang})`, async () => {
      const setup = testBackend();
      const me = setup.demo.demo.currentUserId;
      const [anna] = colleagues(setup);
      const { element: composer } = await inCommunity<KringKudosComposer>(
        setup.backend,
        html`<kring-kudos-composer to=${me}></kring-kudos-composer>`,
        { lang },
      );
      typeMessage(composer, 'To me, from me');
      const failed = nextEvent(composer, 'kring-kudos-failed');
      ($(composer, '[part="send"]') as HTMLButtonElement).click();
      const { detail } = (await failed) as CustomEvent<KudosFailedDetail>;
      expect(detail.code).to.equal('kudos.self');
      expect(detail.error.kind).to.equal('invalid');
      expect(detail.input.message).to.equal('To me, from me');
      await composer.updateComplete;
      expect($(composer, '[part="form-error"]')!.textContent).to.contain(selfText);
      expect(($(composer, 'textarea') as HTMLTextAreaElement).value).to.equal('To me, from me');
      await expect(composer).to.be.accessible();

      // Three kudos to Anna today are fine; the fourth is refused.
      for (let count = 0; count < 3; count++) {
        await setup.demo.giveKudos(
          { to: [anna.id], message: `Thanks ${count}` },
          { idempotencyKey: `limit-${lang}-${count}` },
        );
      }
      const picker = $(composer, 'kring-people-picker') as KringPeoplePicker;
      picker.value = [anna.id];
      picker.dispatchEvent(
        new CustomEvent('kring-people-change', { detail: { ids: [anna.id], people: [anna] } }),
      );
      const before = await givenByMe(setup);
      const refused = nextEvent(composer, 'kring-kudos-failed');
      ($(composer, '[part="send"]') as HTMLButtonElement).click();
      expect(((await refused) as CustomEvent<KudosFailedDetail>).detail.code).to.equal('kudos.daily-limit');
      await composer.updateComplete;
      expect($(composer, '[part="form-error"]')!.textContent).to.contain(limitText);
      expect(await givenByMe(setup)).to.equal(before);
      await expect(composer).to.be.accessible();
    });
  }

  it('sends offline, survives a reload and is delivered exactly once', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const [anna] = colleagues(setup);
    const storage = new MemoryStorage();
    const before = await givenByMe(setup);
    const first = await inCommunity<HTMLElement>(
      setup.backend,
      html`<kring-kudos-composer hide-pending to=${anna.id}></kring-kudos-composer
        ><kring-kudos-feed limit="3"></kring-kudos-feed>`,
      { storage, client: { backoffBaseMs: 20, outboxBackoffMaxMs: 50 } },
    );
    const feed = first.community.querySelector('kring-kudos-feed') as KringKudosFeed;
    await waitUntil(() => $$(feed, 'article').length > 0, 'feed loaded');
    setup.network.online = false;
    const composer = first.community.querySelector('kring-kudos-composer') as KringKudosComposer;
    typeMessage(composer, 'Sent while offline');
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await waitUntil(() => $(feed, '[data-outbox-id][data-state="waiting"]'), 'shown as not sent yet');
    expect($(feed, '[data-outbox-id]')!.textContent).to.contain('Not sent yet; trying again soon.');
    await expect(feed).to.be.accessible();
    expect(storage.length, 'the outbox is persisted').to.be.greaterThan(0);

    // "Reload": the page goes away (client disposed), the network comes back, a new page starts.
    first.community.remove();
    setup.network.online = true;
    const second = await inCommunity<HTMLElement>(
      setup.backend,
      html`<kring-kudos-feed limit="3"></kring-kudos-feed>`,
      { storage },
    );
    const feedAfter = second.element as KringKudosFeed;
    // The new page lists stored writes only once its outbox code has arrived, so an empty outbox or feed
    // alone proves nothing yet: wait for the server to have it first.
    await waitUntil(async () => (await givenByMe(setup)) === before + 1, 'delivered', { timeout: 5_000 });
    await waitUntil(
      () => second.client.outbox('giveKudos').length === 0 && !$(feedAfter, '[data-outbox-id]'),
      'no longer shown as unsent',
      { timeout: 5_000 },
    );
    await waitUntil(() => shadowText(feedAfter).includes('Sent while offline'), 'shown in the feed as sent');
    expect(await givenByMe(setup)).to.equal(before + 1);
    // Nothing left that could send it again.
    second.client.dispose();
    expect(storage.length, 'the persisted outbox is empty').to.equal(0);
    expect(await givenByMe(setup)).to.equal(before + 1);
  });

  it('demo page: offline per the browser → send → reload → online → delivered once', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const [anna] = colleagues(setup);
    const storage = new MemoryStorage();
    const before = await givenByMe(setup);
    const sessionStorage = new MemoryStorage();
    let browserOnline = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => browserOnline });
    try {
      const client = {
        eventTarget: window,
        backoffBaseMs: 5_000,
        outboxBackoffMaxMs: 10_000,
      };
      const first = await inCommunity<KringKudosComposer>(
        setup.backend,
        html`<kring-kudos-composer to=${anna.id}></kring-kudos-composer>`,
        { storage, sessionStorage, client },
      );
      typeMessage(first.element, 'Sent on the train');
      ($(first.element, '[part="send"]') as HTMLButtonElement).click();
      await waitUntil(() => $(first.element, '[data-state="waiting"]'), 'not sent yet');
      await waitUntil(
        () =>
          $(first.element, '[part="send-status"]')!.textContent!.includes(
            'as soon as the connection is back',
          ),
        'the composer says it will be sent later',
      );
      await expect(first.element).to.be.accessible();
      first.community.remove();

      // Reload while still offline: the entry is kept and waits.
      const second = await inCommunity<KringKudosComposer>(
        setup.backend,
        html`<kring-kudos-composer></kring-kudos-composer>`,
        { storage, sessionStorage, client },
      );
      await waitUntil(() => $(second.element, '[data-state="waiting"]'), 'still waiting after the reload');
      expect(await givenByMe(setup)).to.equal(before);

      // Back online: the browser's `online` event sends it at once, with the same key.
      browserOnline = true;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => second.client.outbox('giveKudos').length === 0, 'delivered');
      await waitUntil(() => !$(second.element, '[data-outbox-id]'), 'no longer shown as unsent');
      expect(await givenByMe(setup)).to.equal(before + 1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
  });

  it('makes one kudos when answers are lost and the send is retried (idempotency)', async () => {
    const setup = testBackend();
    const [anna] = colleagues(setup);
    setup.loseAnswers.giveKudos = 2;
    const before = await givenByMe(setup);
    const { element: composer } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer to=${anna.id}></kring-kudos-composer>`,
    );
    typeMessage(composer, 'Only once please');
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await sent;
    expect(setup.calls.get('giveKudos')).to.equal(3);
    expect(await givenByMe(setup)).to.equal(before + 1);
  });

  it('shows "not sent" when the server refuses it, with retry (once) and discard', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const [anna, bram] = colleagues(setup);
    const before = await givenByMe(setup);
    const { element: composer } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer to=${anna.id}></kring-kudos-composer>`,
    );
    setup.network.refuse = new BackendError('forbidden', 'Kudos are paused for maintenance.', {
      status: 403,
    });
    typeMessage(composer, 'Will fail first');
    const failed = nextEvent(composer, 'kring-kudos-failed');
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    const { detail } = (await failed) as CustomEvent<KudosFailedDetail>;
    expect(detail.error.kind).to.equal('forbidden');
    expect(detail.outboxId).to.be.a('string');
    await waitUntil(() => $(composer, '[data-state="failed"]'), 'not sent');
    const item = $(composer, '[data-state="failed"]')!;
    expect(item.textContent).to.contain('Not sent.');
    expect(shadowText(composer)).to.contain('Kudos not sent.');
    await expect(composer).to.be.accessible();

    // A second one, to discard.
    (composer as KringKudosComposer).to = [bram.id];
    await composer.updateComplete;
    typeMessage(composer, 'Will be discarded');
    const failedAgain = nextEvent(composer, 'kring-kudos-failed');
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await failedAgain;
    await waitUntil(() => $$(composer, '[data-state="failed"]').length === 2, 'two unsent');

    setup.network.refuse = undefined;
    const retry = [...$$(composer, '[data-state="failed"]')].find((node) =>
      node.textContent!.includes('Will fail first'),
    )!;
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    (retry.querySelector('[part="retry"]') as HTMLButtonElement).click();
    expect(((await sent) as CustomEvent<KudosSentDetail>).detail.kudos.message).to.equal('Will fail first');
    const discard = [...$$(composer, '[data-state="failed"]')].find((node) =>
      node.textContent!.includes('Will be discarded'),
    )!;
    (discard.querySelector('[part="discard"]') as HTMLButtonElement).click();
    await waitUntil(() => !$(composer, '[data-outbox-id]'), 'both gone');
    expect(await givenByMe(setup)).to.equal(before + 1);
    const mine = await setup.demo.listKudos({ from: setup.demo.demo.currentUserId, limit: 2 });
    expect(mine.items.map((kudos) => kudos.message)).to.include('Will fail first');
    expect(mine.items.map((kudos) => kudos.message)).not.to.include('Will be discarded');
    await expect(composer).to.be.accessible();
  });

  it("updates the receiver's profile card kudos count when a kudos is sent", async () => {
    const setup = testBackend();
    const me = setup.demo.demo.currentUserId;
    const [anna] = setup.demo.demo.data.people.filter((person) => person.id !== me);
    const { community } = await inCommunity<HTMLElement>(
      setup.backend,
      html`<kring-profile-card person=${anna.id} view="full"></kring-profile-card>
        <kring-kudos-composer to=${anna.id}></kring-kudos-composer>`,
    );
    const card = community.querySelector('kring-profile-card')!;
    const composer = community.querySelector('kring-kudos-composer') as KringKudosComposer;
    const count = () =>
      Number(/(\d+)/.exec(card.shadowRoot?.querySelector('[part="kudos"]')?.textContent ?? '')?.[1]);
    await waitUntil(() => !Number.isNaN(count()), 'the card shows a count');
    const before = count();
    const textarea = $(composer, 'textarea') as HTMLTextAreaElement;
    textarea.value = 'Counted on the card';
    textarea.dispatchEvent(new Event('input'));
    const sent = nextEvent(composer, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    ($(composer, '[part="send"]') as HTMLButtonElement).click();
    await sent;
    await waitUntil(() => count() === before + 1, `the card shows ${before + 1}`);
  });
});
