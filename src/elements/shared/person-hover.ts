import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { PopoverController } from './popover-controller.js';
import type { Language } from '../../i18n/index.js';
import type { CommunityClientApi } from '../../client/types.js';
import type { PersonHoverCard } from './person-hover-card.js';

interface HoverHost extends ReactiveElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PersonHoverOptions {
  language: () => Language;
  client: () => CommunityClientApi | undefined;
}

interface OpenCard {
  key: string;
  personId: string;
  name: string;
  anchor: Element;
}

/** What the lazily loaded card (person-hover-card.ts) reads from and calls on its controller. */
export interface HoverCardOwner {
  readonly host: HoverHost;
  readonly options: PersonHoverOptions;
  readonly popover: PopoverController;
  /** The open card's person and anchor, if a card is open. */
  readonly openCard: OpenCard | undefined;
  /** The person whose kudos composer is open in the card, if any. */
  composingFor?: string;
  cardElement(): HTMLElement | null;
  pointerLeave(key: string, container: Element): void;
  focusOut(key: string, event: FocusEvent): void;
  closeToName(): boolean;
}

let cardModule: Promise<typeof import('./person-hover-card.js')> | undefined;

/**
 * The hover card (Live Persona card): on hover or focus of a person's name or photo, that person's
 * full card opens next to it — photo, name, title, contact links, skills to endorse, badges — with
 * "give kudos". One card per host element, built on `PopoverController` (WCAG 1.4.13: Escape closes
 * it, the pointer can move onto it, it stays until pointer and focus have left). The card's details
 * load only when it opens; cards opened in one batch window share one look-up (the client batches
 * `details` look-ups).
 *
 * The host puts `wrap()` around a trigger (a link or a button, so the keyboard reaches it), or, where
 * the trigger cannot hold the card (an option in a listbox), calls the pointer methods itself and
 * renders `card()` inside the same container.
 *
 * Only the trigger is here: the open card (its template, styles and placement, person-hover-card.ts)
 * loads with `import()` when a pointer first enters a name (during the open delay) or a name gets the
 * focus, so a page of cards does not load it (issue 18).
 */
export class PersonHoverController implements ReactiveController, HoverCardOwner {
  /** How long the pointer rests on a name before its card opens, ms (a pass over a feed opens none). */
  static openDelayMs = 250;

  readonly popover: PopoverController;
  composingFor?: string;
  private current?: OpenCard;
  private view?: PersonHoverCard;
  private pointerTimer?: ReturnType<typeof setTimeout>;
  private returnFocus?: HTMLElement;
  /** Which of the trigger listeners are on the shadow root: the entering ones, then all. */
  private listening: 'none' | 'entering' | 'all' = 'none';

  constructor(
    readonly host: HoverHost,
    readonly options: PersonHoverOptions,
  ) {
    this.popover = new PopoverController(host);
    host.addController(this);
  }

  /** The person whose card is open, if any. */
  get openPerson(): string | undefined {
    return this.openCard?.personId;
  }

  get openCard(): OpenCard | undefined {
    const key = this.popover.current;
    return key && this.current?.key === key ? this.current : undefined;
  }

  /**
   * One listener per event type on the host's shadow root serves every name `wrap()` renders in it. Only
   * a pointer or the focus entering a name matters until one does: the leaving and key listeners are added
   * then (a page of 200 cards adds 400 listeners, not 1,000).
   */
  hostConnected(): void {
    if (this.listening !== 'none') return;
    this.listening = 'entering';
    this.listen('pointerover', 'focusin');
  }

  private listen(...types: string[]): void {
    for (const type of types)
      this.host.renderRoot.addEventListener(type, this.onTriggerEvent as EventListener);
  }

  private listenToAll(): void {
    if (this.listening === 'all') return;
    this.listening = 'all';
    this.listen('pointerout', 'focusout', 'keydown');
  }

  /** Pointer, focus and keys on a name that `wrap()` rendered, as if each name had its own listeners. */
  private readonly onTriggerEvent = (event: PointerEvent | FocusEvent | KeyboardEvent): void => {
    const trigger =
      event.target instanceof Element
        ? event.target.closest<HTMLElement>('.person-hover[data-hover-key]')
        : null;
    if (!trigger) return;
    const { hoverKey: key = '', hoverPerson: personId = '', hoverName: name = '' } = trigger.dataset;
    const related = 'relatedTarget' in event ? event.relatedTarget : null;
    // Moves between the parts of one name are not entering or leaving it.
    const within = related instanceof Node && trigger.contains(related);
    if (event.type === 'pointerover' || event.type === 'focusin') this.listenToAll();
    switch (event.type) {
      case 'pointerover':
        if (!within) this.pointerEnter(key, personId, name, trigger);
        break;
      case 'pointerout':
        if (!within && !this.inCard(related)) this.pointerLeave(key, trigger);
        break;
      case 'focusin':
        this.focusIn(key, personId, name, trigger);
        break;
      case 'focusout':
        if (!this.inCard(related)) this.popover.focusOut(key, event as FocusEvent, trigger);
        break;
      case 'keydown':
        if ((event as KeyboardEvent).key !== 'ArrowDown' || !this.popover.isOpen(key)) return;
        event.preventDefault();
        this.enterCard();
    }
  };

  hostUpdated(): void {
    if (this.openPerson) this.view?.place();
    else this.view?.stopPlacing();
  }

  hostDisconnected(): void {
    clearTimeout(this.pointerTimer);
    this.view?.stopPlacing();
  }

