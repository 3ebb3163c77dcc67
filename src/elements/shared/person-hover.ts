import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { PopoverController } from './popover-controller.js';
import { profileCardStrings } from '../../i18n/profile-card.js';
import { translate, type Language, type MessageParams } from '../../i18n/index.js';
import type { CommunityClientApi } from '../../client/types.js';

type HoverKey = Parameters<typeof translate<'hover.card' | 'hover.giveKudos' | 'hover.close'>>[2];

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
 */
export class PersonHoverController implements ReactiveController {
  /** How long the pointer rests on a name before its card opens, ms (a pass over a feed opens none). */
  static openDelayMs = 250;

  readonly popover: PopoverController;
  private current?: OpenCard;
  private composingFor?: string;
  private pointerTimer?: ReturnType<typeof setTimeout>;
  private resizeObserver?: ResizeObserver;
  private placing = false;
  private returnFocus?: HTMLElement;

  constructor(
    private readonly host: HoverHost,
    private readonly options: PersonHoverOptions,
  ) {
    this.popover = new PopoverController(host);
    host.addController(this);
  }

  /** The person whose card is open, if any. */
  get openPerson(): string | undefined {
    const key = this.popover.current;
    return key && this.current?.key === key ? this.current.personId : undefined;
  }

  hostUpdated(): void {
    if (this.openPerson) this.place();
    else this.stopPlacing();
  }

  hostDisconnected(): void {
    clearTimeout(this.pointerTimer);
    this.stopPlacing();
  }

