import { expect, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import '../src/elements/ambassador-programme/define.js';
import type { KringAmbassadorProgramme } from '../src/elements/ambassador-programme/ambassador-programme.js';
import { BackendError } from '../src/errors.js';
import { gate, GrowthFakeBackend, mountInCommunity, shadowText } from './helpers/invite-fake-backend.js';

const $ = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const $$ = <T extends Element = HTMLElement>(element: Element, selector: string) => [
  ...element.shadowRoot!.querySelectorAll<T & Element>(selector),
];

function roleCard(element: KringAmbassadorProgramme, role: string): HTMLElement | null {
  return $(element, `[part="role"][data-role="${role}"]`);
}

async function mount(backend: GrowthFakeBackend, lang?: string): Promise<KringAmbassadorProgramme> {
  const element = await mountInCommunity<KringAmbassadorProgramme>(
    backend,
    html`<kring-ambassador-programme></kring-ambassador-programme>`,
    { lang },
  );
  await waitUntil(() => $(element, '[part="roles"]'), 'programme shown');
  return element;
}

describe('<kring-ambassador-programme>', () => {
  let backend: GrowthFakeBackend;
  beforeEach(() => {
    backend = new GrowthFakeBackend();
    backend.roles.set('me', ['writer', 'recruiter']);
    backend.activity.set('me', { 'accepted-invitations': 7 });
  });

  it('shows chosen roles with accessible progress bars and what the next level needs', async () => {
    const element = await mount(backend);
    const recruiter = roleCard(element, 'recruiter')!;
    expect(recruiter.textContent).to.contain('Level: starter');
    const bar = recruiter.querySelector('progress')!;
    expect(bar.max).to.equal(10);
    expect(bar.value).to.equal(7);
    const label = element.shadowRoot!.getElementById(bar.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Accepted invitations: 7 of 10');
    expect(recruiter.querySelector('[part="next"]')!.textContent!.trim()).to.equal(
      'For the active level you still need: 3 accepted invitations.',
    );
    const writer = roleCard(element, 'writer')!;
    expect(writer.textContent).to.contain('No level yet');
    expect(writer.textContent).to.contain('Articles: 0 of 1');
    expect(writer.querySelector('[part="evidence"]')).to.exist;
    expect(recruiter.querySelector('[part="evidence"]')).to.equal(null);
    const checked = $$<HTMLInputElement>(element, 'input[name="role"]')
      .filter((box) => box.checked)
      .map((box) => box.value);
    expect(checked).to.deep.equal(['writer', 'recruiter']);
    await expect(element).to.be.accessible();
  });

  it('congratulates at champion', async () => {
    backend.activity.set('me', { 'accepted-invitations': 25 });
    const element = await mount(backend);
    expect(roleCard(element, 'recruiter')!.textContent).to.contain('Level: champion');
    expect(roleCard(element, 'recruiter')!.querySelector('[part="next"]')!.textContent!.trim()).to.equal(
      'You reached the champion level. Thank you!',
    );
  });

  it('says a goal is met instead of "9 of 6" when a count passes its target', async () => {
    backend.roles.set('me', ['connector']);
    backend.activity.set('me', { 'departments-reached': 9 });
    const element = await mount(backend);
    const connector = roleCard(element, 'connector')!;
    expect(connector.textContent).to.contain('Level: champion');
    const bar = connector.querySelector('progress')!;
    const label = element.shadowRoot!.getElementById(bar.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Departments reached: 9 (goal of 6 met)');
    expect(bar.value).to.equal(bar.max);
  });

  it('lets members choose their own roles', async () => {
    backend.roles.delete('me');
    const element = await mount(backend);
    expect(shadowText(element)).to.contain('You have not chosen a role yet.');
    await expect(element).to.be.accessible();
    $<HTMLInputElement>(element, 'input[value="responder"]')!.click();
    $<HTMLInputElement>(element, 'input[value="presenter"]')!.click();
    const changed = nextEvent(element, 'kring-ambassador-roles-change');
    $<HTMLButtonElement>(element, '[part="save"]')!.click();
    expect((await changed).detail.roles).to.deep.equal(['presenter', 'responder']);
    expect(backend.roles.get('me')).to.deep.equal(['presenter', 'responder']);
    await waitUntil(() => roleCard(element, 'responder'), 'responder progress shown');
    expect(roleCard(element, 'responder')!.textContent).to.contain('Reactions and endorsements: 0 of 20');
    expect($(element, '[part="status"]')!.textContent).to.equal('Your roles are saved.');
  });

  it('records self-reported evidence with a link, and rejects a non-link', async () => {
    const element = await mount(backend);
    const form = roleCard(element, 'writer')!.querySelector<HTMLFormElement>('[part="evidence"]')!;
    const url = form.querySelector<HTMLInputElement>('input[name="url"]')!;
    url.value = 'javascript:alert(1)';
    form.requestSubmit();
    await element.updateComplete;
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(form.textContent).to.contain('Enter a web address starting with https:// or http://.');
    expect(backend.evidence).to.have.length(0);

    url.value = 'https://intranet.acme.nl/blog/onboarding';
    form.querySelector<HTMLInputElement>('input[name="description"]')!.value = 'Blog over onboarding';
    form.requestSubmit();
    await waitUntil(() => roleCard(element, 'writer')!.textContent!.includes('Articles: 1 of 5'));
    expect(backend.evidence[0]).to.deep.equal({
      personId: 'me',
      role: 'writer',
      url: 'https://intranet.acme.nl/blog/onboarding',
      description: 'Blog over onboarding',
    });
    expect(roleCard(element, 'writer')!.textContent).to.contain('Level: starter');
    await expect(element).to.be.accessible();
  });

  it('hides manual award for members without the capability', async () => {
    const element = await mount(backend);
    expect($(element, '[part="manage"]')).to.equal(null);
  });

  it('lets a community manager award and revoke a badge by hand', async () => {
    backend.capabilities.manageBadges = true;
    const element = await mount(backend);
    const manage = $(element, '[part="manage"]')!;
    expect(manage).to.exist;
    await expect(element).to.be.accessible();

    manage.querySelector<HTMLButtonElement>('[part="award"]')!.click();
    await element.updateComplete;
    const picker = manage.querySelector('kring-people-picker')!;
    expect(picker.errorMessage).to.equal('Choose a colleague first.');

    const piet = backend.people.find((candidate) => candidate.id === 'piet')!;
    picker.dispatchEvent(
      new CustomEvent('kring-people-change', { detail: { ids: ['piet'], people: [piet] } }),
    );
    await waitUntil(() => manage.textContent!.includes('Badges of Piet Bakker'));
    manage.querySelector<HTMLSelectElement>('select[name="role"]')!.value = 'presenter';
    manage.querySelector<HTMLSelectElement>('select[name="level"]')!.value = 'active';
    const awarded = nextEvent(element, 'kring-badge-change');
    manage.querySelector<HTMLButtonElement>('[part="award"]')!.click();
    const award = (await awarded).detail;
    expect(award.action).to.equal('award');
    expect(backend.heldBadges('piet').map((held) => `${held.role}/${held.level}`)).to.deep.equal([
      'presenter/active',
    ]);
    await waitUntil(() => manage.querySelector('[part="revoke"]'));
    expect($(element, '[part="status"]')!.textContent).to.equal(
      'Piet Bakker received the badge Presenter, active level.',
    );
    const revokeButton = manage.querySelector<HTMLButtonElement>('[part="revoke"]')!;
    expect(revokeButton.textContent!.trim()).to.equal('Revoke Presenter, active level');
    await expect(element).to.be.accessible();

    const revoked = nextEvent(element, 'kring-badge-change');
    revokeButton.focus();
    revokeButton.click();
    expect((await revoked).detail.action).to.equal('revoke');
    expect(backend.heldBadges('piet')).to.deep.equal([]);
    await waitUntil(() => !manage.querySelector('[part="revoke"]'));
    // The row went with its button: the list's heading has the focus, not the page.
    await waitUntil(() => {
      const heading = manage.querySelector('.current-badges');
      return heading !== null && element.shadowRoot!.activeElement === heading;
    }, 'focus on the heading');
    expect($(element, '[part="status"]')!.textContent).to.equal(
      'The badge Presenter, active level was revoked.',
    );
  });

  it('shows a refusal when the backend forbids awarding', async () => {
    backend.capabilities.manageBadges = true;
    const element = await mount(backend);
    // E.g. the manager role was taken away since the page loaded.
    backend.failures.set('awardBadge', new BackendError('forbidden', 'Not a community manager.'));
    const manage = $(element, '[part="manage"]')!;
    const piet = backend.people.find((candidate) => candidate.id === 'piet')!;
    manage
      .querySelector('kring-people-picker')!
      .dispatchEvent(new CustomEvent('kring-people-change', { detail: { ids: ['piet'], people: [piet] } }));
    await waitUntil(() => manage.textContent!.includes('Badges of Piet Bakker'));
    manage.querySelector<HTMLButtonElement>('[part="award"]')!.click();
    await waitUntil(() => $(element, '[role="alert"]'));
    expect($(element, '[role="alert"]')!.textContent).to.contain('Not a community manager.');
  });

  it('shows the member’s badges', async () => {
    backend.awards.push({
      id: 'b1',
      personId: 'me',
      role: 'recruiter',
      level: 'starter',
      awardedAt: '2026-11-01T00:00:00.000Z',
      awardedBy: 'system',
      criteriaMet: [],
      evidence: [],
    });
    const element = await mount(backend);
    const badges = $(element, 'kring-ambassador-badge')!;
    await waitUntil(() => badges.shadowRoot?.querySelector('[part~="badge"]'), 'badge shown');
    expect(badges.shadowRoot!.querySelector('[part~="badge"]')!.textContent!.trim()).to.equal(
      'Recruiter, starter level',
    );
  });

  it('speaks Dutch', async () => {
    const element = await mount(backend, 'nl');
    const recruiter = roleCard(element, 'recruiter')!;
    expect(recruiter.textContent).to.contain('Werver');
    expect(recruiter.textContent).to.contain('Niveau: starter');
    expect(recruiter.textContent).to.contain('Geaccepteerde uitnodigingen: 7 van 10');
    expect(recruiter.querySelector('[part="next"]')!.textContent!.trim()).to.equal(
      'Voor niveau actief heb je nog nodig: 3 geaccepteerde uitnodigingen.',
    );
    await expect(element).to.be.accessible();
  });

  it('shows loading, then an error with a working retry', async () => {
    const held = gate();
    backend.gates.set('ambassadorProfile', held.promise);
    backend.failures.set('ambassadorProfile', new BackendError('forbidden', 'No.'));
    const element = await mountInCommunity<KringAmbassadorProgramme>(
      backend,
      html`<kring-ambassador-programme></kring-ambassador-programme>`,
    );
    await waitUntil(() => $(element, '[aria-busy="true"]'), 'loading shown');
    await expect(element).to.be.accessible();
    held.open();
    await waitUntil(() => $(element, '[part="retry"]'), 'error shown');
    await expect(element).to.be.accessible();
    backend.failures.delete('ambassadorProfile');
    $<HTMLButtonElement>(element, '[part="retry"]')!.click();
    await waitUntil(() => $(element, '[part="roles"]'), 'programme shown');
  });
});