  /** Loads the card's code (once per page) and renders the card when it arrives. */
  private loadCard(): Promise<void> {
    if (this.view) return Promise.resolve();
    cardModule ??= import('./person-hover-card.js');
    return cardModule.then(({ PersonHoverCard }) => {
      if (this.view) return;
      this.view = new PersonHoverCard(this);
      if (this.openCard) this.host.requestUpdate();
    });
  }

  pointerEnter(key: string, personId: string, name: string, anchor: Element): void {
    clearTimeout(this.pointerTimer);
    if (this.popover.isOpen(key)) {
      this.popover.pointerEnter(key);
      return;
    }
    void this.loadCard();
    this.pointerTimer = setTimeout(() => {
      this.remember(key, personId, name, anchor);
      this.popover.pointerEnter(key);
    }, PersonHoverController.openDelayMs);
  }

  pointerLeave(key: string, container: Element): void {
    clearTimeout(this.pointerTimer);
    this.popover.pointerLeave(key, container);
  }

  focusIn(key: string, personId: string, name: string, anchor: Element): void {
    clearTimeout(this.pointerTimer);
    void this.loadCard();
    if (!this.popover.isOpen(key)) this.remember(key, personId, name, anchor);
    this.popover.focusIn(key);
  }

  focusOut(key: string, event: FocusEvent): void {
    this.popover.focusOut(key, event);
  }

  /**
   * Opens (and pins) a card without hover or focus, e.g. for a person chosen in a list; with `focus`,
   * the focus moves into it, and Escape gives it back to `returnFocus` (default: the anchor's link or button).
   */
  show(
    key: string,
    personId: string,
    name: string,
    anchor: Element,
    options: { focus?: boolean; returnFocus?: HTMLElement } = {},
  ): void {
    clearTimeout(this.pointerTimer);
    void this.loadCard();
    this.listenToAll();
    if (!this.popover.isOpen(key)) {
      this.remember(key, personId, name, anchor);
      this.popover.click(key);
    }
    this.returnFocus = options.returnFocus;
    if (options.focus) this.enterCard();
  }

  /** Closes the open card, if any. */
  close(): boolean {
    return this.popover.escape();
  }

  private remember(key: string, personId: string, name: string, anchor: Element): void {
    this.returnFocus = undefined;
    if (this.current?.personId !== personId) this.composingFor = undefined;
    this.current = { key, personId, name, anchor };
  }

  /**
   * A name or photo that opens the card on hover or focus: `content` must be focusable (a link, or use
   * `button()`). ArrowDown (or the button) moves the focus into the open card; Tab goes on through the
   * page, so a page of names is not a page of cards to tab through. The host renders `card()` once,
   * after its other content.
   */
  wrap(key: string, personId: string, name: string, content: TemplateResult | string): TemplateResult {
    return html`<span
      class="person-hover"
      data-hover-key=${key}
      data-hover-person=${personId}
      data-hover-name=${name}
      >${content}</span
    >`;
  }

  /**
   * A name as a button: opens the card and moves the focus into it. `wrapped`: the button is its own
   * trigger, as `wrap()` around it would be (a page of cards then renders one element less per name).
   */
  button(
    key: string,
    personId: string,
    name: string,
    content: TemplateResult | string,
    part = 'name-button',
    wrapped = false,
  ) {
    const open = this.popover.isOpen(key);
    return html`<button
      type="button"
      class=${wrapped ? 'person-hover person-trigger' : 'person-trigger'}
      part=${part}
      data-hover-key=${wrapped ? key : nothing}
      data-hover-person=${wrapped ? personId : nothing}
      data-hover-name=${wrapped ? name : nothing}
      aria-expanded=${open ? 'true' : 'false'}
      @click=${(event: MouseEvent) => {
        const anchor =
          (event.currentTarget as Element).closest('.person-hover') ?? (event.currentTarget as Element);
        if (!open) this.show(key, personId, name, anchor);
        this.enterCard();
      }}
    >
      ${content}
    </button>`;
  }

  private inCard(target: EventTarget | null): boolean {
    const card = this.cardElement();
    return !!card && target instanceof Node && card.contains(target);
  }

  cardElement(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.person-card');
  }

  /**
   * Moves the focus into the open card (after its code has loaded and the render that shows it) — unless
   * the user moved the focus elsewhere meanwhile: a card arriving late never takes it from where they went.
   */
  private enterCard(): void {
    const focusedBefore = deepActiveElement();
    void this.loadCard()
      .then(() => this.host.updateComplete)
      .then(() => {
        const focusedNow = deepActiveElement();
        if (focusedNow !== focusedBefore && focusedNow !== document.body && focusedNow !== null) return;
        this.cardElement()?.focus();
      });
  }

  /** Closes the card and puts the focus back on the name that opened it (never on the page body). */
  closeToName(): boolean {
    const anchor = this.current?.anchor;
    const trigger =
      this.returnFocus ??
      (anchor?.matches('a, button') ? anchor : anchor?.querySelector<HTMLElement>('a, button'));
    if (!this.close()) return false;
    (trigger as HTMLElement | null | undefined)?.focus();
    return true;
  }

  /** The open card, if any (nothing until its code has loaded): the host renders it once, after its other content. */
  card(): TemplateResult | typeof nothing {
    return this.view?.render() ?? nothing;
  }
}

/** The hover card's trigger (the card's own layout loads with it); hosts add it to their styles. */
export const personHoverStyles = css`
  .person-hover {
    display: inline;
  }
  .person-trigger {
    all: unset;
    cursor: pointer;
    font: inherit;
    color: inherit;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  .person-trigger:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
`;

/** The element that has the focus, looking into open shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
