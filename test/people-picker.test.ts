import { expect, fixture, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { html } from 'lit';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { KringPeoplePicker } from '../src/elements/people-picker/people-picker.js';
import type { Person } from '../src/model.js';
import type { Backend } from '../src/backends/backend.js';
import {
  $,
  $$,
  deepActiveElement,
  inCommunity,
  shadowText,
  testBackend,
  type TestBackend,
} from './helpers/kudos.js';
import type { DemoPersonRecord } from '../src/backends/demo/seed.js';
import { avatarShows, photosLater, tinyPhotoUrl } from './helpers/photos-later.js';
import { typeBurst } from './helpers/typing.js';
import { FakeClient, provide } from './helpers/expertise-finder.js';

async function typeAndWait(picker: KringPeoplePicker, text: string): Promise<void> {
  const input = $(picker, 'input') as HTMLInputElement;
  input.focus();
  await typeBurst(text);
  await waitUntil(
    () =>
      $$(picker, '[role="option"]').length > 0 ||
      ($(picker, '[part="status"]') && !$(picker, '[part="status"]')!.textContent!.includes('…')),
    'search finished',
  );
}

/** The demo people other than the signed-in user, in directory order. */
function colleagues(setup: TestBackend): DemoPersonRecord[] {
  return setup.demo.demo.data.people.filter((person) => person.id !== setup.demo.demo.currentUserId);
}

/** A single picker preset to one person, once it shows that person's name. */
async function presetPicker(
  backend: Backend,
  person: { id: string; name: string },
): Promise<KringPeoplePicker> {
  const { element: picker } = await inCommunity<KringPeoplePicker>(
    backend,
    html`<kring-people-picker value=${person.id}></kring-people-picker>`,
  );
  await waitUntil(() => shadowText(picker).includes(person.name), 'preset resolved');
  return picker;
}

describe('<kring-people-picker>', () => {
  it('chooses several people by keyboard and emits kring-people-change', async () => {
    const setup = testBackend();
    const target = colleagues(setup)[0];
    const { element: picker } = await inCommunity<KringPeoplePicker>(
      setup.backend,
      html`<kring-people-picker multiple></kring-people-picker>`,
    );
    await expect(picker).to.be.accessible();
    await typeAndWait(picker, target.name.split(' ')[0]);
    const input = $(picker, 'input')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const active = input.getAttribute('aria-activedescendant');
    expect(active).to.be.a('string');
    expect($(picker, `#${active}`)?.getAttribute('aria-selected')).to.equal('true');
    await expect(picker).to.be.accessible();

    // Move to the option with the target's exact name, then Enter.
    const options = $$(picker, '[role="option"]');
    const index = options.findIndex(
      (option) => option.querySelector('.option-name')?.textContent === target.name,
    );
    expect(index, 'the target is suggested').to.be.at.least(0);
    for (let step = 0; step < index; step++) await sendKeys({ press: 'ArrowDown' });
    const changed = nextEvent(picker, 'kring-people-change');
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.detail.ids).to.deep.equal([target.id]);
    expect(event.bubbles && event.composed).to.equal(true);
    await picker.updateComplete;
    expect(
      $$(picker, '[part="chip"]').map((chip) => chip.querySelector('.chip-name')!.textContent),
    ).to.deep.equal([target.name]);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement()).to.equal(input);
    expect(picker.value).to.deep.equal([target.id]);

    // focus() goes to the text field, not to the first chip's remove button.
    (deepActiveElement() as HTMLElement).blur();
    picker.focus();
    expect(deepActiveElement()).to.equal(input);

    // Backspace in the empty field removes the last chip.
    const removed = nextEvent(picker, 'kring-people-change');
    await sendKeys({ press: 'Backspace' });
    expect((await removed).detail.ids).to.deep.equal([]);
    await expect(picker).to.be.accessible();
  });

  it('leaves the current user out with exclude-me and closes on Escape', async () => {
    const setup = testBackend();
    const me = setup.demo.demo.data.people.find((person) => person.id === setup.demo.demo.currentUserId)!;
    const { element: picker } = await inCommunity<KringPeoplePicker>(
      setup.backend,
      html`<kring-people-picker exclude-me></kring-people-picker>`,
    );
    await typeAndWait(picker, me.name);
    const names = $$(picker, '.option-name').map((node) => node.textContent);
    expect(names).not.to.include(me.name);
    await sendKeys({ press: 'Escape' });
    await picker.updateComplete;
    expect($(picker, '[role="listbox"]')).to.equal(null);
  });

  it('suggests members only with members-only', async () => {
    const setup = testBackend();
    const nonMember = setup.demo.demo.data.people.find((person) => !person.isMember)!;
    expect(nonMember, 'the demo has people outside the community').to.exist;
    const { element: picker } = await inCommunity<KringPeoplePicker>(
      setup.backend,
      html`<kring-people-picker members-only></kring-people-picker>`,
    );
    await typeAndWait(picker, nonMember.name);
    expect($$(picker, '.option-name').map((node) => node.textContent)).not.to.include(nonMember.name);
  });

  it('replaces the choice when not multiple, and resolves a preset value to names', async () => {
    const setup = testBackend();
    const [first] = colleagues(setup);
    const picker = await presetPicker(setup.backend, first);
    // Single choice: the text field hides, the chip's remove button is reachable.
    expect(($(picker, 'input') as HTMLInputElement).hidden).to.equal(true);
    expect($(picker, '[part="remove"]')?.getAttribute('aria-label')).to.equal(`Remove ${first.name}`);
    await expect(picker).to.be.accessible();
  });

  it("shows a plain circle while a chosen person's photo is on its way, then the photo", async () => {
    const setup = testBackend();
    const [first] = colleagues(setup);
    const { backend, sendLater } = photosLater(setup.demo);
    const picker = await presetPicker(backend, first);
    const avatar = $(picker, '[part~="avatar"]')!;
    expect(avatarShows(avatar), 'a plain circle: no photo, no initials meanwhile').to.equal('circle');
    await expect(picker).to.be.accessible();
    const [person] = (await setup.demo.getPeople([first.id])) as Person[];
    const photo = tinyPhotoUrl();
    sendLater([{ ...person, photoUrl: photo }]);
    await waitUntil(() => $(picker, 'img.avatar')?.getAttribute('src') === photo, 'the photo follows');
    expect(picker.value, 'the value does not change').to.deep.equal([first.id]);
  });

  it('shows search results at once and their photos when they follow', async () => {
    const setup = testBackend();
    const target = colleagues(setup)[0];
    const { backend, sendLater } = photosLater(setup.demo);
    const { element: picker } = await inCommunity<KringPeoplePicker>(
      backend,
      html`<kring-people-picker></kring-people-picker>`,
    );
    await typeAndWait(picker, target.name);
    const option = () =>
      $$(picker, '[role="option"]').find((item) => item.textContent!.includes(target.name))!;
    expect(avatarShows(option().querySelector('[part~="avatar"]')!)).to.equal('circle');
    await expect(picker).to.be.accessible();
    const [person] = (await setup.demo.getPeople([target.id])) as Person[];
    const photo = tinyPhotoUrl();
    sendLater([{ ...person, photoUrl: photo }]);
    await waitUntil(
      () => option().querySelector('img.avatar')?.getAttribute('src') === photo,
      'the photo follows',
    );
    expect(option().getAttribute('aria-selected'), 'the highlighted option stays').to.equal('true');
  });

  it('is a form field: submits each chosen id under its name, resets to its value attribute', async () => {
    const setup = testBackend();
    const [first, second, third] = colleagues(setup);
    const { element: form } = await inCommunity<HTMLFormElement>(
      setup.backend,
      html`<form>
        <kring-people-picker name="reviewers" multiple value=${first.id}></kring-people-picker>
        <input name="title" value="Review" />
      </form>`,
    );
    const picker = form.querySelector('kring-people-picker') as KringPeoplePicker;
    await waitUntil(() => shadowText(picker).includes(first.name), 'preset resolved');
    expect(picker.form).to.equal(form);
    expect(new FormData(form).getAll('reviewers')).to.deep.equal([first.id]);
    await typeAndWait(picker, second.name);
    const option = $$(picker, '[role="option"]').findIndex((item) => item.textContent!.includes(second.name));
    expect(option, 'the second person is suggested').to.be.at.least(0);
    for (let step = 0; step < option; step++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(new FormData(form).getAll('reviewers')).to.deep.equal([first.id, second.id]);
    expect(new FormData(form).get('title'), 'the other fields are untouched').to.equal('Review');

    picker.value = [third.id];
    await picker.updateComplete;
    expect(new FormData(form).getAll('reviewers')).to.deep.equal([third.id]);
    form.reset();
    await picker.updateComplete;
    expect(picker.value, 'back to the value attribute').to.deep.equal([first.id]);
    expect(new FormData(form).getAll('reviewers')).to.deep.equal([first.id]);
    await waitUntil(() => shadowText(picker).includes(first.name), 'the reset choice shows its name');
  });

  it('required: blocks the submit, says why under the field, and lets go once someone is chosen', async () => {
    const setup = testBackend();
    const target = colleagues(setup)[0];
    const { element: form } = await inCommunity<HTMLFormElement>(
      setup.backend,
      html`<form><kring-people-picker name="to" required></kring-people-picker></form>`,
    );
    const picker = form.querySelector('kring-people-picker') as KringPeoplePicker;
    await picker.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    expect(shadowText(picker)).to.not.contain('Choose at least one colleague.');
    form.requestSubmit();
    await picker.updateComplete;
    expect(submitted, 'an empty required picker stops the submit').to.equal(0);
    expect(picker.validity.valueMissing).to.equal(true);
    expect(picker.validationMessage).to.equal('Choose at least one colleague.');
    expect($(picker, '[part="hint"]')!.textContent).to.equal('Choose at least one colleague.');
    expect($(picker, 'input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(picker).to.be.accessible();

    picker.value = [target.id];
    await picker.updateComplete;
    expect(picker.checkValidity()).to.equal(true);
    expect($(picker, 'input')!.getAttribute('aria-invalid')).to.equal('false');
    form.requestSubmit();
    expect(submitted).to.equal(1);
  });

  it('a disabled fieldset disables the field and leaves it out of the form data', async () => {
    const setup = testBackend();
    const [first] = colleagues(setup);
    const { element: form } = await inCommunity<HTMLFormElement>(
      setup.backend,
      html`<form>
        <fieldset disabled>
          <kring-people-picker name="to" value=${first.id} required></kring-people-picker>
        </fieldset>
      </form>`,
    );
    const picker = form.querySelector('kring-people-picker') as KringPeoplePicker;
    await waitUntil(() => shadowText(picker).includes(first.name), 'preset resolved');
    expect(($(picker, '[part="remove"]') as HTMLButtonElement).disabled).to.equal(true);
    expect(new FormData(form).getAll('to')).to.deep.equal([]);
    expect(picker.hasAttribute('disabled'), 'its own attribute is left alone').to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await picker.updateComplete;
    expect(($(picker, '[part="remove"]') as HTMLButtonElement).disabled).to.equal(false);
    expect(new FormData(form).getAll('to')).to.deep.equal([first.id]);
  });

  it('says why a required field is invalid in Dutch', async () => {
    const setup = testBackend();
    const { element: form } = await inCommunity<HTMLFormElement>(
      setup.backend,
      html`<form><kring-people-picker name="to" required></kring-people-picker></form>`,
      { lang: 'nl' },
    );
    const picker = form.querySelector('kring-people-picker') as KringPeoplePicker;
    await picker.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    await picker.updateComplete;
    expect(picker.validationMessage).to.equal('Kies ten minste één collega.');
    expect($(picker, '[part="hint"]')!.textContent).to.equal('Kies ten minste één collega.');
  });

  it('speaks Dutch and reports no results', async () => {
    const setup = testBackend();
    const { element: picker } = await inCommunity<KringPeoplePicker>(
      setup.backend,
      html`<kring-people-picker></kring-people-picker>`,
      { lang: 'nl' },
    );
    expect(shadowText(picker)).to.contain('Collega’s');
    await typeAndWait(picker, 'zzzqqxx');
    expect(shadowText(picker)).to.contain('Geen collega’s gevonden voor “zzzqqxx”.');
    await expect(picker).to.be.accessible();
  });

  it('shows a search error whose Retry works by keyboard (Tab, Enter) and by a real click', async () => {
    const setup = testBackend();
    const { element: picker } = await inCommunity<KringPeoplePicker>(
      setup.backend,
      html`<kring-people-picker></kring-people-picker>`,
      { client: { readRetries: 0 } },
    );
    setup.network.online = false;
    const input = $(picker, 'input') as HTMLInputElement;
    input.focus();
    await typeBurst('Sanne');
    await waitUntil(() => shadowText(picker).includes('Searching failed.'), 'error shown');
    await expect(picker).to.be.accessible();
    // Keyboard: Tab reaches Retry (the popup stays), Enter searches again and the field has the focus.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'Tab moves to Retry').to.equal($(picker, '[part="retry"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(picker).includes('Searching failed.'), 'failed again, still offline');
    expect(deepActiveElement(), 'back in the field').to.equal(input);
    // A real mouse click (the field keeps the focus while the button is pressed).
    setup.network.online = true;
    const box = $(picker, '[part="retry"]')!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitUntil(() => $$(picker, '[role="option"]').length > 0, 'results after the retry');
    expect(deepActiveElement()).to.equal(input);
  });

  it('moved in the page mid-search: the focus left, so the suggestions close; nothing stays "Searching…"', async () => {
    const client = new FakeClient();
    client.holdSearches = true;
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provide(host, client);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><kring-people-picker></kring-people-picker></div>`,
      {
        parentNode: host,
      },
    );
    const picker = wrapper.querySelector('kring-people-picker') as KringPeoplePicker;
    await picker.updateComplete;
    const input = () => $(picker, 'input') as HTMLInputElement;
    input().focus();
    await typeBurst('power bi');
    await waitUntil(() => client.pending.length === 1, 'a search in flight');
    const elsewhere = document.createElement('div');
    wrapper.append(elsewhere);
    elsewhere.append(picker);
    await picker.updateComplete;
    expect(client.pending[0].signal!.aborted, 'the move stopped it').to.equal(true);
    expect(input().getAttribute('aria-expanded')).to.equal('false');
    expect(shadowText(picker)).not.to.contain('Searching');
    // Back in the field, ↓ searches the text again.
    client.holdSearches = false;
    input().focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => $$(picker, '[role="option"]').length === 3, 'suggestions again');
    expect(client.searches.at(-1)!.query.text).to.equal('power bi');
  });

  it('keeps the focus in the picker when the only chosen person is removed', async () => {
    const setup = testBackend();
    const [first] = colleagues(setup);
    const picker = await presetPicker(setup.backend, first);
    ($(picker, '[part="remove"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === $(picker, 'input'), 'focus moved to the field');
    expect(picker.value).to.deep.equal([]);
  });
});
