import { expect, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import '../src/elements/welcome/define.js';
import type { KringWelcome } from '../src/elements/welcome/welcome.js';
import { BackendError } from '../src/errors.js';
import type { Invite } from '../src/model.js';
import {
  gate,
  GrowthFakeBackend,
  invitedBackend as invitedWithoutMessage,
  mountInCommunity,
  shadowText,
} from './helpers/invite-fake-backend.js';

const $ = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector) as T | null;

/** Sanne (not a member yet) opens an invitation from Mara, with Mara's personal message. */
function invitedBackend(overrides: Partial<Invite> = {}): GrowthFakeBackend {
  return invitedWithoutMessage({ message: 'Jij weet alles van onboarding. Doe mee!', ...overrides });
}

async function mount(backend: GrowthFakeBackend, token = 'tok-1', lang?: string): Promise<KringWelcome> {
  const element = await mountInCommunity<KringWelcome>(
    backend,
    html`<kring-welcome token=${token}></kring-welcome>`,
    { lang },
  );
  await waitUntil(() => !$(element, '[aria-busy="true"]'), 'lookup finished');
  return element;
}

describe('<kring-welcome>', () => {
  it('shows who invited you, their message and why; joining records invitedBy and joinedAt', async () => {
    const backend = invitedBackend();
    const element = await mount(backend);
    expect($(element, '[part="inviter"]')!.textContent!.trim()).to.equal('Mara Jansen invited you to join.');
    expect($(element, '[part="message"]')!.textContent).to.equal('Jij weet alles van onboarding. Doe mee!');
    expect(shadowText(element)).to.contain('This community brings colleagues together');
    expect(shadowText(element)).to.contain('This invitation is valid until Nov 29, 2026.');
    await expect(element).to.be.accessible();

    const accepted = nextEvent(element, 'kring-invite-accepted');
    $<HTMLButtonElement>(element, '[part="join"]')!.focus();
    $<HTMLButtonElement>(element, '[part="join"]')!.click();
    await accepted;
    await waitUntil(() =>
      $(element, '[part="outcome"]')!.textContent!.includes('Welcome! You are now a member.'),
    );
    expect($(element, '[part="join"]')).to.equal(null);
    await waitUntil(
      () => element.shadowRoot!.activeElement === $(element, '[part="outcome"]'),
      'focus on the outcome',
    );
    const sanne = backend.people.find((candidate) => candidate.id === 'sanne')!;
    expect(sanne).to.include({ isMember: true, invitedBy: 'me', joinedAt: backend.now.toISOString() });
    expect(backend.invites[0].status).to.equal('accepted');
    await expect(element).to.be.accessible();
  });

  it('declines', async () => {
    const backend = invitedBackend();
    const element = await mount(backend);
    const declined = nextEvent(element, 'kring-invite-declined');
    $<HTMLButtonElement>(element, '[part="decline"]')!.click();
    await declined;
    await waitUntil(() =>
      $(element, '[part="outcome"]')!.textContent!.includes('You declined the invitation.'),
    );
    expect(backend.invites[0].status).to.equal('declined');
    expect(backend.people.find((candidate) => candidate.id === 'sanne')!.isMember).to.equal(false);
  });

  const states: [string, Partial<Invite>, string, string][] = [
    [
      'expired',
      { expiresAt: '2026-11-19T00:00:00.000Z' },
      'tok-1',
      'This invitation has expired. Ask Mara Jansen for a new one.',
    ],
    ['revoked', { status: 'revoked' }, 'tok-1', 'This invitation was withdrawn and can no longer be used.'],
    ['used', { status: 'accepted' }, 'tok-1', 'This invitation has already been used.'],
    ['unknown', {}, 'tok-nope', 'We do not recognise this invitation. Check that the link is complete.'],
  ];
  for (const [state, overrides, token, message] of states) {
    it(`explains a ${state} token and offers no join`, async () => {
      const element = await mount(invitedBackend(overrides), token);
      expect($(element, '[part="problem"]')!.textContent!.trim()).to.equal(message);
      expect($(element, '[part="join"]')).to.equal(null);
      await expect(element).to.be.accessible();
    });
  }

  it('reads the token from the URL parameter named by token-param', async () => {
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?welkom=tok-1&keep=1`);
    try {
      const backend = invitedBackend();
      const element = await mountInCommunity<KringWelcome>(
        backend,
        html`<kring-welcome token-param="welkom"></kring-welcome>`,
      );
      await waitUntil(() => $(element, '[part="inviter"]'), 'valid invitation shown');
      expect(backend.calls.find((call) => call.method === 'lookupInvite')!.args).to.deep.equal(['tok-1']);
      expect(location.search, 'the token left the address bar').to.equal('?keep=1');
      ($(element, '[part="join"]') as HTMLButtonElement).click();
      await waitUntil(() => backend.calls.some((call) => call.method === 'respondToInvite'), 'joined');
      expect(backend.calls.find((call) => call.method === 'respondToInvite')!.args[0]).to.equal('tok-1');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('says so when there is no token', async () => {
    const element = await mountInCommunity<KringWelcome>(
      invitedBackend(),
      html`<kring-welcome token-param="nothing-here"></kring-welcome>`,
    );
    expect($(element, '[part="problem"]')!.textContent).to.equal('No invitation code was found in the link.');
    await expect(element).to.be.accessible();
  });

  it('speaks Dutch', async () => {
    const element = await mount(invitedBackend(), 'tok-1', 'nl');
    expect($(element, '[part="inviter"]')!.textContent!.trim()).to.equal(
      'Mara Jansen nodigt je uit om lid te worden.',
    );
    expect($(element, '[part="join"]')!.textContent!.trim()).to.equal('Lid worden');
    await expect(element).to.be.accessible();
    const expired = await mount(invitedBackend({ status: 'revoked' }), 'tok-1', 'nl');
    expect($(expired, '[part="problem"]')!.textContent).to.contain('Deze uitnodiging is ingetrokken');
  });

  it('shows loading, then an error with a working retry', async () => {
    const backend = invitedBackend();
    const held = gate();
    backend.gates.set('lookupInvite', held.promise);
    backend.failures.set('lookupInvite', new BackendError('forbidden', 'No.'));
    const element = await mountInCommunity<KringWelcome>(
      backend,
      html`<kring-welcome token="tok-1"></kring-welcome>`,
    );
    await waitUntil(() => $(element, '[aria-busy="true"]'), 'loading shown');
    await expect(element).to.be.accessible();
    held.open();
    await waitUntil(() => $(element, '[part="retry"]'), 'error shown');
    await expect(element).to.be.accessible();
    backend.failures.delete('lookupInvite');
    $<HTMLButtonElement>(element, '[part="retry"]')!.click();
    await waitUntil(() => $(element, '[part="join"]'), 'valid invitation shown');
  });

  it('shows a refusal when the invitation was revoked meanwhile', async () => {
    const backend = invitedBackend();
    const element = await mount(backend);
    backend.invites[0].status = 'revoked';
    $<HTMLButtonElement>(element, '[part="join"]')!.click();
    await waitUntil(() => $(element, '[role="alert"]'), 'refusal shown');
    expect($(element, '[role="alert"]')!.textContent).to.contain(
      'This could not be saved: Invitation is revoked.',
    );
    expect($(element, '[part="outcome"]')!.textContent!.trim()).to.equal('');
    await expect(element).to.be.accessible();
  });
});
