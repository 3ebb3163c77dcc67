import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringExpertiseFinder } from '../src/elements/expertise-finder/expertise-finder.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { registerTestBackend } from './helpers/backends.js';
import { FakeClient, provide } from './helpers/expertise-finder.js';

/* One announcement queue per page (4.1.3): coalesced, never the same twice in a row, no load chatter. */

/** Every live region in the page, through shadow roots (alerts aside: errors interrupt on purpose). */
function liveRegions(root: Document | ShadowRoot = document): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.matches('[role="status"], [aria-live="polite"], [aria-live="assertive"], [role="log"]'))
      found.push(element);
    if (element.shadowRoot) found.push(...liveRegions(element.shadowRoot));
  }
  return found;
}

/** Records each announcement the page's region makes. */
function recordAnnouncements(): { said: string[]; stop: () => void } {
  const region = announcementQueue().liveRegion;
  const said: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text) said.push(text);
  });
  observer.observe(region, { childList: true, subtree: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

describe('one announcement queue per page', () => {
  beforeEach(() => announcementQueue().clear());

  it('coalesces messages from several elements into one and never says the same twice in a row', async () => {
    const queue = announcementQueue();
    const record = recordAnnouncements();
    const a = document.createElement('div');
    const b = document.createElement('div');
    const before = queue.count;
    queue.say(a, 'Kudos sent to Sanne.', 'en');
    queue.say(b, 'Nieuwe kudos van Piet.', 'nl');
    queue.say(a, 'Kudos sent to Sanne.', 'en');
    await waitUntil(() => queue.count > before, 'said', { timeout: 5000 });
    expect(queue.count - before).to.equal(1);
    const spans = [...queue.liveRegion.querySelectorAll('span')];
    expect(spans.map((span) => [span.lang, span.textContent!.trim()])).to.deep.equal([
      ['nl', 'Nieuwe kudos van Piet.'],
      ['en', 'Kudos sent to Sanne.'],
    ]);
    queue.say(a, 'Kudos sent to Sanne.', 'en');
    queue.say(b, 'Nieuwe kudos van Piet.', 'nl');
    queue.say(b, 'Something else.', 'en');
    await waitUntil(() => queue.count > before + 1, 'said again', { timeout: 5000 });
    expect(record.said.at(-1)).to.equal('Something else.');
    record.stop();
    expect(queue.liveRegion.getAttribute('role')).to.equal('status');
  });

  it('finder: one announcement per distinct answer while typing, none repeated', async () => {
    const client = new FakeClient();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provide(host, client);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><kring-expertise-finder></kring-expertise-finder></div>`,
      { parentNode: host },
    );
    const finder = wrapper.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    await finder.updateComplete;
    const record = recordAnnouncements();
    finder.shadowRoot!.querySelector('input')!.focus();
    for (const letter of 'power bi') await sendKeys({ type: letter });
    await waitUntil(() => record.said.length > 0, 'the answer is said');
    await waitUntil(() => finder.shadowRoot!.querySelector('[role="option"]'), 'results');
    record.stop();
    for (let index = 1; index < record.said.length; index++)
      expect(record.said[index], `announcement ${index + 1} repeats the one before`).not.to.equal(
        record.said[index - 1],
      );
    expect(liveRegions(finder.shadowRoot!), 'no live region of its own').to.deep.equal([]);
  });

  it('manager page: pulse, report and pioneers load without a word, with no live regions of their own', async () => {
    const { name } = registerTestBackend();
    const record = recordAnnouncements();
    const community = await fixture(
      html`<kring-community backend=${name} lang="en">
        <kring-pulse month="2026-10"></kring-pulse>
        <kring-report month="2026-10"></kring-report>
        <kring-pioneers></kring-pioneers>
      </kring-community>`,
    );
    const elements = [...community.children];
    await waitUntil(
      () =>
        elements.every(
          (element) =>
            element.shadowRoot?.querySelector('h2, h3') &&
            !element.shadowRoot.querySelector('[aria-busy="true"]'),
        ),
      'all loaded',
      { timeout: 8000 },
    );
    await Promise.all(
      elements.map((element) => (element as unknown as { updateComplete: Promise<unknown> }).updateComplete),
    );
    record.stop();
    expect(record.said, 'announced on load').to.deep.equal([]);
    for (const element of elements)
      expect(liveRegions(element.shadowRoot!), element.localName).to.deep.equal([]);
  });

  it('manager page: a reload nobody asked for says nothing; another month says its title once', async () => {
    const first = registerTestBackend();
    const second = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${first.name} lang="en">
        <kring-pulse month="2026-10"></kring-pulse>
        <kring-pioneers></kring-pioneers>
      </kring-community>`,
    );
    const elements = [...community.children];
    const loaded = () =>
      elements.every(
        (element) =>
          element.shadowRoot?.querySelector('h2, h3') &&
          !element.shadowRoot.querySelector('[aria-busy="true"], [part~="skeleton"]'),
      );
    await waitUntil(loaded, 'all loaded', { timeout: 8000 });
    const record = recordAnnouncements();
    // The integrator swaps the backend: every element loads again, to the same titles.
    community.setAttribute('backend', second.name);
    await waitUntil(() => (second.calls.metrics ?? []).length > 0, 'reloading', { timeout: 8000 });
    await waitUntil(loaded, 'all loaded again', { timeout: 8000 });
    await Promise.all(
      elements.map((element) => (element as unknown as { updateComplete: Promise<unknown> }).updateComplete),
    );
    await waitUntil(() => (announcementQueue() as unknown as { pending: unknown[] }).pending.length === 0);
    expect(record.said, 'said on a reload').to.deep.equal([]);
    // The user (or the page) picks another month: its title is the outcome, said once.
    elements[0].setAttribute('month', '2026-09');
    await waitUntil(() => record.said.length > 0, 'the new month said', { timeout: 8000 });
    record.stop();
    expect(record.said).to.deep.equal(['Community pulse, September 2026']);
  });

  it('manager page: elements that wait for a page-level community load without a word', async () => {
    const { name } = registerTestBackend();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <kring-pulse month="2026-10"></kring-pulse>
        <kring-report month="2026-10"></kring-report>
      </div>`,
    );
    const elements = [...wrapper.children];
    await Promise.all(
      elements.map((element) => (element as unknown as { updateComplete: Promise<unknown> }).updateComplete),
    );
    const record = recordAnnouncements();
    // The page's community comes later (a SharePoint page loads its web parts in any order).
    const community = document.createElement('kring-community');
    community.setAttribute('backend', name);
    community.setAttribute('lang', 'en');
    community.setAttribute('page', '');
    wrapper.append(community);
    await waitUntil(
      () => elements.every((element) => element.shadowRoot?.querySelector('[part~="headlines"], table')),
      'loaded',
      { timeout: 8000 },
    );
    await waitUntil(() => (announcementQueue() as unknown as { pending: unknown[] }).pending.length === 0);
    record.stop();
    expect(record.said, 'announced on load').to.deep.equal([]);
  });
});
