import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { KringElement } from '../src/elements/shared/kring-element.js';
import { configure } from '../src/configure.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import { registerBackend } from '../src/backends/registry.js';
import { TEST_NOW } from './helpers/clock.js';

/** Every element that needs a community, as a page author would write it. */
const TAGS = [
  'kring-profile-card',
  'kring-kudos-feed',
  'kring-kudos-composer',
  'kring-expertise-finder',
  'kring-people-picker',
  'kring-skill-list',
  'kring-ambassador-badge',
  'kring-ambassador-programme',
  'kring-invite',
  'kring-welcome',
  'kring-pulse',
  'kring-report',
  'kring-pioneers',
];

// Read in place, not announced: a page of elements saying it at once would be chatter.
const message = (element: Element) =>
  element.shadowRoot?.querySelector('[part~="problem"]:is(.not-connected, .problem)');

describe('elements outside any <kring-community>', () => {
  let before: number;
  beforeEach(() => {
    before = KringElement.notConnectedAfterMs;
    KringElement.notConnectedAfterMs = 50;
  });
  afterEach(() => {
    KringElement.notConnectedAfterMs = before;
  });

  it('say they are not connected and how to fix it, instead of loading forever; a late community takes over', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <kring-profile-card person="p00002"></kring-profile-card>
        <kring-kudos-feed></kring-kudos-feed>
        <kring-kudos-composer></kring-kudos-composer>
        <kring-expertise-finder></kring-expertise-finder>
        <kring-people-picker></kring-people-picker>
        <kring-skill-list></kring-skill-list>
        <kring-ambassador-badge person="p00002"></kring-ambassador-badge>
        <kring-ambassador-programme></kring-ambassador-programme>
        <kring-invite></kring-invite>
        <kring-welcome></kring-welcome>
        <kring-pulse></kring-pulse>
        <kring-report></kring-report>
        <kring-pioneers></kring-pioneers>
      </div>`,
    );
    const elements = TAGS.map((tag) => page.querySelector(tag)!);
    await waitUntil(() => elements.every((element) => message(element)), 'every element says so', {
      timeout: 4000,
    });
    for (const element of elements) {
      expect(message(element)!.textContent!.trim(), element.localName).to.equal(
        'This part of the page cannot load right now.',
      );
    }
    await expect(page).to.be.accessible();

    // The fix the message names: a page-wide community. Every element then connects and loads.
    configure({ backend: createDemoBackend({ persist: false, storage: null, latencyMs: 0, now: TEST_NOW }) });
    const community = document.createElement('kring-community') as KringCommunity;
    community.page = true;
    community.setAttribute('tracking', 'off');
    document.body.append(community);
    try {
      await waitUntil(() => elements.every((element) => !message(element)), 'the message goes', {
        timeout: 4000,
      });
      const card = elements[0];
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="name"]'), 'the card loads its person');
    } finally {
      community.remove();
      configure({ backend: undefined });
    }
  });

  it('speaks Dutch', async () => {
    const feed = await fixture(html`<kring-kudos-feed lang="nl"></kring-kudos-feed>`);
    await waitUntil(() => message(feed), 'the feed says so', { timeout: 4000 });
    expect(message(feed)!.textContent!.trim()).to.equal('Dit deel van de pagina kan nu niet laden.');
  });

  it('inside a community whose backend could not start, say so instead of asking for a community', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      // Graph without a token function cannot start: the community shows why.
      const community = await fixture(
        html`<kring-community backend="graph">
          <kring-profile-card person="me"></kring-profile-card>
        </kring-community>`,
      );
      const card = community.querySelector('kring-profile-card')!;
      await waitUntil(() => message(card), 'the card says so', { timeout: 4000 });
      // A configuration problem: the card names it, as the community does.
      expect(message(card)!.textContent!.trim()).to.match(
        /^Configuration problem: <kring-community> backend="graph" needs a token function: .*getToken/,
      );
      expect(community.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain('getToken');
      expect(errors.some((line) => line.includes('found no <kring-community>'))).to.equal(false);
      await expect(community).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('inside a community whose backend failed to start for another reason, say it is not connected', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      registerBackend('unreachable-directory', () =>
        Promise.reject(new Error('The directory did not answer.')),
      );
      const community = await fixture(
        html`<kring-community backend="unreachable-directory">
          <kring-profile-card person="me"></kring-profile-card>
        </kring-community>`,
      );
      const card = community.querySelector('kring-profile-card')!;
      await waitUntil(() => message(card), 'the card says so', { timeout: 4000 });
      expect(message(card)!.textContent!.trim()).to.equal(
        "The community is not connected, so this cannot load yet. If it stays this way, the community's message says why.",
      );
      expect(community.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain(
        'The directory did not answer.',
      );
    } finally {
      console.error = original;
    }
  });
});
