import { css, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import { hoverCardStrings, type HoverCardStringKey } from '../../i18n/hover-card.js';
import { translate, type MessageParams } from '../../i18n/index.js';
import type { ReactiveController } from 'lit';
import { deepActiveElement, PersonHoverController } from './person-hover.js';
import { PopoverController } from './popover-controller.js';
import { requireElement } from '../../autoload.js';

/** Layout of the open hover card; added to the host's shadow root when this module first loads. */
const personCardStyles = css`
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

/** Adds the card's styles to the host's shadow root, after the host's own (CSP-safe: no inline style). */
function adoptCardStyles(root: HTMLElement | DocumentFragment): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = personCardStyles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet) {
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  if (root.querySelector('style[data-person-card]')) return;
  const style = document.createElement('style');
  // lit's nonce for pages whose CSP allows styles by nonce (see lit's adoptStyles).
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce !== undefined) style.setAttribute('nonce', nonce);
  style.dataset.personCard = '';
  style.textContent = personCardStyles.cssText;
  root.append(style);
}

interface OpenCard {
  key: string;
  personId: string;
  name: string;
  anchor: Element;
}

/**
 * The hover card of `PersonHoverController` (person-hover.ts): what pointer, focus and keys on a name
 * do (with the open delay), which card is open (its `PopoverController`), its template, styles, keys
 * and placement next to the name. Loaded with `import()` on the first hover or focus of a name, so a
 * page of cards does not load it (issue 18).
 */
export class PersonHoverCard implements ReactiveController {
  readonly popover: PopoverController;
  /** The person whose kudos composer is open in the card, if any. */
  private composingFor?: string;
  private current?: OpenCard;
  private returnFocus?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private placing = false;
  private pointerTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly owner: PersonHoverController) {
    this.popover = new PopoverController(owner.host);
    owner.host.addController(this);
    adoptCardStyles(owner.host.renderRoot);
  }

  /** The open card's person and anchor, if a card is open. */
  private get openCard(): OpenCard | undefined {
    const key = this.popover.current;
    return key && this.current?.key === key ? this.current : undefined;
  }

  hostUpdated(): void {
    if (this.openCard) this.place();
    else this.stopPlacing();
  }

  hostDisconnected(): void {
    clearTimeout(this.pointerTimer);
    this.stopPlacing();
  }

  private t(key: HoverCardStringKey, params?: MessageParams): string {
    return translate(hoverCardStrings, this.owner.options.language(), key, params);
  }

  /**
   * A pointer or focus event on a name (`trigger`), passed on by the controller's listeners with what it
   * took from the event when it happened (`related`: where the pointer or focus came from or went to).
   */
  triggerEvent(type: string, trigger: HTMLElement, related: EventTarget | null, timeStamp: number): void {
    const { hoverKey: key = '', hoverPerson: personId = '', hoverName: name = '' } = trigger.dataset;
    // Moves between the parts of one name are not entering or leaving it.
    const within = related instanceof Node && trigger.contains(related);
    if (type === 'pointerover') {
      if (!within) this.pointerRest(key, personId, name, trigger, timeStamp);
    } else if (type === 'focusin') {
      this.focusIn(key, personId, name, trigger);
    } else if (!within && !this.inCard(related)) {
      if (type === 'pointerout') this.pointerLeave(key, trigger);
      else this.popover.focusOut(key, new FocusEvent(type, { relatedTarget: related }), trigger);
    }
  }

  /**
   * The pointer entered a name at `since` (a `performance.now()` time): its card opens when the pointer
   * has rested there for the open delay, counted from then (the card's code may have arrived since).
   */
  pointerRest(key: string, personId: string, name: string, anchor: Element, since: number): void {
    clearTimeout(this.pointerTimer);
    const enter = (): void => {
      if (!this.popover.isOpen(key)) this.remember(key, personId, name, anchor);
      this.popover.pointerEnter(key);
    };
    if (this.popover.isOpen(key)) return enter();
    const waited = performance.now() - since;
    this.pointerTimer = setTimeout(enter, Math.max(0, PersonHoverController.openDelayMs - waited));
  }

  /** The pointer left a name's container (name and card): the card closes unless the focus is in it. */
  pointerLeave(key: string, container: Element): void {
    clearTimeout(this.pointerTimer);
    this.popover.pointerLeave(key, container);
  }

  private focusIn(key: string, personId: string, name: string, anchor: Element): void {
    clearTimeout(this.pointerTimer);
    if (!this.popover.isOpen(key)) this.remember(key, personId, name, anchor);
    this.popover.focusIn(key);
  }

  /** See `PersonHoverController.show`. */
  show(key: string, personId: string, name: string, anchor: Element, returnFocus?: HTMLElement): void {
    clearTimeout(this.pointerTimer);
    if (!this.popover.isOpen(key)) {
      this.remember(key, personId, name, anchor);
      this.popover.click(key);
    }
    this.returnFocus = returnFocus;
  }

  private remember(key: string, personId: string, name: string, anchor: Element): void {
    this.returnFocus = undefined;
    if (this.current?.personId !== personId) this.composingFor = undefined;
    this.current = { key, personId, name, anchor };
  }

  inCard(target: EventTarget | null): boolean {
    const card = this.cardElement();
    return !!card && target instanceof Node && card.contains(target);
  }

  private cardElement(): HTMLElement | null {
    return this.owner.host.renderRoot.querySelector<HTMLElement>('.person-card');
  }

  /** Focus into the card after the render that shows it, unless the focus moved from `focusedBefore` meanwhile. */
  enterCard(focusedBefore: Element | null): void {
    void this.owner.host.updateComplete.then(() => {
      const focusedNow = deepActiveElement();
      if (focusedNow !== focusedBefore && focusedNow !== document.body && focusedNow !== null) return;
      this.cardElement()?.focus();
    });
  }

  /** Closes the card and puts the focus back on the name that opened it (never on the page body). */
  private closeToName(): boolean {
    const anchor = this.current?.anchor;
    const trigger =
      this.returnFocus ??
      (anchor?.matches('a, button') ? anchor : anchor?.querySelector<HTMLElement>('a, button'));
    if (!this.popover.escape()) return false;
    (trigger as HTMLElement | null | undefined)?.focus();
    return true;
  }

  /** Escape inside the card closes it and gives the focus back to the name. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.closeToName()) event.preventDefault();
  };

  render(): TemplateResult | typeof nothing {
    const owner = this.owner;
    const open = this.openCard;
    if (!open) return nothing;
    const key = open.key;
    const me = owner.options.client()?.peekPerson('me');
    const own = me?.id === open.personId;
    const composing = this.composingFor === open.personId;
    if (composing) requireElement('kring-kudos-composer');
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
          this.popover.focusOut(key, event);
      }}
      @keydown=${this.onKeydown}
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
    this.owner.host.requestUpdate();
  }

  /** Next to its anchor, in the top layer where the browser has one (no clipping by a scrolling list). */
  private place(): void {
    const card = this.cardElement();
    const anchor = this.openCard?.anchor;
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
    if (this.openCard) this.place();
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
