import { html, nothing, type TemplateResult } from 'lit';
import { parseMessage, type MessagePart } from './message.js';

/**
 * Where links open. A new tab keeps the intranet page (and any unsent draft) in place;
 * `noopener noreferrer` stops the opened page from reaching back through `window.opener`.
 */
export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer';

/*
 * Mentions and links get `dir="auto"` so they are isolated with their own direction: in a
 * right-to-left message "@Layla" keeps its "@" in front instead of flipping to the end.
 */
function renderPart(part: MessagePart, newTab?: string): TemplateResult | string {
  switch (part.kind) {
    case 'link':
      // A link that opens a new tab says so: in words for screen readers, with an arrow for the eyes.
      return html`<a part="message-link" dir="auto" href=${part.href} target=${LINK_TARGET} rel=${LINK_REL}
        >${part.text}${newTab
          ? html`<span class="new-tab" aria-hidden="true"> ↗</span
              ><span class="visually-hidden"> ${newTab}</span>`
          : nothing}</a
      >`;
    case 'mention':
      return html`<span part="message-mention" class="mention" dir="auto">${part.text}</span>`;
    default:
      // A string in a child position is always text in lit, never markup.
      return part.text;
  }
}

/**
 * Renders a kudos message as lit template parts only; no markup from the message survives.
 * `newTab` ("opens in a new tab", in the reader's language) is added to each link when given.
 */
export function renderMessage(message: string, newTab?: string): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`${parseMessage(message).map((part) => renderPart(part, newTab))}`;
}
