import { PersonHoverController, personHoverStyles } from '../shared/person-hover.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { ComboboxController } from '../shared/combobox-controller.js';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { safeUrl } from '../shared/avatar.js';
import { renderAvatar } from '../shared/small-avatar.js';
import { expertiseStrings, type ExpertiseKey } from '../../i18n/expertise.js';
import { translate, translatePlural, type MessageParams } from '../../i18n/index.js';
import type { FacetCount, PeopleSearchResult, PersonMatch } from '../../model.js';
import { skillKey } from '../../search/normalize.js';
import { LatestSearch } from '../shared/latest-search.js';
import { whyLine } from './why-line.js';
import { KringInviteRequestEvent } from '../../events/invites.js';
import { KringPersonSelectEvent } from '../../events/people.js';
import { expertiseFinderStyles } from './expertise-finder.styles.js';

/** What one search asks for. */
export interface FinderRequest {
  text: string;
  skill?: string;
  department?: string;
  limit: number;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Related skills offered in the empty state. */
const SUGGESTION_COUNT = 6;
/** Facet buttons per group. */
const FACET_COUNT = 8;

function isWholeNumberBetween(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * "Who knows about X?": a search field with live, explained results.
 *
 * Follows the ARIA combobox pattern: focus stays in the field; Arrow keys, Home and End move
 * through the results, Enter chooses, Escape closes (and then clears).
 *
 * @tagname kring-expertise-finder
 * @summary Finds colleagues by skill, name or title, and says why each one is shown.
 * @csspart base - The whole element.
 * @csspart label - The field's label.
 * @csspart input - The search field.
 * @csspart filters - The list of active filter chips.
 * @csspart chip - One active filter; a button that removes it.
 * @csspart status - The visible state line (searching, counts).
 * @csspart results - The list of people (role listbox).
 * @csspart option - One person row.
 * @csspart option-active - The row chosen with the arrow keys.
 * @csspart avatar - Photo or initials.
 * @csspart name - The person's name.
 * @csspart meta - Title and department.
 * @csspart why - The "why this person" line.
 * @csspart facets - Department and related-skill filters.
 * @csspart facet - One facet button.
 * @csspart empty - The no-results block.
 * @csspart suggestion - A related skill offered when nothing was found.
 * @csspart invite - The "invite someone who knows" button.
 * @csspart error - The error block.
 * @csspart retry - The retry button.
 * @csspart person-card - The hover card of a result (on hover, or when chosen without `href-template`).
 * @csspart give-kudos - The hover card's "give kudos" button.
 * @csspart close-card - The hover card's close button.
 * @csspart problem - Shown instead of the content while no community is connected (no `<kring-community>`, or its backend failed).
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-text - Main text colour.
 * @cssproperty --kring-color-text-muted - Secondary text colour.
 * @cssproperty --kring-color-border - Borders of the field, rows and chips.
 * @cssproperty --kring-color-accent - Buttons and the active row.
 * @cssproperty --kring-color-on-accent - Text on accent.
 * @cssproperty --kring-color-focus - Focus ring.
 * @cssproperty --kring-color-danger - Error text.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-space - Inner spacing.
 * @cssproperty --kring-avatar-size - Avatar diameter in rows (default 2.25rem).
 * @cssproperty --kring-finder-padding - Space around the whole element (default 0).
 * @cssproperty --kring-finder-max-height - Height of the result list before it scrolls (default 28rem).
 * @cssproperty --kring-font-family - Font (default: Segoe UI, else the system font).
 * @event {KringPersonSelectEvent} kring-person-select - A result was chosen; `detail.person`, `detail.match`. Cancelable: stops the link.
 * @event {KringInviteRequestEvent} kring-invite-request - Nobody was found and the user asked to invite someone; `detail.skill`.
 */
export class KringExpertiseFinder extends KringElement {
  static override styles = [expertiseFinderStyles, personHoverStyles];

  /** A result opens the person's card on hover, and when chosen (without `href-template`). */
  private readonly hover = new PersonHoverController(this, {
    language: () => this.language,
    client: () => this.client,
  });

  /**
   * How long typing must pause before a search goes out, ms. A test may lengthen it while it types,
   * so that keys arriving slowly on a busy machine still make one search.
   */
  static debounceMs = 150;

  /** Text to search for; typing updates it. */
  @property({ attribute: 'query' }) query = '';

  /** Only people who declared this skill (a removable filter chip). */
  @property({ attribute: 'skill' }) skill = '';

  /** Only people in this department (a removable filter chip). */
  @property({ attribute: 'department' }) department = '';

  /** How many people to show (1–100, default 10). */
  @property({ attribute: 'limit', type: Number }) limit = DEFAULT_LIMIT;

  /** Placeholder of the search field; default "Who knows about…". */
  @property({ attribute: 'placeholder' }) placeholder?: string;

  /** Shows department and related-skill filters under the results. */
  @property({ attribute: 'show-facets', type: Boolean }) showFacets = false;

  /** Turns results into links, e.g. `/people/{id}` (`{id}` and `{email}` are filled in). */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

  /**
   * Reads the first search from this parameter of the page address, e.g. `q` for the intranet's search
   * box that sends `?q=Power+BI#experts`. Unset: the address is not read.
   */
  @property({ attribute: 'query-param' }) queryParam?: string;

  /** Skills offered when nothing was found and the backend gave none. */
  @state() private fallbackSuggestions: string[] = [];

  @query('input') private input?: HTMLInputElement;

  /**
   * Open state, the active row, the keymap and the count said once per answer. Manual selection: no
   * row is active until the arrow keys choose one, so Enter without one searches at once.
   */
  private readonly combobox: ComboboxController = new ComboboxController(this, {
    idPrefix: 'kring-finder',
    selection: 'manual',
    count: () => (this.search.status !== 'error' ? this.items.length : 0),
    choose: (index) => this.choose(this.items[index], 'key'),
    opened: () => {
      if (this.search.status === 'idle') this.searchNow();
    },
    closed: () => this.hover.close(),
    enter: () => {
      this.searchNow();
      return true;
    },
    dismissOverlay: () => this.hover.close(),
    clear: () => {
      if (!this.query) return false;
      this.query = '';
      return true;
    },
    // The results are followed by facets, suggestions, the invite and Retry buttons: Tab goes there.
    keepOpenOnTab: () => true,
    announcement: () => this.announcement(),
    language: () => this.language,
  });
  private lastTrackedSubject?: string;
  /** The query as last typed; such a change is debounced rather than searched at once. */
  private typedQuery?: string;
  private suggestionsFor?: string;

  private readonly search = new LatestSearch<FinderRequest, PeopleSearchResult>(this, {
    debounceMs: () => (this.constructor as typeof KringExpertiseFinder).debounceMs,
    key: (request) => JSON.stringify([request.text.trim(), request.skill, request.department, request.limit]),
    run: (request, signal) => {
      const client = this.client;
      if (!client) return Promise.reject(new Error('No community client.'));
      return client.searchPeople(
        {
          text: request.text.trim() || undefined,
          skill: request.skill || undefined,
          department: request.department || undefined,
          limit: request.limit,
        },
        { signal },
      );
    },
    onResult: (request, result, quiet) => this.afterResult(request, result, quiet),
  });

  /** An endorsement or kudos for someone in the list changes their evidence: refresh quietly. */
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['people'],
    (change) => {
      const shown = this.search.result?.items ?? [];
      if (!change.ids || shown.some((match) => change.ids!.includes(match.person.id))) this.search.refresh();
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    const fromAddress = this.queryParam ? new URLSearchParams(location.search).get(this.queryParam) : null;
    if (fromAddress?.trim() && !this.query) this.query = fromAddress.trim();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit')) {
      this.clearProblems();
      if (!isWholeNumberBetween(this.limit, 1, MAX_LIMIT)) {
        this.reportProblem(
          `<kring-expertise-finder> limit="${this.limit}" is not valid; use a whole number from 1 to ${MAX_LIMIT}.`,
        );
      }
    }
    const inputs = ['skill', 'department', 'limit'] as const;
    const clientArrived = changed.has('client' as keyof KringExpertiseFinder) && this.client;
    const querySetFromOutside = changed.has('query') && this.query !== this.typedQuery;
    this.typedQuery = undefined;
    if (inputs.some((name) => changed.has(name)) || querySetFromOutside || clientArrived) {
      // Set from outside (attribute, property or a filter): search at once.
      if (this.client) this.searchNow();
    }
  }

  /** Puts the focus in the search field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  private get effectiveLimit(): number {
    const limit = Math.floor(Number(this.limit));
    if (!Number.isFinite(limit) || limit < 1) return DEFAULT_LIMIT;
    return Math.min(MAX_LIMIT, limit);
  }

  private currentRequest(): FinderRequest {
    return { text: this.query, skill: this.skill, department: this.department, limit: this.effectiveLimit };
  }

  private hasSomethingToSearch(request: FinderRequest): boolean {
    return Boolean(request.text.trim() || request.skill || request.department);
  }

  private searchNow(force = false): void {
    const request = this.currentRequest();
    this.combobox.setActive(-1);
    if (!this.hasSomethingToSearch(request)) {
      this.search.reset();
      this.combobox.close();
      return;
    }
    this.combobox.show();
    void this.search.now(request, force);
  }

  private afterResult(request: FinderRequest, result: PeopleSearchResult, quiet: boolean): void {
    // A background refresh keeps the keyboard position; a new search starts from the field.
    this.combobox.optionsChanged(quiet ? 'refresh' : 'new');
    this.trackSkillSearch(result);
    const text = request.text.trim();
    if (!result.items.length && text && !result.facets?.relatedSkills.length) void this.loadSuggestions(text);
    else this.fallbackSuggestions = [];
  }

  /** Records which known skill was searched for (normalised), never the free text. */
  private trackSkillSearch(result: PeopleSearchResult): void {
    const exact = result.items
      .flatMap((match) => match.evidence)
      .find((evidence) => evidence.kind === 'skill-exact');
    if (!exact) return;
    const subject = skillKey(exact.value);
    if (subject === this.lastTrackedSubject) return;
    this.lastTrackedSubject = subject;
    this.client?.track({ type: 'search', subject });
  }

  private async loadSuggestions(text: string): Promise<void> {
    this.suggestionsFor = text;
    try {
      const found = (await this.client?.suggestSkills(text.split(/\s+/)[0])) ?? [];
      if (this.suggestionsFor === text) this.fallbackSuggestions = found.slice(0, SUGGESTION_COUNT);
    } catch {
      if (this.suggestionsFor === text) this.fallbackSuggestions = [];
    }
  }

  // ------------------------------------------------------------------ user actions

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    // `query` changed by typing: debounce instead of searching at once (see willUpdate).
    this.typedQuery = this.query;
    this.combobox.setActive(-1);
    const request = this.currentRequest();
    if (!this.hasSomethingToSearch(request)) {
      this.search.reset();
      this.combobox.close();
      return;
    }
    this.combobox.show();
    this.search.schedule(request);
  }

