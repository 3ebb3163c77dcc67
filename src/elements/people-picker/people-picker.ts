import { PersonHoverController, personHoverStyles } from '../shared/person-hover.js';
import { html, nothing, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { KringElement } from '../shared/kring-element.js';
import type { PeopleSearchResult, Person } from '../../model.js';
import { translate, translatePlural, type MessageParams } from '../../i18n/index.js';
import { peoplePickerStrings, type PeoplePickerStringKey } from '../../i18n/people-picker.js';
import { avatarStyles, renderAvatar } from '../shared/small-avatar.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { ComboboxController } from '../shared/combobox-controller.js';
import { LatestSearch } from '../shared/latest-search.js';
import { peoplePickerStyles } from './people-picker.styles.js';
import { KringPeopleChangeEvent } from '../../events/people.js';
import { commaListConverter } from '../shared/list-attribute.js';

/** What one search asks for. */
interface PickerRequest {
  text: string;
  limit: number;
  membersOnly: boolean;
}

/**
 * A keyboard-friendly people picker: type a name, choose with the arrow keys, add with Enter.
 * Follows the ARIA combobox pattern (input + listbox with `aria-activedescendant`); chosen people
 * show as removable chips; Backspace in an empty field removes the last one.
 *
 * @tagname kring-people-picker
 * @summary Choose one or more colleagues by name.
 *
 * @csspart label - The visible label.
 * @csspart field - The box holding the chips and the text field.
 * @csspart chip - One chosen person.
 * @csspart remove - The remove button of a chip.
 * @csspart chip-person - A chip's photo and name: opens the person's hover card.
 * @csspart person-card - The hover card of a chosen person.
 * @csspart give-kudos - The hover card's "give kudos" button.
 * @csspart close-card - The hover card's close button.
 * @csspart avatar - An avatar (chip or option).
 * @csspart input - The text field.
 * @csspart listbox - The suggestions.
 * @csspart option - One suggestion.
 * @csspart status - Searching / no results / error line in the listbox.
 * @csspart hint - The keyboard hint under the field.
 * @csspart popup - The drop-down under the field holding the status line and the suggestions.
 * @csspart retry - Searches again after a failed search (in the status line).
 * @csspart problem - Shown instead of the content while no community is connected (no `<kring-community>`, or its backend failed).
 *
 * @cssproperty --kring-color-accent - Highlight colour; focus rings when no focus colour is set.
 * @cssproperty --kring-color-focus - Focus rings.
 * @cssproperty --kring-color-surface - Background of the field and listbox.
 * @cssproperty --kring-color-border - Border colour.
 * @cssproperty --kring-color-field-border - Outline of the text field (3:1 against the field).
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-avatar-size - Avatar size.
 *
 * @event {KringPeopleChangeEvent} kring-people-change - The chosen people changed; `detail` has `ids` and `people`.
 */
export class KringPeoplePicker extends KringElement {
  static override styles = [...avatarStyles, peoplePickerStyles, personHoverStyles];

  /** A chosen person's chip opens their card on hover or focus of the name. */
  private readonly hover = new PersonHoverController(this, {
    language: () => this.language,
    client: () => this.client,
  });
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** A form field: inside a `<form>` it submits the chosen ids under `name`, one entry each. */
  static formAssociated = true;
  /**
   * Debounce, ms, so typing a name makes one search, not one per key. A test may lengthen it while it
   * types, so that keys arriving slowly on a busy machine still make one search.
   */
  static searchDelayMs = 150;

  /** Allow choosing more than one person. */
  @property({ type: Boolean, attribute: 'multiple' }) multiple = false;
  /** Leave the current user out of the suggestions. */
  @property({ type: Boolean, attribute: 'exclude-me' }) excludeMe = false;
  /** Suggest community members only (default: the whole directory). */
  @property({ type: Boolean, attribute: 'members-only' }) membersOnly = false;
  /** Visible label; defaults to "Colleagues". */
  @property({ attribute: 'label' }) label?: string;
  /** Placeholder of the text field; defaults to "Type a name…". */
  @property({ attribute: 'placeholder' }) placeholder?: string;
  /** Marks the field as required for assistive technology. */
  @property({ type: Boolean, attribute: 'required' }) required = false;
  /** Disables the field. */
  @property({ type: Boolean, reflect: true, attribute: 'disabled' }) disabled = false;
  /** Most suggestions shown. */
  @property({ type: Number, attribute: 'max-results' }) maxResults = 8;
  /** Chosen person ids; as an attribute, comma-separated. */
  @property({ attribute: 'value', converter: commaListConverter }) value: string[] = [];
  /** An error to show under the field (e.g. set by a form); marks the field invalid. */
  @property({ attribute: false }) errorMessage = '';
  /** The form field name: a form submits each chosen id as an entry with this name. */
  @property({ attribute: 'name' }) name = '';

  /** A surrounding `<fieldset disabled>` disables the field without touching `disabled`. */
  @state() private formDisabled = false;
  /** Set once the form asked for validity and the field was invalid: the hint then says why. */
  @state() private showValidity = false;

  @state() private chosen: Person[] = [];
  @state() private myId?: string;

  @query('input') private input!: HTMLInputElement;

  private readonly internals = this.attachInternals();

  /** Search as you type: debounced, only the newest answer counts. */
  private readonly search = new LatestSearch<PickerRequest, PeopleSearchResult>(this, {
    debounceMs: () => (this.constructor as typeof KringPeoplePicker).searchDelayMs,
    key: (request) => JSON.stringify([request.text, request.limit, request.membersOnly]),
    run: (request, signal) => {
      const client = this.client;
      if (!client) return Promise.reject(new Error('No community client.'));
      const { text, limit, membersOnly } = request;
      return client.searchPeople({ text, membersOnly: membersOnly || undefined, limit }, { signal });
    },
    onResult: (_request, _result, quiet) => this.combobox.optionsChanged(quiet ? 'refresh' : 'new'),
  });

  /**
   * Open state, the active suggestion, the keymap and the result count said once per answer.
   * Automatic selection: the best match is active as soon as it shows, so Enter adds it.
   */
  private readonly combobox: ComboboxController = new ComboboxController(this, {
    idPrefix: 'kring-pp',
    selection: 'automatic',
    count: () => this.options.length,
    choose: (index) => this.choose(this.options[index]),
    opened: () => {
      if (this.input.value.trim()) this.startSearch(true);
      else this.closeList();
    },
    closed: () => this.stopSearch(),
    // Enter while results are still loading must not submit a surrounding form.
    enter: () => this.combobox.open,
    clear: () => {
      if (!this.input.value) return false;
      this.input.value = '';
      return true;
    },
    // After a failed search the popup's Retry button is the next stop: keep the popup for it.
    keepOpenOnTab: (event) => this.search.status === 'error' && !event.shiftKey,
    announcement: () => this.announcement(),
    language: () => this.language,
  });

  /** A chosen person's record changed (a photo that followed the name): show the newer one. */
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['people'],
    (change) => {
      const shown = new Set(this.chosen.map((person) => person.id));
      if (change.ids?.some((id) => shown.has(id))) void this.refreshChosen();
      this.refreshResults(change.ids);
    },
  );

  /** The chosen people (resolved), in order. */
  get selectedPeople(): Person[] {
    return [...this.chosen];
  }

  /** The form this field belongs to, as for built-in fields. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** The form was reset: back to the ids of the `value` attribute. */
  formResetCallback(): void {
    this.showValidity = false;
    // As a new `value`: the update finds the people for the ids, as for the attribute itself.
    this.value = commaListConverter.fromAttribute(this.getAttribute('value'));
    if (this.input) this.input.value = '';
    this.closeList();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** The browser restores a form (back/forward navigation): take the ids it kept. */
  formStateRestoreCallback(state: unknown): void {
    if (!(state instanceof FormData)) return;
    this.value = state.getAll(this.name).map(String);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('invalid', this.onInvalid);
  }

  /** Focuses the text field (or, with one person chosen and not `multiple`, its remove button). */
  override focus(options?: FocusOptions): void {
    const target =
      this.input && !this.input.hidden
        ? this.input
        : this.renderRoot.querySelector<HTMLElement>('[part="remove"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Clears the choice and the text field. */
  clear(): void {
    this.setChosen([], false);
    if (this.input) this.input.value = '';
    this.closeList();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this.onInvalid);
  }

  /** A submit or `reportValidity()` found the field invalid: say why under it, not only in a bubble. */
  private readonly onInvalid = (): void => {
    this.showValidity = true;
  };

  /** Disabled by its own attribute or by a disabled fieldset around it. */
  private get inactive(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      const known = new Map(this.chosen.map((person) => [person.id, person]));
      const ids = this.multiple ? this.value : this.value.slice(0, 1);
      if (ids.join(',') !== this.chosen.map((person) => person.id).join(',')) {
        this.chosen = ids.map((id) => known.get(id) ?? this.client?.peekPerson(id) ?? placeholderPerson(id));
        void this.resolveChosen();
      }
    }
    if ((changed as Map<PropertyKey, unknown>).has('client') && this.client) {
      void this.resolveChosen();
      if (this.excludeMe) void this.loadMe();
    }
    if (changed.has('excludeMe') && this.excludeMe && this.client) void this.loadMe();
    this.updateFormValue();
  }

  private async loadMe(): Promise<void> {
    try {
      this.myId = (await this.client!.currentUser()).id;
    } catch {
      // Suggestions still work; the backend refuses kudos to yourself anyway.
    }
  }

  /** Replaces placeholders (ids only) with the people from the client. */
  private async resolveChosen(): Promise<void> {
    await this.reread(this.chosen.filter((person) => isPlaceholder(person)).map((person) => person.id));
  }

  /** Re-reads the chosen people from the client; the value (their ids) stays as it is. */
  private async refreshChosen(): Promise<void> {
    await this.reread(this.chosen.map((person) => person.id));
  }

  /** Replaces the chosen people with these ids by the client's records, matched by id (the choice may change meanwhile). */
  private async reread(ids: string[]): Promise<void> {
    const client = this.client;
    if (!client || ids.length === 0) return;
    try {
      const people = await client.people(ids);
      const byId = new Map(people.filter((person): person is Person => !!person).map((p) => [p.id, p]));
      this.chosen = this.chosen.map((person) => byId.get(person.id) ?? person);
    } catch {
      // Keep what is shown (ids until names come on the next change).
    }
  }

  private setChosen(people: Person[], notify = true): void {
    this.chosen = people;
    this.value = people.map((person) => person.id);
    if (notify) this.dispatchEvent(new KringPeopleChangeEvent({ ids: [...this.value], people: [...people] }));
  }

  private t(key: PeoplePickerStringKey, params?: MessageParams): string {
    return translate(peoplePickerStrings, this.language, key, params);
  }

  /** A click on the box around the chips (not on a chip's button) puts the cursor in the field. */
  private onFieldClick(event: MouseEvent): void {
    if (event.target === event.currentTarget && !this.input.hidden) this.input.focus();
  }

  private onInput(): void {
    this.combobox.setActive(-1);
    if (this.input.value.trim()) this.startSearch(false);
    else this.closeList();
  }

  /** Opens the popup ("Searching…") and searches for the text in the field, after the debounce unless `now`. */
  private startSearch(now: boolean): void {
    const request: PickerRequest = {
      text: this.input.value.trim(),
      membersOnly: this.membersOnly,
      limit: this.maxResults + this.chosen.length + 1,
    };
    this.combobox.show();
    if (now) void this.search.now(request, true);
    else this.search.schedule(request);
  }

  /** Results whose records changed (a photo that followed the names) show the newer record. */
  private refreshResults(ids: readonly string[] | undefined): void {
    const { result } = this.search;
    const client = this.client;
    if (this.search.status !== 'done' || !result || !client) return;
    const changed = (person: Person) => !ids || ids.includes(person.id);
    if (!result.items.some((match) => changed(match.person))) return;
    this.search.result = {
      ...result,
      items: result.items.map((match) =>
        changed(match.person)
          ? { ...match, person: client.peekPerson(match.person.id) ?? match.person }
          : match,
      ),
    };
    this.requestUpdate();
  }

  /** Focus left the field or the Retry button: close the popup unless it moved between the two. */
  private readonly onInputBlur = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    const popup = this.renderRoot.querySelector('.popup');
    if (next !== this.input && !popup?.contains(next)) this.closeList();
  };

  /** Searches again after a failure; the Retry button goes away, so the field takes the focus. */
  private retrySearch(): void {
    this.input.focus();
    const request = this.search.request;
    if (request) void this.search.now(request, true);
  }

  private closeList(): void {
    this.combobox.close();
    this.stopSearch();
  }

  /**
   * Forgets the search. Also runs on blur, which can happen during a render (the field hides once a
   * single choice is made): only a real change may ask for another update.
   */
  private stopSearch(): void {
    if (this.search.status !== 'idle' || this.search.pending) this.search.reset();
  }

  /** The suggestions: the answer to the newest search without the people already chosen (or me). */
  private get options(): Person[] {
    const { status, result } = this.search;
    if (status !== 'done' || this.search.pending || !result) return [];
    const chosenIds = new Set(this.chosen.map((person) => person.id));
    return result.items
      .map((match) => match.person)
      .filter((person) => !chosenIds.has(person.id) && !(this.excludeMe && person.id === this.myId))
      .slice(0, this.maxResults);
  }

  /** The count, "nobody found" or the error, said once per answer. */
  private announcement(): string {
    if (!this.combobox.open || this.search.pending) return '';
    const { status, request } = this.search;
    if (status === 'error') return this.t('error');
    if (status !== 'done') return '';
    const count = this.options.length;
    return count
      ? translatePlural(peoplePickerStrings, this.language, 'results', count)
      : this.t('noResults', { text: request?.text ?? '' });
  }

  private choose(person: Person): void {
    const people = this.multiple ? [...this.chosen, person] : [person];
    this.setChosen(people);
    this.announce(this.t('added', { name: person.name }));
    this.input.value = '';
    this.closeList();
    if (this.multiple) {
      this.input.focus();
    } else {
      // A single choice hides the field on the next render, which would drop the focus to <body>:
      // the chosen person's remove button takes it then (the async focus rule, shared/async-focus.ts).
      void this.updateComplete.then(() => this.focus());
    }
  }

  private removePerson(person: Person): void {
    this.setChosen(this.chosen.filter((candidate) => candidate.id !== person.id));
    this.announce(this.t('removed', { name: person.name }));
    // The remove button goes with the chip; in a single picker the field shows again only after the
    // next render, so focus it then.
    void this.updateComplete.then(() => this.input.focus());
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Backspace' && !this.input.value && this.chosen.length) {
      event.preventDefault();
      this.removePerson(this.chosen.at(-1)!);
      return;
    }
    this.combobox.keydown(event);
  }

  /** What a form submits (each id under `name`) and whether the field may be submitted. */
  private updateFormValue(): void {
    const ids = this.chosen.map((person) => person.id);
    if (this.name && ids.length) {
      const data = new FormData();
      for (const id of ids) data.append(this.name, id);
      this.internals.setFormValue(data);
    } else {
      this.internals.setFormValue(null);
    }
    // The text field is where the browser points when a submit finds the field invalid.
    const anchor = this.input ?? undefined;
    if (this.errorMessage) {
      this.internals.setValidity({ customError: true }, this.errorMessage, anchor);
    } else if (this.required && ids.length === 0 && !this.inactive) {
      this.internals.setValidity({ valueMissing: true }, this.t('required'), anchor);
    } else {
      this.internals.setValidity({});
      this.showValidity = false;
    }
  }

  private renderPopup() {
    if (!this.combobox.open) return nothing;
    const listboxId = this.combobox.id('listbox');
    const search = this.search;
    const options = this.options;
    let status: unknown = nothing;
    if (search.pending || search.status === 'loading') status = this.t('searching');
    else if (search.status === 'done' && options.length === 0)
      status = this.t('noResults', { text: search.request?.text ?? '' });
    else if (search.status === 'error')
      status = html`${this.t('error')}
        <button
          type="button"
          part="retry"
          @mousedown=${(event: Event) => event.preventDefault()}
          @click=${this.retrySearch}
          @blur=${this.onInputBlur}
        >
          ${this.t('retry')}
        </button>`;
    return html`<div class="popup" part="popup">
      ${status === nothing ? nothing : html`<div part="status" class="status">${status}</div>`}
      ${options.length
        ? html`<ul id=${listboxId} part="listbox" role="listbox" aria-label=${this.label || this.t('label')}>
            ${options.map(
              (person, index) =>
                html`<li
                  id=${this.combobox.optionId(index)}
                  part="option"
                  role="option"
                  aria-selected=${index === this.combobox.activeIndex ? 'true' : 'false'}
                  @mousedown=${(event: Event) => event.preventDefault()}
                  @click=${() => this.choose(person)}
                >
                  ${renderAvatar(person)}
                  <span class="option-text">
                    <span class="option-name">${person.name}</span>
                    ${person.title || person.department
                      ? html`<span
                          class="option-detail"
                          lang=${this.contentMarks.lang ?? nothing}
                          dir=${this.contentMarks.dir ?? nothing}
                          >${[person.title, person.department].filter(Boolean).join(' · ')}</span
                        >`
                      : nothing}
                  </span>
                </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private hintText(): string {
    if (this.errorMessage) return this.errorMessage;
    return this.showValidity && !this.validity.valid ? this.validationMessage : this.t('hint');
  }

  override render() {
    if (this.notConnected) return this.renderNotConnected();
    const inputId = this.combobox.id('input');
    const hintId = this.combobox.id('hint');
    const label = this.label || this.t('label');
    const showInput = this.multiple || this.chosen.length === 0;
    const invalid = !!this.errorMessage || (this.showValidity && !this.validity.valid);
    return html`
      <label part="label" for=${inputId}>${label}</label>
      <div part="field" class=${invalid ? 'field invalid' : 'field'} @click=${this.onFieldClick}>
        ${this.chosen.length
          ? html`<ul class="selection" aria-label=${this.t('selected')}>
              ${this.chosen.map(
                (person) =>
                  html`<li part="chip" class="chip">
                    ${isPlaceholder(person)
                      ? html`${renderAvatar(person)}<span class="chip-name">${person.name}</span>`
                      : this.hover.wrap(
                          `chip:${person.id}`,
                          person.id,
                          person.name,
                          this.hover.button(
                            `chip:${person.id}`,
                            person.id,
                            person.name,
                            html`${renderAvatar(person)}<span class="chip-name">${person.name}</span>`,
                            'chip-person',
                          ),
                        )}
                    <button
                      type="button"
                      part="remove"
                      ?disabled=${this.inactive}
                      aria-label=${this.t('remove', { name: person.name })}
                      @click=${() => this.removePerson(person)}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing}
        <input
          ${this.combobox.field()}
          part="input"
          type="text"
          aria-describedby=${hintId}
          aria-required=${this.required && this.chosen.length === 0 ? 'true' : 'false'}
          aria-invalid=${invalid ? 'true' : 'false'}
          placeholder=${this.placeholder || this.t('placeholder')}
          ?hidden=${!showInput}
          ?disabled=${this.inactive}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @blur=${this.onInputBlur}
        />
      </div>
      ${this.renderPopup()}
      <div id=${hintId} part="hint" class=${invalid ? 'hint error' : 'hint'}>${this.hintText()}</div>
      ${this.hover.card()}
    `;
  }
}

/** A stand-in until the client resolves the id to a person. */
function placeholderPerson(id: string): Person {
  return { id, name: id, skills: [], isManagement: false, links: [] };
}

function isPlaceholder(person: Person): boolean {
  return person.name === person.id && person.skills.length === 0 && !person.email;
}
