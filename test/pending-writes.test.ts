/**
 * Every write kind the server refuses shows, after a reload, in an element of its kind with the
 * server's message, Retry and Discard (src/elements/shared/pending-writes.ts).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { BackendError } from '../src/errors.js';
import type { CommunityClientApi, WriteKind } from '../src/client/types.js';
import '../src/elements/invite/define.js';
import '../src/elements/welcome/define.js';
import '../src/elements/ambassador-programme/define.js';
import '../src/elements/skill-list/define.js';
import {
  $,
  $$,
  MemoryStorage,
  deepActiveElement,
  inCommunity,
  shadowText,
  testBackend,
} from './helpers/kudos.js';

const REFUSAL = 'Closed for the annual audit.';

async function makeEveryWrite(client: CommunityClientApi, personId: string): Promise<void> {
  const writes: Promise<unknown>[] = [
    client.giveKudos({ to: [personId], message: 'Refused kudos' }),
    client.react('k-any', 'thanks', true),
    client.endorseSkill(personId, 'TypeScript'),
    client.unendorseSkill(personId, 'Excel'),
    client.sendInvite({ email: 'new.colleague@example.nl' }),
    client.resendInvite('i-any'),
    client.revokeInvite('i-other'),
    client.createInviteLink(),
    client.respondToInvite('token-1', true),
    client.chooseAmbassadorRoles(['writer']),
    client.recordEvidence({ personId, role: 'writer', url: 'https://intranet.example/post/1' }),
    client.awardBadge({ personId, role: 'writer', level: 'starter' }),
    client.revokeBadge('b-any'),
  ];
  const outcomes = await Promise.allSettled(writes);
  expect(outcomes.every((outcome) => outcome.status === 'rejected')).to.equal(true);
}

const KINDS_BY_ELEMENT: Record<string, WriteKind[]> = {
  'kring-kudos-feed': ['react'],
  'kring-skill-list': ['endorseSkill', 'unendorseSkill'],
  'kring-invite': ['sendInvite', 'resendInvite', 'revokeInvite', 'createInviteLink'],
  'kring-welcome': ['respondToInvite'],
  'kring-ambassador-programme': ['chooseAmbassadorRoles', 'recordEvidence', 'awardBadge', 'revokeBadge'],
};

describe('Refused writes after a reload', () => {
  it('each kind shows in an element of its kind with the message, Retry and Discard', async function () {
    this.timeout(30_000);
    const setup = testBackend();
    const storage = new MemoryStorage();
    const sessionStorage = new MemoryStorage();
    const me = setup.demo.demo.currentUserId;
    const colleague = setup.demo.demo.data.people.find((person) => person.id !== me)!;
    setup.network.refuse = new BackendError('forbidden', REFUSAL, { status: 403 });
    const first = await inCommunity<HTMLElement>(setup.backend, html`<div></div>`, {
      storage,
      sessionStorage,
    });
    await makeEveryWrite(first.client, colleague.id);
    expect(first.client.outbox().map((entry) => entry.state)).to.deep.equal(Array(13).fill('failed'));
    first.community.remove();

    // The reload: the writes are in storage; every element of a kind shows those of its kind.
    const second = await inCommunity<HTMLElement>(
      setup.backend,
      html`<kring-kudos-feed limit="1"></kring-kudos-feed>
        <kring-skill-list view="full" .person=${colleague}></kring-skill-list>
        <kring-invite></kring-invite>
        <kring-welcome token="token-1"></kring-welcome>
        <kring-ambassador-programme></kring-ambassador-programme>`,
      { storage, sessionStorage },
    );
    await waitUntil(() => second.client.outbox().length === 13, 'the stored writes are back');
    for (const [tag, kinds] of Object.entries(KINDS_BY_ELEMENT)) {
      const element = second.community.querySelector(tag)!;
      await waitUntil(
        () => $$(element, '[part="pending-write"][data-state="failed"]').length === kinds.length,
        `${tag} shows ${kinds.length} refused`,
      );
      expect(shadowText(element)).to.contain(REFUSAL);
      for (const item of $$(element, '[part="pending-write"]')) {
        expect(item.querySelector('[part="write-retry"]'), `${tag}: Retry`).to.not.equal(null);
        expect(item.querySelector('[part="write-discard"]'), `${tag}: Discard`).to.not.equal(null);
      }
      await expect(element).to.be.accessible();
    }
    // The refused kudos shows in the feed itself, as an item with Retry and Discard.
    const feed = second.community.querySelector('kring-kudos-feed')!;
    await waitUntil(
      () => $$(feed, '[data-outbox-id][data-state="failed"]').length === 2,
      'kudos and reaction',
    );
    const refusedKudos = $(feed, 'article[data-outbox-id][data-state="failed"]');
    expect(refusedKudos?.textContent, 'the feed says why the server refused the kudos').to.contain(REFUSAL);

    // Discard in one element, Retry in another once the server accepts again.
    const invite = second.community.querySelector('kring-invite')!;
    const discard = $$(invite, '[part="pending-write"]')[0].querySelector(
      '[part="write-discard"]',
    ) as HTMLButtonElement;
    discard.focus();
    discard.click();
    await waitUntil(() => $$(invite, '[part="pending-write"]').length === 3, 'discarded');
    // The row went with the focused button: the list's status line has the focus (never <body>).
    await waitUntil(
      () => deepActiveElement()?.classList.contains('pending-writes-status'),
      'focus on the status line',
    );
    expect(deepActiveElement()!.textContent).to.equal('Discarded.');
    setup.network.refuse = undefined;
    const programme = second.community.querySelector('kring-ambassador-programme')!;
    const roles = $$(programme, '[part="pending-write"]').find((item) =>
      item.textContent!.includes('roles'),
    )!;
    const retry = roles.querySelector('[part="write-retry"]') as HTMLButtonElement;
    retry.focus();
    retry.click();
    await waitUntil(() => $$(programme, '[part="pending-write"]').length === 3, 'delivered on retry');
    // Retry went while sending and the row when delivered: the focus stayed in the list, which says so.
    await waitUntil(() => shadowText(programme).includes('Sent.'), 'says it was sent');
    const active = deepActiveElement();
    expect(active).to.not.equal(document.body);
    expect(programme.shadowRoot!.querySelector('[part="pending-writes"]')!.contains(active)).to.equal(true);
    expect(second.client.outbox()).to.have.length(11);
  });
});