  private get items(): PersonMatch[] {
    return this.search.result?.items ?? [];
  }

  private href(match: PersonMatch): string | undefined {
    if (!this.hrefTemplate) return undefined;
    const filled = this.hrefTemplate
      .replaceAll('{id}', encodeURIComponent(match.person.id))
      .replaceAll('{email}', encodeURIComponent(match.person.email ?? ''));
    // Checked for a safe scheme, but kept as written (relative stays relative).
    return safeUrl(filled) ? filled : undefined;
  }

  /** Emits the selection; in link mode a key choice follows the link unless the event was cancelled. */
  private choose(match: PersonMatch, via: 'key' | 'click', click?: MouseEvent): void {
    const event = new KringPersonSelectEvent({ person: match.person, match });
    const proceed = this.dispatchEvent(event);
    const href = this.href(match);
    if (!proceed) {
      click?.preventDefault();
      return;
    }
    if (href) {
      if (via === 'key') window.location.assign(href);
      return;
    }
    // No page to go to: the person's card opens at the result, with the focus in it.
    const option = this.renderRoot.querySelector(`#${this.combobox.optionId(this.items.indexOf(match))}`);
    this.hover.show(match.person.id, match.person.id, match.person.name, option ?? this.input!, {
      focus: true,
      returnFocus: this.input,
    });
  }

