// The seen controller's code loads only when an element's client records (issue 18): a page of cards with
// tracking="off" never downloads it. This file imports nothing that imports it statically (not src/index.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/community/define.js';
import '../src/elements/profile-card/define.js';
import { configure } from '../src/configure.js';
import type { ActivityEvent } from '../src/model.js';
import { registerTestBackend } from './helpers/backends.js';

const seenControllerLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => new URL(entry.name).pathname.endsWith('/src/tracking/seen-controller.ts'));

const cardName = (community: Element) =>
  community
    .querySelector('kring-profile-card')
    ?.shadowRoot?.querySelector('[part~="name"]')
    ?.textContent?.trim();

describe('element-seen tracking on demand', () => {
  afterEach(() => configure({ client: {} }));

  it('tracking="off": a visible card shows its person and the seen controller is never loaded', async () => {
    const { name, calls } = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${name} tracking="off">
        <kring-profile-card person="me"></kring-profile-card>
      </kring-community>`,
    );
    await waitUntil(() => cardName(community), 'the card shows a name');
    const card = community.querySelector('kring-profile-card')!;
    card.requestUpdate();
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(seenControllerLoaded(), 'seen-controller.ts requested').to.equal(false);
    expect(calls.track ?? []).to.deep.equal([]);
    community.remove();
  });

  it('tracking on: the controller loads and the visible card is recorded once', async () => {
    configure({ client: { trackFlushMs: 20 } });
    const { name, calls } = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${name} tracking="on">
        <kring-profile-card person="me"></kring-profile-card>
      </kring-community>`,
    );
    const seen = () =>
      (calls.track ?? [])
        .flatMap((args) => args[0] as ActivityEvent[])
        .filter((event) => event.type === 'element-seen' && event.subject === 'kring-profile-card');
    await waitUntil(() => seen().length === 1, 'element-seen sent', { timeout: 5000 });
    expect(seenControllerLoaded()).to.equal(true);
    community.remove();
  });
});
