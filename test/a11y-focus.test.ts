import { BackendError } from '../src/errors.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/invite/define.js';
import '../src/elements/ambassador-programme/define.js';
import '../src/elements/people-picker/define.js';
import '../src/elements/community/define.js';
import '../src/elements/welcome/define.js';
import type { KringInvite } from '../src/elements/invite/invite.js';
import type { KringAmbassadorProgramme } from '../src/elements/ambassador-programme/ambassador-programme.js';
import { gate, GrowthFakeBackend, invitedBackend, mountInCommunity } from './helpers/invite-fake-backend.js';
import { $ as $k, $$ as $$k, deepActiveElement, inCommunity, testBackend } from './helpers/kudos.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { KringKudosComposer } from '../src/elements/kudos-composer/kudos-composer.js';

/*
 * The async focus rule (src/elements/shared/async-focus.ts): after any action the focus is on a control
 * that stays, or on the outcome; never on <body>.
 */

const $ = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector) as T | null;

function focusIsInside(element: Element): boolean {
  const active = deepActiveElement();
  return (
    active !== null &&
    active !== document.body &&
    (element.contains(active) || element.shadowRoot!.contains(active) || element === active)
  );
}

describe('focus after async actions', () => {
  let backend: GrowthFakeBackend;
  beforeEach(() => {
    backend = new GrowthFakeBackend();
    backend.roles.set('me', ['writer']);
  });

  it('single people picker: choosing with Enter keeps the focus (on Remove)', async () => {
    const element = await mountInCommunity<KringInvite>(
      backend,
      html`<kring-invite mode="directory"></kring-invite>`,
    );
    await waitUntil(() => $(element, 'kring-people-picker'), 'picker shown');
    const picker = $(element, 'kring-people-picker')!;
    picker.focus();
    await sendKeys({ type: 'Piet' });
    await waitUntil(() => picker.shadowRoot!.querySelector('[role="option"]'), 'a result');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => picker.shadowRoot!.querySelector('[part="remove"]'), 'chosen');

    await waitUntil(
      () => deepActiveElement() === picker.shadowRoot!.querySelector('[part="remove"]'),
      'focus on Remove',
    );
    // The next Tab goes forward (to the message), not back to the mode radios.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('message');
  });

  it('invite: Send keeps the focus while sending and after success', async () => {
    const element = await mountInCommunity<KringInvite>(
      backend,
      html`<kring-invite quota="5"></kring-invite>`,
    );
    await waitUntil(() => $(element, '#email'), 'form shown');
    $<HTMLInputElement>(element, '#email')!.value = 'new@acme.nl';
    const send = $<HTMLButtonElement>(element, '[part~="send"]')!;
    const held = gate();
    backend.gates.set('sendInvite', held.promise);
    send.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => send.getAttribute('aria-disabled') === 'true', 'busy');
    expect(deepActiveElement(), 'while sending').to.equal(send);
    held.open();
    await waitUntil(() => send.getAttribute('aria-disabled') === null, 'done');
    await waitUntil(() => backend.calls.filter((call) => call.method === 'listInvites').length >= 2);
    await element.updateComplete;
    expect(deepActiveElement(), 'after success').to.equal(send);
    await expect(element).to.be.accessible();
  });

  it('invite: sending the last invitation of the month moves the focus to the quota line', async () => {
    const element = await mountInCommunity<KringInvite>(
      backend,
      html`<kring-invite quota="1"></kring-invite>`,
    );
    await waitUntil(() => $(element, '#email'), 'form shown');
    $<HTMLInputElement>(element, '#email')!.value = 'new@acme.nl';
    const send = $<HTMLButtonElement>(element, '[part~="send"]')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === $(element, '[part="quota"]'), 'focus on the quota line');
  });

  it('programme: Save my roles and Award keep the focus; Award with nobody chosen focuses the picker', async () => {
    backend.capabilities.manageBadges = true;
    const element = await mountInCommunity<KringAmbassadorProgramme>(
      backend,
      html`<kring-ambassador-programme></kring-ambassador-programme>`,
    );
    await waitUntil(() => $(element, '[part="roles"]'), 'programme shown');
    const save = $<HTMLButtonElement>(element, '[part="save"]')!;
    const held = gate();
    backend.gates.set('chooseAmbassadorRoles', held.promise);
    save.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => save.getAttribute('aria-disabled') === 'true', 'saving');
    expect(deepActiveElement(), 'while saving').to.equal(save);
    held.open();
    await waitUntil(() => $(element, '[part="status"]')!.textContent!.trim() !== '', 'saved');
    await element.updateComplete;
    expect(focusIsInside(element)).to.equal(true);
    expect(deepActiveElement()).to.equal($(element, '[part="save"]'));

    const award = $<HTMLButtonElement>(element, '[part="award"]')!;
    award.focus();
    await sendKeys({ press: 'Enter' });
    const picker = $(element, '[part="manage"] kring-people-picker')!;
    await waitUntil(
      () => picker.shadowRoot!.activeElement?.getAttribute('part') === 'input',
      'picker focused',
    );
    expect(picker.shadowRoot!.querySelector('[part="input"]')!.getAttribute('aria-invalid')).to.equal('true');

    const piet = backend.people.find((candidate) => candidate.id === 'piet')!;
    picker.dispatchEvent(
      new CustomEvent('kring-people-change', { detail: { ids: ['piet'], people: [piet] } }),
    );
    await waitUntil(() => $(element, '.current-badges'));
    const awardHeld = gate();
    backend.gates.set('awardBadge', awardHeld.promise);
    award.focus();
    const awarded = nextEvent(element, 'kring-badge-change');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => award.getAttribute('aria-disabled') === 'true', 'awarding');
    expect(deepActiveElement(), 'while awarding').to.equal(award);
    awardHeld.open();
    await awarded;
    await waitUntil(() => award.getAttribute('aria-disabled') === null);
    expect(deepActiveElement(), 'after awarding').to.equal(award);
  });

  it('kudos: Retry on an unsent kudos keeps the focus in the feed (never on <body>)', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const me = setup.demo.demo.currentUserId;
    const [anna] = setup.demo.demo.data.people.filter((candidate) => candidate.id !== me);
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed compose person=${anna.id} limit="3"></kring-kudos-feed>`,
    );
    await waitUntil(() => $$k(feed, 'article[data-kudos-id]').length > 0, 'feed loaded', { timeout: 8000 });
    const composer = $k(feed, 'kring-kudos-composer') as KringKudosComposer;
    // Refused by the server (a kudos waiting for the network never fails, so it has no Retry).
    setup.network.refuse = new BackendError('forbidden', 'Kudos are paused.', { status: 403 });
    const textarea = $k(composer, 'textarea') as HTMLTextAreaElement;
    textarea.value = 'Retry me by keyboard';
    textarea.dispatchEvent(new Event('input'));
    ($k(composer, '[part="send"]') as HTMLButtonElement).click();
    await nextEvent(composer, 'kring-kudos-failed', { failOn: 'kring-kudos-sent' });
    await waitUntil(() => $k(feed, '[data-outbox-id][data-state="failed"] [part="retry"]'), 'not sent');
    setup.network.refuse = undefined;
    ($k(feed, '[data-outbox-id] [part="retry"]') as HTMLButtonElement).focus();
    const sent = nextEvent(feed, 'kring-kudos-sent', { failOn: 'kring-kudos-failed' });
    await sendKeys({ press: 'Enter' });
    await sent;
    await waitUntil(() => !$k(feed, '[data-outbox-id]'), 'sent');
    await waitUntil(() => deepActiveElement() !== document.body, 'focus not on <body>');
    const active = deepActiveElement()!;
    expect(feed.shadowRoot!.contains(active), 'focus in the feed').to.equal(true);
  });

  it('invite: a refused Resend and a slow invite link keep the focus on their button', async () => {
    backend.invites.push({
      id: 'invite-old',
      inviterId: 'me',
      email: 'old@acme.nl',
      status: 'pending',
      createdAt: '2026-10-01T00:00:00.000Z',
      expiresAt: '2026-10-15T00:00:00.000Z',
    });
    const element = await mountInCommunity<KringInvite>(backend, html`<kring-invite></kring-invite>`);
    await waitUntil(() => $(element, '[part="resend"]'), 'the expired invitation shows Resend');
    const resend = $<HTMLButtonElement>(element, '[part="resend"]')!;
    backend.failures.set('resendInvite', new BackendError('forbidden', 'Resending is paused.'));
    const held = gate();
    backend.gates.set('resendInvite', held.promise);
    resend.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => resend.getAttribute('aria-disabled') === 'true', 'busy');
    expect(deepActiveElement(), 'while resending').to.equal(resend);
    held.open();
    await waitUntil(() => resend.getAttribute('aria-disabled') === null, 'done');
    await element.updateComplete;
    expect(deepActiveElement(), 'after the refusal').to.equal(resend);

    const create = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="link"] button')][0];
    const linkHeld = gate();
    backend.gates.set('createInviteLink', linkHeld.promise);
    backend.failures.set('createInviteLink', new BackendError('forbidden', 'Links are switched off.'));
    create.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => create.getAttribute('aria-disabled') === 'true', 'creating');
    expect(deepActiveElement(), 'while creating').to.equal(create);
    linkHeld.open();
    await waitUntil(() => $(element, '[part="link"] [part="error"]'), 'refused');
    expect(deepActiveElement(), 'after the refusal').to.equal(create);
  });

  it('programme: giving up a role while in its evidence field moves the focus to Save, not <body>', async () => {
    backend.roles.set('me', ['presenter', 'writer']);
    const element = await mountInCommunity<KringAmbassadorProgramme>(
      backend,
      html`<kring-ambassador-programme></kring-ambassador-programme>`,
    );
    await waitUntil(() => $(element, '[data-role="writer"] input[name="url"]'), 'writer evidence field');
    const writer = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="roles"] input')].find(
      (box) => box.value === 'writer',
    )!;
    writer.focus();
    await sendKeys({ press: 'Space' });
    const held = gate();
    backend.gates.set('ambassadorProfile', held.promise);
    const loads = () => backend.calls.filter((call) => call.method === 'ambassadorProfile').length;
    const before = loads();
    $<HTMLButtonElement>(element, '[part="save"]')!.focus();
    await sendKeys({ press: 'Enter' });
    // While the profile reloads the user goes on to the writer's evidence field, which is about to go.
    await waitUntil(() => loads() > before, 'reloading');
    $<HTMLInputElement>(element, '[data-role="writer"] input[name="url"]')!.focus();
    held.open();
    await waitUntil(() => !$(element, '[data-role="writer"]'), 'writer gone');
    await waitUntil(() => deepActiveElement() === $(element, '[part="save"]'), 'focus on Save');
  });

  it('welcome: a refused Join keeps the focus on Join (never <body>)', async () => {
    invitedBackend({}, backend);
    const element = await mountInCommunity<HTMLElement>(
      backend,
      html`<kring-welcome token="tok-1"></kring-welcome>`,
    );
    await waitUntil(() => $(element, '[part="join"]'), 'invitation shown');
    const join = $<HTMLButtonElement>(element, '[part="join"]')!;
    backend.failures.set('respondToInvite', new BackendError('forbidden', 'Joining is closed today.'));
    const held = gate();
    backend.gates.set('respondToInvite', held.promise);
    join.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => join.getAttribute('aria-disabled') === 'true', 'answering');
    expect(deepActiveElement(), 'while answering').to.equal(join);
    held.open();
    await waitUntil(() => $(element, '[part="error"]'), 'refused');
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(deepActiveElement(), 'after the refusal').to.equal(join);
  });

  it('programme: a refused badge Revoke keeps the focus on Revoke (never <body>)', async () => {
    backend.capabilities.manageBadges = true;
    const element = await mountInCommunity<KringAmbassadorProgramme>(
      backend,
      html`<kring-ambassador-programme></kring-ambassador-programme>`,
    );
    await waitUntil(() => $(element, '[part="manage"] kring-people-picker'), 'manage part shown');
    const manage = $(element, '[part="manage"]')!;
    const piet = backend.people.find((candidate) => candidate.id === 'piet')!;
    manage
      .querySelector('kring-people-picker')!
      .dispatchEvent(new CustomEvent('kring-people-change', { detail: { ids: ['piet'], people: [piet] } }));
    await waitUntil(() => manage.querySelector('.current-badges'));
    manage.querySelector<HTMLButtonElement>('[part="award"]')!.click();
    await waitUntil(() => manage.querySelector('[part="revoke"]'), 'a badge to revoke');
    const revoke = manage.querySelector<HTMLButtonElement>('[part="revoke"]')!;
    backend.failures.set('revokeBadge', new BackendError('forbidden', 'Only the issuer may revoke it.'));
    const held = gate();
    backend.gates.set('revokeBadge', held.promise);
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => revoke.getAttribute('aria-disabled') === 'true', 'revoking');
    expect(deepActiveElement(), 'while revoking').to.equal(revoke);
    held.open();
    await waitUntil(() => $(element, '[part="error"]'), 'refused');
    await element.updateComplete;
    expect(deepActiveElement(), 'after the refusal').to.equal(revoke);
  });
});