  private removeFilter(kind: 'skill' | 'department', event: Event): void {
    const chip = event.currentTarget as HTMLElement;
    const next = (
      chip.parentElement?.nextElementSibling ?? chip.parentElement?.previousElementSibling
    )?.querySelector('button');
    if (kind === 'skill') this.skill = '';
    else this.department = '';
    // Keep the focus in the element: on the neighbouring chip, else in the field.
    void this.updateComplete.then(() => {
      const target = next && next.isConnected ? next : this.input;
      target?.focus();
    });
  }

  private onChipKeyDown(kind: 'skill' | 'department', event: KeyboardEvent): void {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.removeFilter(kind, event);
    }
  }

  /** Searches again; the focus goes back to the field because the retry button goes away. */
  private retry(): void {
    this.searchNow(true);
    this.input?.focus();
  }

  private useSuggestion(skill: string): void {
    this.query = skill;
    this.input?.focus();
  }

  private requestInvite(): void {
    const skill = this.search.request?.text.trim() || this.skill;
    this.dispatchEvent(new KringInviteRequestEvent({ skill }));
  }

  // ------------------------------------------------------------------ rendering

  private t(key: ExpertiseKey, params?: MessageParams): string {
    return translate(expertiseStrings, this.language, key, params);
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    const { status } = this.search;
    const { expanded, open } = this.combobox;
    const id = (suffix: string) => this.combobox.id(suffix);
    return html`<div part="base" lang=${this.language}>
      <label part="label" for="${id('input')}">${this.t('finder.label')}</label>
      <input
        ${this.combobox.field()}
        part="input"
        type="text"
        aria-describedby="${id('hint')}"
        placeholder=${this.placeholder ?? this.t('finder.placeholder')}
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${(event: KeyboardEvent) => this.combobox.keydown(event)}
      />
      <span id="${id('hint')}" class="visually-hidden">${this.t('finder.hint')}</span>
      ${this.renderFilters()} ${this.renderProblems()} ${open ? this.renderStatusLine() : nothing}
      <ul
        id="${id('listbox')}"
        part="results"
        role="listbox"
        aria-label=${this.t('finder.results')}
        aria-busy=${status === 'loading' ? 'true' : 'false'}
        tabindex="-1"
        @focus=${this.keepFocusInField}
        ?hidden=${!expanded}
      >
        ${expanded ? this.items.map((match, index) => this.renderOption(match, index)) : nothing}
      </ul>
      ${open ? this.renderBelowResults() : nothing} ${this.hover.card()}
    </div>`;
  }

  private renderProblems() {
    if (!this.attributeProblems.length) return nothing;
    return html`${this.attributeProblems.map((problem) => html`<p part="error">${problem}</p>`)}`;
  }

  /**
   * The results scroll, which would make the list a Tab stop of its own (with no active option, where
   * the arrow keys only scroll). The combobox pattern keeps the focus in the field; the list is not a stop.
   */
  private readonly keepFocusInField = (): void => {
    this.input?.focus();
  };

  private announcement(): string {
    if (!this.combobox.open) return '';
    const { status, result, error } = this.search;
    if (status === 'error') return this.t('finder.error', { message: error?.message ?? '' });
    if (status !== 'done' || !result) return '';
    return this.countText(result);
  }

  private countText(result: PeopleSearchResult): string {
    const total = result.total ?? result.items.length;
    if (!total) return this.t('finder.empty', { query: this.describeQuery() });
    const count = translatePlural(expertiseStrings, this.language, 'finder.count', total);
    return total > result.items.length
      ? `${count}, ${this.t('finder.countMore', { shown: result.items.length })}`
      : count;
  }

  private describeQuery(): string {
    const request = this.search.request;
    return [request?.text.trim(), request?.skill, request?.department].filter(Boolean).join(', ');
  }

  private renderStatusLine() {
    const { status, result } = this.search;
    if (status === 'loading') return html`<p part="status" class="status">${this.t('finder.searching')}</p>`;
    if (status === 'done' && result && result.items.length) {
      return html`<p part="status" class="status" aria-hidden="true">${this.countText(result)}</p>`;
    }
    return nothing;
  }

  private renderFilters() {
    const chips: { kind: 'skill' | 'department'; label: string; value: string }[] = [];
    if (this.skill)
      chips.push({
        kind: 'skill',
        label: this.t('finder.filterSkill', { value: this.skill }),
        value: this.skill,
      });
    if (this.department) {
      chips.push({
        kind: 'department',
        label: this.t('finder.filterDepartment', { value: this.department }),
        value: this.department,
      });
    }
    if (!chips.length) return nothing;
    return html`<ul part="filters" class="chips" aria-label=${this.t('finder.filters')}>
      ${chips.map(
        (chip) =>
          html`<li>
            <button
              type="button"
              part="chip"
              aria-label=${this.t('finder.removeFilter', { value: chip.label })}
              @click=${(event: Event) => this.removeFilter(chip.kind, event)}
              @keydown=${(event: KeyboardEvent) => this.onChipKeyDown(chip.kind, event)}
            >
              <span>${chip.label}</span><span aria-hidden="true" class="remove">×</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private renderOption(match: PersonMatch, index: number) {
    const { person } = match;
    const active = index === this.combobox.activeIndex;
    const meta = [person.title, person.department].filter(Boolean).join(' · ');
    const why = whyLine(match.evidence, this.language);
    const content = html`${renderAvatar(person)}
      <span class="text">
        <span part="name">${person.name}</span>
        ${meta
          ? html`<span
              part="meta"
              lang=${this.contentMarks.lang ?? nothing}
              dir=${this.contentMarks.dir ?? nothing}
              >${meta}</span
            >`
          : nothing}
        ${why ? html`<span part="why">${why}</span>` : nothing}
      </span>`;
    const parts = active ? 'option option-active' : 'option';
    const href = this.href(match);
    const onClick = (event: MouseEvent) => this.choose(match, 'click', event);
    const id = person.id;
    // The hover card's own pointer handling (its code loads on the first entry): the card opens when
    // the pointer has rested on the option for the open delay, counted from now.
    const onPointerEnter = (event: PointerEvent) => {
      const since = performance.now();
      const anchor = event.currentTarget as Element;
      this.hover.use((card) => card.pointerRest(id, id, person.name, anchor, since), true);
    };
    const onPointerLeave = (event: PointerEvent) => {
      const card = this.renderRoot.querySelector('.person-card');
      const container = event.currentTarget as Element;
      if (!(card && event.relatedTarget instanceof Node && card.contains(event.relatedTarget)))
        this.hover.use((view) => view.pointerLeave(id, container));
    };
    return html`<li role="none">
      ${href
        ? html`<a
            id="${this.combobox.optionId(index)}"
            part=${parts}
            role="option"
            tabindex="-1"
            aria-selected=${active ? 'true' : 'false'}
            href=${href}
            @click=${onClick}
            @pointerenter=${onPointerEnter}
            @pointerleave=${onPointerLeave}
            >${content}</a
          >`
        : html`<div
            id="${this.combobox.optionId(index)}"
            part=${parts}
            role="option"
            aria-selected=${active ? 'true' : 'false'}
            @click=${onClick}
            @pointerenter=${onPointerEnter}
            @pointerleave=${onPointerLeave}
          >
            ${content}
          </div>`}
    </li>`;
  }

  private renderBelowResults() {
    const { status, result, error } = this.search;
    if (status === 'error') {
      return html`<div part="error" class="problem">
        <p>${this.t('finder.error', { message: error?.message ?? '' })}</p>
        <button type="button" part="retry" @click=${this.retry}>${this.t('finder.retry')}</button>
      </div>`;
    }
    if (status !== 'done' || !result) return nothing;
    if (!result.items.length) return this.renderEmpty(result);
    return this.showFacets ? this.renderFacets(result) : nothing;
  }

  private renderEmpty(result: PeopleSearchResult) {
    const suggestions = result.facets?.relatedSkills.length
      ? result.facets.relatedSkills.slice(0, SUGGESTION_COUNT).map((facet) => facet.value)
      : this.fallbackSuggestions;
    const skill = this.search.request?.text.trim() || this.skill;
    if (result.skillsSearched === false) {
      // Nobody found is not nobody knows it: say what this backend cannot search, invite no one.
      return html`<div part="empty" class="empty">
        <p class="empty-title">${this.t('finder.empty', { query: this.describeQuery() })}</p>
        <p>${this.t('finder.noSkillSearch', { query: this.describeQuery() })}</p>
      </div>`;
    }
    return html`<div part="empty" class="empty">
      <p class="empty-title">${this.t('finder.empty', { query: this.describeQuery() })}</p>
      <p>${this.t('finder.emptyHint')}</p>
      ${suggestions.length
        ? html`<p class="group-title" id="${this.combobox.id('related')}">${this.t('finder.relatedTitle')}</p>
            <ul class="chips" aria-labelledby="${this.combobox.id('related')}">
              ${suggestions.map(
                (value) =>
                  html`<li>
                    <button type="button" part="suggestion" @click=${() => this.useSuggestion(value)}>
                      ${value}
                    </button>
                  </li>`,
              )}
            </ul>`
        : nothing}
      ${skill
        ? html`<button type="button" part="invite" class="invite" @click=${this.requestInvite}>
            ${this.t('finder.invite', { skill })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderFacets(result: PeopleSearchResult) {
    const departments = this.department ? [] : (result.facets?.departments ?? []).slice(0, FACET_COUNT);
    const skills = this.skill ? [] : (result.facets?.relatedSkills ?? []).slice(0, FACET_COUNT);
    if (!departments.length && !skills.length) return nothing;
    const group = (
      title: string,
      id: string,
      facets: FacetCount[],
      key: ExpertiseKey,
      apply: (value: string) => void,
    ) =>
      facets.length
        ? html`<div class="facet-group">
            <p class="group-title" id="${this.combobox.id(id)}">${title}</p>
            <ul class="chips" aria-labelledby="${this.combobox.id(id)}">
              ${facets.map(
                (facet) =>
                  html`<li>
                    <button type="button" part="facet" @click=${() => apply(facet.value)}>
                      ${this.t(key, { value: facet.value, count: facet.count })}
                    </button>
                  </li>`,
              )}
            </ul>
          </div>`
        : nothing;
    return html`<div part="facets" class="facets">
      ${group(
        this.t('finder.departmentsTitle'),
        'departments',
        departments,
        'finder.addDepartment',
        (value) => {
          this.department = value;
          this.input?.focus();
        },
      )}
      ${group(this.t('finder.skillsTitle'), 'skills', skills, 'finder.addSkill', (value) => {
        this.skill = value;
        this.input?.focus();
      })}
    </div>`;
  }
}
