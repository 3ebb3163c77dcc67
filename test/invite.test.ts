import { expect, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import '../src/elements/invite/define.js';
import type { KringInvite } from '../src/elements/invite/invite.js';
import { BackendError } from '../src/errors.js';
import type { Invite } from '../src/model.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import {
  gate,
  GrowthFakeBackend,
  mountInCommunity,
  person,
  shadowText,
} from './helpers/invite-fake-backend.js';

const $ = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector) as T | null;

async function loaded(element: KringInvite): Promise<void> {
  await waitUntil(() => $(element, '[part="form"]'), 'the form is shown');
}

function sentInvite(backend: GrowthFakeBackend, overrides: Partial<Invite> = {}): Invite {
  const invite: Invite = {
    id: `seed-${backend.invites.length + 1}`,
    inviterId: 'me',
    email: `colleague${backend.invites.length + 1}@acme.nl`,
    status: 'pending',
    createdAt: '2026-11-05T10:00:00.000Z',
    expiresAt: '2026-11-19T10:00:00.000Z',
    ...overrides,
  };
  backend.invites.push(invite);
  return invite;
}

async function mount(
  backend: GrowthFakeBackend,
  attributes: { domains?: string; quota?: number; lang?: string } = {},
) {
  const element = await mountInCommunity<KringInvite>(
    backend,
    html`<kring-invite
      allowed-domains=${attributes.domains ?? ''}
      quota=${attributes.quota ?? 5}
      .now=${() => backend.now}
    ></kring-invite>`,
    { lang: attributes.lang },
  );
  await loaded(element);
  return element;
}

async function submitEmail(element: KringInvite, email: string): Promise<void> {
  $<HTMLInputElement>(element, '#email')!.value = email;
  $<HTMLButtonElement>(element, '[part~="send"]')!.click();
  await element.updateComplete;
}

