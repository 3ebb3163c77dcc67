import { css, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import { profileCardStrings } from '../../i18n/profile-card.js';
import { translate, type MessageParams } from '../../i18n/index.js';
import type { HoverCardOwner } from './person-hover.js';
import { requireElement } from '../../autoload.js';

type HoverKey = Parameters<typeof translate<'hover.card' | 'hover.giveKudos' | 'hover.close'>>[2];

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

/**
 * The open hover card of `PersonHoverController` (person-hover.ts): its template, its styles and its
 * placement next to the name. Loaded with `import()` on the first hover or focus of a name, so a page
 * of cards does not load it (issue 18).
 */
export class PersonHoverCard {
  private resizeObserver?: ResizeObserver;
  private placing = false;

  constructor(private readonly owner: HoverCardOwner) {
    adoptCardStyles(owner.host.renderRoot);
  }

  private t(key: HoverKey, params?: MessageParams): string {
    return translate(profileCardStrings, this.owner.options.language(), key, params);
  }

  /** Escape inside the card closes it and gives the focus back to the name. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.owner.closeToName()) event.preventDefault();
  };

  render(): TemplateResult | typeof nothing {
    const owner = this.owner;
    const open = owner.openCard;
    if (!open) return nothing;
    const key = open.key;
    const me = owner.options.client()?.peekPerson('me');
    const own = me?.id === open.personId;
    const composing = owner.composingFor === open.personId;
    if (composing) requireElement('kring-kudos-composer');
    return html`<div
      class="person-card"
      part="person-card"
      popover="manual"
      role="group"
      tabindex="-1"
      aria-label=${this.t('hover.card', { name: open.name })}
      data-person=${open.personId}
      @pointerenter=${() => owner.popover.pointerEnter(key)}
      @pointerleave=${(event: PointerEvent) => {
        if (!(event.relatedTarget instanceof Node && open.anchor.contains(event.relatedTarget)))
          owner.pointerLeave(key, event.currentTarget as Element);
      }}
      @focusin=${() => owner.popover.focusIn(key)}
      @focusout=${(event: FocusEvent) => {
        if (!(event.relatedTarget instanceof Node && open.anchor.contains(event.relatedTarget)))
          owner.focusOut(key, event);
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
          <button type="button" part="close-card" @click=${() => owner.closeToName()}>
            ${this.t('hover.close')}
          </button>
        </div>
        ${composing ? html`<kring-kudos-composer to=${open.personId}></kring-kudos-composer>` : nothing}
      </div>
    </div>`;
  }

  private toggleComposer(personId: string): void {
    // The focus is in the card while writing, which keeps it open wherever the pointer goes.
    this.owner.composingFor = this.owner.composingFor === personId ? undefined : personId;
    this.owner.host.requestUpdate();
  }

  /** Next to its anchor, in the top layer where the browser has one (no clipping by a scrolling list). */
  place(): void {
    const card = this.owner.cardElement();
    const anchor = this.owner.openCard?.anchor;
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
    if (this.owner.openCard) this.place();
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

  stopPlacing(): void {
    if (!this.placing) return;
    this.placing = false;
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
    window.removeEventListener('resize', this.onViewportChange);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }
}
