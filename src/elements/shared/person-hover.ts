import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
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
 * the trigger cannot hold the card (an option in a listbox), passes its pointer events on to the card
 * through `use()` and renders `card()` inside the same container.
 *
 * Only the trigger is here: the names' templates and delegated listeners. Everything else — what
 * pointer, focus and keys do on a name, the open delay, which card is open (`PopoverController`), its
 * template, styles, placement and keys (person-hover-card.ts) — loads with `import()` when a pointer
 * first enters a name (during the open delay) or a name gets the focus, so a page of cards does not load
 * it (issue 18). What happens before it arrives is done, in order, when it does.
 */
export class PersonHoverController implements ReactiveController {
  /** How long the pointer rests on a name before its card opens, ms (a pass over a feed opens none). */
  static openDelayMs = 250;

  #view?: PersonHoverCard;
  #loading?: Promise<PersonHoverCard>;
  /** Which of the trigger listeners are on the shadow root: the entering ones, then all. */
  #listening: 'none' | 'entering' | 'all' = 'none';

  constructor(
    readonly host: HoverHost,
    readonly options: PersonHoverOptions,
  ) {
    host.addController(this);
  }

  /**
   * One listener per event type on the host's shadow root serves every name `wrap()` renders in it. Only
   * a pointer or the focus entering a name matters until one does: the leaving and key listeners are added
   * then (a page of 200 cards adds 400 listeners, not 1,000).
   */
  hostConnected(): void {
    if (this.#listening !== 'none') return;
    this.#listening = 'entering';
    this.#listen('pointerover', 'focusin');
  }

  #listen(...types: string[]): void {
    for (const type of types) this.host.renderRoot.addEventListener(type, this.#onTriggerEvent);
  }

  #listenToAll(): void {
    if (this.#listening === 'all') return;
    this.#listening = 'all';
    this.#listen('pointerout', 'focusout', 'keydown');
  }

  /**
   * Pointer, focus and keys on a name that `wrap()` rendered, as if each name had its own listeners. What
   * they do is the card's code (`PersonHoverCard.triggerEvent`), loaded when a pointer or the focus first
   * enters a name; it is given what it needs from the event now (a dispatched event's targets are cleared).
   */
  readonly #onTriggerEvent = (event: Event): void => {
    const trigger =
      event.target instanceof Element
        ? event.target.closest<HTMLElement>('.person-hover[data-hover-key]')
        : null;
    if (!trigger) return;
    const { type, timeStamp } = event;
    const entering = type === 'pointerover' || type === 'focusin';
    if (entering) this.#listenToAll();
    if (type === 'keydown') {
      // ArrowDown moves into the open card; before the card's code has arrived, the focus on the name is opening it.
      const key = trigger.dataset.hoverKey ?? '';
      if ((event as KeyboardEvent).key !== 'ArrowDown' || !(this.#view?.popover.isOpen(key) ?? this.#loading))
        return;
      event.preventDefault();
      return this.#enterCard();
    }
    const related = (event as FocusEvent | PointerEvent).relatedTarget;
    this.use((card) => card.triggerEvent(type, trigger, related, timeStamp), entering);
  };

  /** Loads the card's code (once per page) and makes this host's card when it arrives. */
  #loadCard(): Promise<PersonHoverCard> {
    cardModule ??= import('./person-hover-card.js');
    return (this.#loading ??= cardModule.then(
      ({ PersonHoverCard }) => (this.#view ??= new PersonHoverCard(this)),
    ));
  }

  /**
   * `action` on the card: now if its code is here, else when it arrives (in call order), if loading or
   * `load`. Hosts whose trigger cannot hold the card pass pointer events on with it (`card.pointerRest`,
   * `card.pointerLeave`, as the expertise finder's options do).
   */
  use(action: (card: PersonHoverCard) => void, load = false): void {
    if (this.#view) action(this.#view);
    else if (load || this.#loading) void this.#loadCard().then(action);
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
    this.#listenToAll();
    this.use((card) => card.show(key, personId, name, anchor, options.returnFocus), true);
    if (options.focus) this.#enterCard();
  }

  /** Closes the open card, if any; before the card's code has arrived, the card it is opening. */
  close(): boolean {
    let closed = false;
    this.use((card) => (closed = card.popover.escape()));
    return closed;
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
    const open = !!this.#view?.popover.isOpen(key);
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
        this.#enterCard();
      }}
    >
      ${content}
    </button>`;
  }

  /**
   * Moves the focus into the open card (after its code has loaded and the render that shows it) — unless
   * the user moved the focus elsewhere meanwhile: a card arriving late never takes it from where they went.
   */
  #enterCard(): void {
    const focusedBefore = deepActiveElement();
    this.use((card) => card.enterCard(focusedBefore), true);
  }

  /** The open card, if any (nothing until its code has loaded): the host renders it once, after its other content. */
  card(): TemplateResult | typeof nothing {
    return this.#view?.render() ?? nothing;
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
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
