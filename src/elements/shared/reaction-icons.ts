import type { TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { ReactionType } from '../../model.js';

// The kudos reactions' icons, drawn like the contact icons (`icons.ts`, whose `iconStyles` every shadow
// root that shows one includes): only the feed shows them, so they load with it, not with a page of cards.
const drawn = (shapes: StaticValue): TemplateResult =>
  staticHtml`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true">${shapes}</svg>`;

const REACTION_ICONS: Record<ReactionType, TemplateResult> = {
  thanks: drawn(
    literal`<path d="M6.5 9v8h-3V9Zm0 0 3.2-5.6a1.9 1.9 0 0 1 1.9 1.9V8h4a1.6 1.6 0 0 1 1.6 1.9l-1.1 5.6a1.9 1.9 0 0 1-1.9 1.5H6.5"></path>`,
  ),
  celebrate: drawn(
    literal`<path d="m10 2.5 1.5 4 4 1.5-4 1.5-1.5 4-1.5-4-4-1.5 4-1.5Zm5.5 9 .7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7ZM4.5 13l.5 1.5 1.5.5-1.5.5-.5 1.5-.5-1.5-1.5-.5 1.5-.5Z"></path>`,
  ),
  love: drawn(
    literal`<path d="M10 16.5S3.5 12.8 3.5 8.2A3.3 3.3 0 0 1 10 6.4a3.3 3.3 0 0 1 6.5 1.8c0 4.6-6.5 8.3-6.5 8.3Z"></path>`,
  ),
  insightful: drawn(
    literal`<path d="M7.6 14.5h4.8M8.2 17h3.6M10 2.8a5 5 0 0 0-3.1 8.9c.6.5 1 1.3 1 2.1v.7h4.2v-.7c0-.8.4-1.6 1-2.1A5 5 0 0 0 10 2.8Z"></path>`,
  ),
};

/** A reaction's icon (decorative: `aria-hidden`; drawn, not emoji: the same on every system). */
export function reactionIcon(type: ReactionType): TemplateResult {
  return REACTION_ICONS[type];
}