describe('<kring-invite>', () => {
  let backend: GrowthFakeBackend;
  beforeEach(() => {
    backend = new GrowthFakeBackend();
  });

  it('without allowed-domains invites only at the inviter’s own domain; "*" allows any', async () => {
    const element = await mount(backend);
    expect(shadowText(element)).to.contain('Only addresses at @acme.nl.');
    await submitEmail(element, 'someone@gmail.com');
    expect(shadowText(element)).to.contain('You can only invite addresses at @acme.nl.');
    expect(backend.calls.filter((call) => call.method === 'sendInvite')).to.have.length(0);

    const open = await mount(new GrowthFakeBackend(), { domains: '*' });
    expect(shadowText(open)).to.not.contain('Only addresses at');
    await submitEmail(open, 'someone@gmail.com');
    await waitUntil(() => shadowText(open).includes('Invitation sent to someone@gmail.com.'), 'sent');
  });

  it('shows the form, the remaining quota, an empty list and the tree (en)', async () => {
    const element = await mount(backend);
    const text = shadowText(element);
    expect(text).to.contain('Invite a colleague');
    expect($(element, '[part="quota"]')!.textContent).to.equal('5 of 5 invitations left this month.');
    expect(text).to.contain('You have not invited anyone yet.');
    expect(text).to.contain('Nobody has joined through you yet.');
    await expect(element).to.be.accessible();
  });

  it('rejects garbage and other domains in the field, without calling the backend', async () => {
    const element = await mount(backend, { domains: 'acme.nl, acme.be' });
    expect(shadowText(element)).to.contain('Only addresses at @acme.nl and @acme.be.');
    await submitEmail(element, 'not an address');
    const input = $<HTMLInputElement>(element, '#email')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(shadowText(element)).to.contain('This is not a valid e-mail address');
    expect(element.shadowRoot!.activeElement).to.equal(input);
    await expect(element).to.be.accessible();

    await submitEmail(element, 'jan@gmail.com');
    expect(shadowText(element)).to.contain('You can only invite addresses at @acme.nl and @acme.be.');
    await submitEmail(element, '   ');
    expect(shadowText(element)).to.contain('Enter an e-mail address.');
    expect(backend.calls.filter((call) => call.method === 'sendInvite')).to.have.length(0);
  });

  it('sends an upper-case plus-address normalised, announces it and counts it against the quota', async () => {
    const element = await mount(backend, { domains: 'acme.nl' });
    $<HTMLTextAreaElement>(element, '#message')!.value = 'Doe mee!';
    const sent = nextEvent(element, 'kring-invite-sent');
    await submitEmail(element, 'Jan+Kring@ACME.nl');
    const event = await sent;
    expect(event.detail.invite.email).to.equal('jan+kring@acme.nl');
    const call = backend.calls.find((entry) => entry.method === 'sendInvite')!;
    expect(call.args[0]).to.deep.equal({ email: 'jan+kring@acme.nl', message: 'Doe mee!' });
    await waitUntil(
      () => $(element, '[part="quota"]')!.textContent === '4 of 5 invitations left this month.',
    );
    expect($(element, '[part="status"]')!.textContent).to.equal('Invitation sent to jan+kring@acme.nl.');
    expect($(element, '[part~="invitation"]')!.textContent).to.contain('Pending');
    expect($<HTMLInputElement>(element, '#email')!.value).to.equal('');
    await expect(element).to.be.accessible();
  });

  it('shows the exhaustion message and disables sending when the quota is used up', async () => {
    for (let index = 0; index < 5; index += 1) sentInvite(backend, { createdAt: '2026-11-03T10:00:00.000Z' });
    const element = await mount(backend);
    expect($(element, '[part="quota"]')!.textContent).to.equal(
      'You have used all 5 invitations for this month. You can invite again from December 1.',
    );
    expect($<HTMLButtonElement>(element, '[part~="send"]')!.disabled).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('honours a stricter quota attribute and counts down to exhaustion', async () => {
    sentInvite(backend, { createdAt: '2026-11-03T10:00:00.000Z' });
    sentInvite(backend, { createdAt: '2026-10-03T10:00:00.000Z' }); // last month: does not count
    const element = await mount(backend, { quota: 2 });
    expect($(element, '[part="quota"]')!.textContent).to.equal('1 of 2 invitations left this month.');
    await submitEmail(element, 'new@acme.nl');
    await waitUntil(() => $(element, '[part="quota"]')!.textContent!.startsWith('You have used all 2'));
    expect($<HTMLButtonElement>(element, '[part~="send"]')!.disabled).to.equal(true);
  });

  it('shows a backend refusal as a readable error', async () => {
    sentInvite(backend, { email: 'dup@acme.nl', expiresAt: '2026-12-01T00:00:00.000Z' });
    const element = await mount(backend);
    await submitEmail(element, 'dup@acme.nl');
    await waitUntil(() => shadowText(element).includes('already a member or already has an open invitation'));
    await expect(element).to.be.accessible();
  });

  it('lists invitations with status, and resends and revokes them', async () => {
    sentInvite(backend, { email: 'open@acme.nl', expiresAt: '2026-12-01T00:00:00.000Z' });
    sentInvite(backend, { email: 'old@acme.nl', expiresAt: '2026-11-10T00:00:00.000Z' });
    sentInvite(backend, { email: 'yes@acme.nl', status: 'accepted' });
    const element = await mount(backend);
    const rows = () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="invitation"]')];
    expect(rows().map((row) => row.dataset.status)).to.deep.equal(['pending', 'expired', 'accepted']);
    expect(rows()[2].querySelector('button')).to.equal(null);
    await expect(element).to.be.accessible();

    const revokeButton = rows()[0].querySelector<HTMLButtonElement>('[part="revoke"]')!;
    expect(revokeButton.getAttribute('aria-label')).to.equal('Revoke the invitation to open@acme.nl');
    const revoked = nextEvent(element, 'kring-invite-revoked');
    revokeButton.focus();
    revokeButton.click();
    expect((await revoked).detail.invite.status).to.equal('revoked');
    await waitUntil(() => rows()[0].dataset.status === 'revoked');
    expect(rows()[0].querySelector('[part="revoke"]')).to.equal(null);
    // The Revoke button went with the pending status: its row has the focus, not the page.
    await waitUntil(() => element.shadowRoot!.activeElement === rows()[0], 'focus on the revoked row');

    rows()[1].querySelector<HTMLButtonElement>('[part="resend"]')!.click();
    await waitUntil(() => rows()[1].dataset.status === 'pending');
    expect($(element, '[part="status"]')!.textContent).to.equal('Invitation to old@acme.nl sent again.');
  });

  it('marks a pending invitation whose e-mail was refused, in English and Dutch', async () => {
    const reason = '550 5.1.1 Mailbox does not exist';
    const open = '2026-12-01T00:00:00.000Z';
    sentInvite(backend, {
      email: 'typo@acme.nl',
      expiresAt: open,
      delivery: { status: 'failed', error: reason },
    });
    sentInvite(backend, { email: 'fine@acme.nl', expiresAt: open, delivery: { status: 'sent' } });
    // Accepted after all (another address reached them): no warning on a settled invitation.
    sentInvite(backend, { email: 'later@acme.nl', status: 'accepted', delivery: { status: 'failed' } });
    const element = await mount(backend);
    const rows = () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="invitation"]')];
    const marks = () => rows().map((row) => row.querySelector('[part="delivery-failed"]'));
    expect(marks()[0]!.textContent).to.equal('e-mail not delivered');
    expect(marks()[0]!.getAttribute('title')).to.equal(reason);
    expect(marks().slice(1)).to.deep.equal([null, null]);
    await expect(element).to.be.accessible();
    const dutch = await mount(backend, { lang: 'nl' });
    await waitUntil(() => $(dutch, '[part="delivery-failed"]'), 'the Dutch list is shown');
    expect($(dutch, '[part="delivery-failed"]')!.textContent).to.equal('e-mail niet afgeleverd');
  });

  it('creates a personal link with expiry and copies it with a polite confirmation', async () => {
    const element = await mount(backend);
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      const create = [...element.shadowRoot!.querySelectorAll('button')].find((button) =>
        button.textContent!.includes('Create invite link'),
      )!;
      create.click();
      await waitUntil(() => $(element, '#link'), 'link shown');
      const field = $<HTMLInputElement>(element, '#link')!;
      expect(field.value).to.match(/^https:\/\/intranet\.acme\.nl\/welkom\?invite=link-/);
      expect(shadowText(element)).to.contain('Valid until Dec 20, 2026.');
      await expect(element).to.be.accessible();
      $<HTMLButtonElement>(element, '[part="copy"]')!.click();
      await waitUntil(() => copied.length === 1);
      expect(copied[0]).to.equal(field.value);
      await waitUntil(() => $(element, '[part="status"]')!.textContent === 'Link copied to the clipboard.');
      // Shown in the status line and said through the page's one announcement queue.
      await waitUntil(() =>
        announcementQueue().liveRegion.textContent!.includes('Link copied to the clipboard.'),
      );
      expect(announcementQueue().liveRegion.getAttribute('aria-live')).to.equal('polite');
      expect($(element, '[role="status"], [aria-live]')).to.equal(null);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('a link made after sending an invitation does not sit under "Invitation sent to …"', async () => {
    const element = await mount(backend);
    await submitEmail(element, 'jan@acme.nl');
    await waitUntil(
      () => $(element, '[part="status"]')!.textContent === 'Invitation sent to jan@acme.nl.',
      'sent',
    );
    [...element.shadowRoot!.querySelectorAll('button')]
      .find((button) => button.textContent!.includes('Create invite link'))!
      .click();
    await waitUntil(() => $(element, '#link'), 'link shown');
    expect($(element, '[part="status"]')!.textContent).to.equal('');
  });

  it('invites a non-member picked from the directory, and refuses members', async () => {
    const element = await mount(backend);
    const directory = element.shadowRoot!.querySelector<HTMLInputElement>('input[value="directory"]')!;
    directory.click();
    await element.updateComplete;
    const picker = $(element, 'kring-people-picker')!;
    expect(picker).to.exist;
    const member = backend.people.find((candidate) => candidate.id === 'piet')!;
    picker.dispatchEvent(
      new CustomEvent('kring-people-change', { detail: { ids: ['piet'], people: [member] } }),
    );
    $<HTMLButtonElement>(element, '[part~="send"]')!.click();
    await waitUntil(() => (picker as unknown as { errorMessage: string }).errorMessage !== '');
    expect((picker as unknown as { errorMessage: string }).errorMessage).to.equal(
      'Piet Bakker is already a member of the community.',
    );

    const outsider = backend.people.find((candidate) => candidate.id === 'sanne')!;
    picker.dispatchEvent(
      new CustomEvent('kring-people-change', { detail: { ids: ['sanne'], people: [outsider] } }),
    );
    const sent = nextEvent(element, 'kring-invite-sent');
    $<HTMLButtonElement>(element, '[part~="send"]')!.click();
    expect((await sent).detail.invite.inviteeId).to.equal('sanne');
    await waitUntil(() => $(element, '[part="status"]')!.textContent === 'Invitation sent to Sanne de Wit.');
    await expect(element).to.be.accessible();
  });

  it('answers a kring-invite-request on document: focuses the form and pre-fills the skill', async () => {
    const element = await mount(backend);
    document.dispatchEvent(new CustomEvent('kring-invite-request', { detail: { skill: 'Python' } }));
    await waitUntil(() => element.shadowRoot!.activeElement === $(element, '#email'), 'e-mail field focused');
    expect($<HTMLTextAreaElement>(element, '#message')!.value).to.equal(
      'I thought of you because of your knowledge of Python. Join us!',
    );
  });

  it('request() opens one form for a skill, and a request with a detail of the wrong shape is ignored', async () => {
    const element = await mount(backend);
    document.dispatchEvent(new CustomEvent('kring-invite-request', { detail: { skill: 42 } }));
    await element.request({ skill: 'Python' });
    expect(element.shadowRoot!.activeElement).to.equal($(element, '#email'));
    expect($<HTMLTextAreaElement>(element, '#message')!.value).to.equal(
      'I thought of you because of your knowledge of Python. Join us!',
    );
  });

  it('pre-selects a colleague asked for by personId', async () => {
    const element = await mount(backend);
    document.dispatchEvent(
      new CustomEvent('kring-invite-request', { detail: { skill: 'Excel', personId: 'sanne' } }),
    );
    await waitUntil(() => $(element, 'kring-people-picker'), 'directory mode');
    const picker = $(element, 'kring-people-picker')!;
    await waitUntil(() => (picker as unknown as { value: string[] }).value.includes('sanne'), 'sanne chosen');
    const sent = nextEvent(element, 'kring-invite-sent');
    await waitUntil(() => {
      // The chosen person resolves through the client before sending is possible.
      $<HTMLButtonElement>(element, '[part~="send"]')!.click();
      return backend.calls.some((call) => call.method === 'sendInvite');
    }, 'sent');
    expect((await sent).detail.invite.inviteeId).to.equal('sanne');
  });

  it('reports bad attributes once and keeps working', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const element = await mountInCommunity<KringInvite>(
        backend,
        html`<kring-invite mode="fax" quota="lots"></kring-invite>`,
      );
      await loaded(element);
      const text = shadowText(element);
      expect(text).to.contain('mode="fax" is not valid; use one of: email, directory.');
      expect(text).to.contain('quota="lots" is not valid; use a whole number of 0 or more.');
      expect($(element, '#email')).to.exist;
      expect($(element, '[part="quota"]')!.textContent).to.equal('5 of 5 invitations left this month.');
      expect(errors.filter((line) => line.includes('mode="fax"'))).to.have.length(1);
      await expect(element).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('shows how many joined through you and through them', async () => {
    backend.people.push(
      person('a', { invitedBy: 'me' }),
      person('b', { invitedBy: 'me' }),
      person('a1', { invitedBy: 'a' }),
      person('a2', { invitedBy: 'a' }),
      person('a11', { invitedBy: 'a1' }),
    );
    const element = await mount(backend);
    expect($(element, '[part="tree"]')!.textContent).to.contain(
      'You brought in 2 colleagues, who together brought in 3 more.',
    );
    expect($(element, '[part="tree"]')!.textContent).to.contain('Your circle reaches 3 generations deep.');
  });

  it('speaks Dutch', async () => {
    backend.people.push(person('a', { invitedBy: 'me' }), person('a1', { invitedBy: 'a' }));
    sentInvite(backend, { createdAt: '2026-11-03T10:00:00.000Z', expiresAt: '2026-12-01T00:00:00.000Z' });
    const element = await mount(backend, { lang: 'nl' });
    expect($(element, '[part="quota"]')!.textContent).to.equal('Nog 4 van 5 uitnodigingen over deze maand.');
    expect(shadowText(element)).to.contain('Nodig een collega uit');
    expect(shadowText(element)).to.contain('Openstaand');
    expect($(element, '[part="tree"]')!.textContent).to.contain(
      'Je bracht 1 collega binnen, die er nog 1 binnenbracht.',
    );
    await submitEmail(element, 'x@');
    expect(shadowText(element)).to.contain('Dit is geen geldig e-mailadres');
    await expect(element).to.be.accessible();
  });

  it('shows loading, then an error with a working retry', async () => {
    const held = gate();
    backend.gates.set('inviteQuota', held.promise);
    backend.failures.set('listInvites', new BackendError('forbidden', 'No.'));
    const element = await mountInCommunity<KringInvite>(backend, html`<kring-invite></kring-invite>`);
    await waitUntil(() => $(element, '[aria-busy="true"]'), 'loading shown');
    await expect(element).to.be.accessible();
    held.open();
    await waitUntil(() => $(element, '[part="retry"]'), 'error shown');
    expect(shadowText(element)).to.contain('This could not be loaded.');
    expect($(element, '[part="error"]')!.getAttribute('role'), 'announced').to.equal('alert');
    await expect(element).to.be.accessible();
    backend.failures.delete('listInvites');
    $<HTMLButtonElement>(element, '[part="retry"]')!.click();
    await loaded(element);
  });

  it('says so when the backend offers no invitations', async () => {
    backend.capabilities.invites = false;
    const element = await mountInCommunity<KringInvite>(backend, html`<kring-invite></kring-invite>`);
    await waitUntil(() => shadowText(element).includes('Invitations are not available in this community.'));
    await expect(element).to.be.accessible();
  });
});
