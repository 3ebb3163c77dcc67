import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import { registerTestBackend } from './helpers/backends.js';
import type { Person } from '../src/model.js';

async function renderCards(backendName: string, lang = 'en') {
  const community = await fixture(
    html`<kring-community backend=${backendName} lang=${lang}>
      <button class="before">before</button>
      <kring-profile-card person="p00002"></kring-profile-card>
      <kring-profile-card person="me" view="full"></kring-profile-card>
    </kring-community>`,
  );
  const [colleague, mine] = [...community.querySelectorAll<KringProfileCard>('kring-profile-card')];
  await waitUntil(
    () =>
      colleague.shadowRoot?.querySelector('[part~="name"]') &&
      mine.shadowRoot?.querySelector('[part~="name"]'),
    'both cards shown',
  );
  return { community, colleague, mine };
}

/** The element that has the focus, looking into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const kudosAction = (card: KringProfileCard) =>
  card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="kudos-action"]');

describe('<kring-profile-card> kudos action', () => {
  it('offers "Give kudos to …" beside mail and chat, reached by keyboard, opening a composer for that person', async () => {
    const { name, backend } = registerTestBackend();
    const [person] = (await backend.getPeople(['p00002'])) as Person[];
    const { community, colleague } = await renderCards(name);
    const action = kudosAction(colleague);
    expect(action, 'a kudos action on the card').to.exist;
    expect(action!.getAttribute('aria-label')).to.equal(`Give kudos to ${person.name}`);
    // Among the contact actions, as an icon button.
    expect(action!.closest('[part~="links"]')).to.exist;
    expect(action!.querySelector('svg.icon')).to.exist;
    await expect(colleague).to.be.accessible();

    // Keyboard: Tab from before the card reaches the action (after the contact actions before it).
    community.querySelector<HTMLButtonElement>('.before')!.focus();
    for (let step = 0; step < 10 && deepActive() !== action; step++) await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'the kudos action takes the focus').to.equal(action);
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(
      () => colleague.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'),
      'the composer opens',
    ).then(() => colleague.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]')!);
    expect(dialog.getAttribute('aria-label')).to.equal(`Give kudos to ${person.name}`);
    const composer = dialog.querySelector('kring-kudos-composer')!;
    expect(composer.getAttribute('to')).to.equal('p00002');
    expect(action!.getAttribute('aria-expanded')).to.equal('true');
    await expect(colleague).to.be.accessible();

    // Escape closes it and gives the focus back to the action.
    // The focus moves into the composer (its first field), inside the dialog.
    await waitUntil(
      () =>
        composer.contains(colleague.shadowRoot!.activeElement) ||
        composer === colleague.shadowRoot!.activeElement,
      'focus in the composer',
    );
    expect(
      deepActive()!.matches('input, textarea, select, button, [contenteditable]'),
      deepActive()!.localName,
    ).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    await waitUntil(() => deepActive() === action, 'focus back on the action');
    expect(action!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('is not on your own card', async () => {
    const { name } = registerTestBackend();
    const { mine } = await renderCards(name);
    expect(mine.shadowRoot!.querySelector('[part~="links"]'), 'own card has contact actions').to.exist;
    expect(kudosAction(mine)).to.equal(null);
  });

  it('your own card offers no "Chat with" yourself; a colleague\'s card does', async () => {
    const { name, backend } = registerTestBackend();
    const me = await backend.currentUser();
    const { community, colleague, mine } = await renderCards(name);
    const chatLabels = (card: KringProfileCard) =>
      [...card.shadowRoot!.querySelectorAll('[part~="action"]')]
        .map((action) => action.getAttribute('aria-label') ?? '')
        .filter((label) => label.startsWith('Chat with'));
    expect(chatLabels(colleague), 'a colleague can be chatted with').to.have.length(1);
    expect(chatLabels(mine), 'person="me"').to.deep.equal([]);
    // Also when the own card is asked for by id rather than "me".
    const byId = document.createElement('kring-profile-card');
    byId.setAttribute('person', me.id);
    community.append(byId);
    await waitUntil(() => byId.shadowRoot?.querySelector('[part~="action"]'), 'own card by id shown');
    expect(chatLabels(byId), `person="${me.id}"`).to.deep.equal([]);
  });

  it('is not offered where the backend has no kudos', async () => {
    const withoutKudos = registerTestBackend();
    (withoutKudos.backend.capabilities as { kudos: boolean }).kudos = false;
    const { colleague } = await renderCards(withoutKudos.name);
    expect(colleague.shadowRoot!.querySelector('[part~="action"]'), 'the other actions stay').to.exist;
    expect(kudosAction(colleague)).to.equal(null);
  });

  it('speaks Dutch', async () => {
    const { name, backend } = registerTestBackend();
    const [person] = (await backend.getPeople(['p00002'])) as Person[];
    const { colleague } = await renderCards(name, 'nl');
    expect(kudosAction(colleague)!.getAttribute('aria-label')).to.equal(`Geef ${person.name} een compliment`);
  });
});
