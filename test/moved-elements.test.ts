// Moving an element in the page disconnects it and connects it again at once (a list re-sorted, a
// panel opened elsewhere). Elements that follow client changes must keep following after a move.
// The profile card's case is in profile-card.test.ts.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/elements/invite/define.js';
import '../src/elements/profile-card/define.js';
import '../src/elements/skill-list/define.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import type { KringInvite } from '../src/elements/invite/invite.js';
import type { KringKudosComposer } from '../src/elements/kudos-composer/kudos-composer.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import { $, $$, inCommunity, shadowText, testBackend } from './helpers/kudos.js';
import { GrowthFakeBackend, mountInCommunity } from './helpers/invite-fake-backend.js';
import { registerTestBackend } from './helpers/backends.js';
import { FakeClient, PEOPLE, provide } from './helpers/expertise-finder.js';

/** Moves `element` to a new section at the end of `parent`: it disconnects and connects again at once. */
async function move(element: HTMLElement & { updateComplete: Promise<unknown> }, parent: Element) {
  const elsewhere = document.createElement('section');
  parent.append(elsewhere);
  elsewhere.append(element);
  await element.updateComplete;
}

describe('elements moved in the page', () => {
  it('a kudos feed shows a kudos given after it was moved', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const {
      community,
      client,
      element: feed,
    } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="5"></kring-kudos-feed>`,
    );
    await waitUntil(() => $$(feed, 'article[data-kudos-id]').length > 0, 'feed loaded', { timeout: 8000 });
    await move(feed, community);
    const kudos = await client.giveKudos({ to: ['p00003'], message: 'Verhuisd en toch gezien' });
    await waitUntil(
      () => $(feed, `article[data-kudos-id="${CSS.escape(kudos.id)}"]`),
      'the new kudos shows in the moved feed',
      { timeout: 8000 },
    );
    expect(shadowText(feed)).to.contain('Verhuisd en toch gezien');
  });

  it('an invite form answers requests and shows a new invitation after it was moved', async () => {
    const backend = new GrowthFakeBackend();
    const invite = await mountInCommunity<KringInvite>(
      backend,
      html`<kring-invite allowed-domains="*"></kring-invite>`,
    );
    const community = invite.parentElement as KringCommunity;
    await waitUntil(() => $(invite, '[part="form"]'), 'the form is shown');
    await move(invite, community);
    document.dispatchEvent(new CustomEvent('kring-invite-request', { detail: { skill: 'Python' } }));
    await waitUntil(() => invite.shadowRoot!.activeElement === $(invite, '#email'), 'the form is focused');
    expect(($(invite, '#message') as HTMLTextAreaElement).value).to.contain('Python');
    await community.communityClient!.sendInvite({ email: 'verhuisd@acme.nl' });
    await waitUntil(
      () => shadowText(invite).includes('verhuisd@acme.nl'),
      'the invitation sent elsewhere shows in the moved form',
    );
  });

  it('an element moved into another community shows that community', async () => {
    const first = registerTestBackend({}, { seed: 1 });
    const second = registerTestBackend({}, { seed: 2 });
    const [one] = (await first.backend.getPeople(['p00002'])) as { name: string }[];
    const [other] = (await second.backend.getPeople(['p00002'])) as { name: string }[];
    expect(one.name, 'two companies with another person p00002').not.to.equal(other.name);
    const page = await fixture<HTMLElement>(
      html`<div>
        <kring-community id="one" backend=${first.name} lang="en">
          <kring-profile-card person="p00002"></kring-profile-card>
        </kring-community>
        <kring-community id="two" backend=${second.name} lang="en"></kring-community>
      </div>`,
    );
    const card = page.querySelector('kring-profile-card')!;
    const shownName = () => $(card, '[part="name"]')?.textContent?.trim();
    await waitUntil(() => shownName() === one.name, "the first community's person");
    await move(card, page.querySelector('#two')!);
    await waitUntil(() => shownName() === other.name, "the second community's person after the move");
  });

  it('a skill list shows new endorsement counts after it was moved', async () => {
    const client = new FakeClient();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provide(host, client);
    const list = document.createElement('kring-skill-list');
    list.person = structuredClone(PEOPLE[0]);
    list.setAttribute('view', 'full');
    host.append(list);
    const excel = () =>
      [...list.shadowRoot!.querySelectorAll('[part~="skill"]')]
        .find((item) => item.querySelector('[part~="skill-name"]')!.textContent!.trim() === 'Excel')
        ?.querySelector('[part~="count"]')
        ?.textContent?.trim();
    await waitUntil(() => excel() === '3 endorsements', 'the list is shown');
    await move(list, host);
    await client.endorseSkill(PEOPLE[0].id, 'Excel');
    await waitUntil(() => excel() === '4 endorsements', 'the moved list shows the new count');
  });

  it('a kudos composer shows an unsent kudos after it was moved', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const {
      community,
      client,
      element: composer,
    } = await inCommunity<KringKudosComposer>(
      setup.backend,
      html`<kring-kudos-composer></kring-kudos-composer>`,
    );
    await move(composer, community);
    setup.network.online = false;
    void client.giveKudos({ to: ['p00003'], message: 'Verhuisd en nog niet verstuurd' }).catch(() => {});
    await waitUntil(
      () => $(composer, '[data-outbox-id]')?.textContent?.includes('Verhuisd en nog niet verstuurd'),
      'the unsent kudos shows in the moved composer',
      { timeout: 8000 },
    );
  });
});