  pointerEnter(key: string, personId: string, name: string, anchor: Element): void {
    clearTimeout(this.pointerTimer);
    if (this.popover.isOpen(key)) {
      this.popover.pointerEnter(key);
      return;
    }
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

  private t(key: HoverKey, params?: MessageParams): string {
    return translate(profileCardStrings, this.options.language(), key, params);
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
      @pointerenter=${(event: PointerEvent) =>
        this.pointerEnter(key, personId, name, event.currentTarget as Element)}
      @pointerleave=${(event: PointerEvent) => {
        if (!this.inCard(event.relatedTarget)) this.pointerLeave(key, event.currentTarget as Element);
      }}
      @focusin=${(event: FocusEvent) => this.focusIn(key, personId, name, event.currentTarget as Element)}
      @focusout=${(event: FocusEvent) => {
        if (!this.inCard(event.relatedTarget)) this.focusOut(key, event);
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'ArrowDown' || !this.popover.isOpen(key)) return;
        event.preventDefault();
        this.enterCard();
      }}
      >${content}</span
    >`;
  }

  /** A name as a button: opens the card and moves the focus into it. */
  button(
    key: string,
    personId: string,
    name: string,
    content: TemplateResult | string,
    part = 'name-button',
  ) {
    const open = this.popover.isOpen(key);
    return html`<button
      type="button"
      class="person-trigger"
      part=${part}
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

  private cardElement(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.person-card');
  }

  /** Moves the focus into the open card (after the render that shows it). */
  private enterCard(): void {
    void this.host.updateComplete.then(() => this.cardElement()?.focus());
  }

  /** Escape inside the card closes it and gives the focus back to the name. */
  private onCardKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.closeToName()) event.preventDefault();
  };

  /** Closes the card and puts the focus back on the name that opened it (never on the page body). */
  private closeToName(): boolean {
    const anchor = this.current?.anchor;
    const trigger =
      this.returnFocus ??
      (anchor?.matches('a, button') ? anchor : anchor?.querySelector<HTMLElement>('a, button'));
    if (!this.close()) return false;
    (trigger as HTMLElement | null | undefined)?.focus();
    return true;
  }

  /** The open card, if any: the host renders it once, after its other content. */
  card(): TemplateResult | typeof nothing {
    const open = this.current;
    if (!open || !this.popover.isOpen(open.key)) return nothing;
    const key = open.key;
    const me = this.options.client()?.peekPerson('me');
    const own = me?.id === open.personId;
    const composing = this.composingFor === open.personId;
    return html`<div
      class="person-card"
      part="person-card"
      popover="manual"
      role="group"
      tabindex="-1"
      aria-label=${this.t('hover.card', { name: open.name })}
      data-person=${open.personId}
      @pointerenter=${() => this.popover.pointerEnter(key)}
      @pointerleave=${(event: PointerEvent) => {
        if (!(event.relatedTarget instanceof Node && open.anchor.contains(event.relatedTarget)))
          this.pointerLeave(key, event.currentTarget as Element);
      }}
      @focusin=${() => this.popover.focusIn(key)}
      @focusout=${(event: FocusEvent) => {
        if (!(event.relatedTarget instanceof Node && open.anchor.contains(event.relatedTarget)))
          this.focusOut(key, event);
      }}
      @keydown=${this.onCardKeydown}
    >
      <div class="person-card-body">
        <kring-profile-card person=${open.personId} view="full"></kring-profile-card>
        <div class="person-card-actions">
          ${own
            ? nothing
            : html`<button
                type="button"
                part="give-kudos"
                aria-expanded=${composing ? 'true' : 'false'}
                @click=${() => this.toggleComposer(open.personId)}
              >
                ${this.t('hover.giveKudos')}
              </button>`}
          <button type="button" part="close-card" @click=${() => this.closeToName()}>
            ${this.t('hover.close')}
          </button>
        </div>
        ${composing ? html`<kring-kudos-composer to=${open.personId}></kring-kudos-composer>` : nothing}
      </div>
    </div>`;
  }

  private toggleComposer(personId: string): void {
    // The focus is in the card while writing, which keeps it open wherever the pointer goes.
    this.composingFor = this.composingFor === personId ? undefined : personId;
    this.host.requestUpdate();
  }

  /** Next to its anchor, in the top layer where the browser has one (no clipping by a scrolling list). */
  private place(): void {
    const card = this.cardElement();
    const anchor = this.current?.anchor;
    if (!card || !anchor) return;
    if (!this.placing) this.startPlacing(card);
    if (typeof card.showPopover === 'function' && !card.matches(':popover-open')) {
      try {
        card.showPopover();
      } catch {
        // Not in the document yet: the next update places it.
      }
    }
    const rect = anchor.getBoundingClientRect();
    const viewportWidth = document.documentElement.clientWidth;
    const margin = 8;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    // Directly under the anchor (the card's padding is the gap, so the pointer never crosses a hole).
    let top = rect.bottom;
    if (top + height > window.innerHeight && rect.top - height >= 0) top = rect.top - height;
    const left = Math.max(margin, Math.min(rect.left, viewportWidth - width - margin));
    card.style.setProperty('top', `${Math.round(top)}px`);
    card.style.setProperty('left', `${Math.round(left)}px`);
  }

  private readonly onViewportChange = (): void => {
    if (this.openPerson) this.place();
  };

  private startPlacing(card: HTMLElement): void {
    this.placing = true;
    window.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    window.addEventListener('resize', this.onViewportChange);
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(this.onViewportChange);
      this.resizeObserver.observe(card);
    }
  }

  private stopPlacing(): void {
    if (!this.placing) return;
    this.placing = false;
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
    window.removeEventListener('resize', this.onViewportChange);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }
}

/** Layout of the hover card and its trigger; hosts add it to their styles. */
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
  .person-card:focus-visible .person-card-body {
    outline: 2px solid var(--_focus);
  }
  .person-card:focus {
    outline: none;
  }
  .person-card {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0.25rem 0 0;
    border: 0;
    background: transparent;
    overflow: visible;
    z-index: 1000;
    inline-size: min(22rem, calc(100vw - 1rem));
    /* The element's tokens (styles/tokens.ts): the card is in the top layer but inherits from its host. */
    color: var(--_text);
    font-family: inherit;
    text-align: start;
    white-space: normal;
    font-weight: normal;
    font-size: 1rem;
  }
  .person-card-body {
    display: grid;
    gap: 0.5rem;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow-popup);
  }
  .person-card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
