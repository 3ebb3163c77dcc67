import { css } from 'lit';
import { literal, type StaticValue } from 'lit/static-html.js';

/**
 * Small line icons (20 × 20, drawn in the text colour, in the manner of Fluent's system icons) as
 * lit SVG templates: no markup strings, nothing for a CSP or Trusted Types to object to. Always
 * decorative: the control that shows one carries the accessible name. These are the profile card's
 * contact actions (in the script-tag core); the kudos reactions' icons load with the feed
 * (`reaction-icons.ts`).
 */
export type IconName = 'mail' | 'chat' | 'copy' | 'web' | 'kudos';

/** An icon's shapes in the `<svg>` every icon shares (a literal may hold another literal). */
export const svgIcon = (shapes: StaticValue): StaticValue =>
  literal`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true">${shapes}</svg>`;

// Each icon's markup as a lit `literal` (written here, never built from data): a template can inline it,
// so a control and its icon are one template, not two. The stroke, fill and size are in `iconStyles`,
// not presentation attributes, so each copy carries three attributes. The mail and copy icons are one path
// each (the rectangle written as path commands, the same drawing): a page of 200 cards clones 400 SVG
// elements fewer (issue 18).
export const ICON_MARKUP: Record<IconName, StaticValue> = {
  mail: svgIcon(
    literal`<path d="M4.5 4.5h11a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-11a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2ZM3.2 6.2l6.8 4.9 6.8-4.9"></path>`,
  ),
  chat: svgIcon(
    literal`<path d="M4 4.5h12A1.5 1.5 0 0 1 17.5 6v7a1.5 1.5 0 0 1-1.5 1.5H9.5l-4 3v-3H4A1.5 1.5 0 0 1 2.5 13V6A1.5 1.5 0 0 1 4 4.5Z"></path>`,
  ),
  copy: svgIcon(
    literal`<path d="M8.5 7H16a1.5 1.5 0 0 1 1.5 1.5V16a1.5 1.5 0 0 1-1.5 1.5H8.5A1.5 1.5 0 0 1 7 16V8.5A1.5 1.5 0 0 1 8.5 7ZM13 4.2V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v7.5A1.5 1.5 0 0 0 4 13h.5"></path>`,
  ),
  web: svgIcon(
    literal`<circle cx="10" cy="10" r="7.5"></circle><path d="M2.5 10h15M10 2.5c2.2 2.2 3 4.7 3 7.5s-.8 5.3-3 7.5c-2.2-2.2-3-4.7-3-7.5s.8-5.3 3-7.5Z"></path>`,
  ),
  kudos: svgIcon(
    literal`<path d="m10 2.8 2.2 4.6 5 .7-3.6 3.5.9 5L10 14.2l-4.5 2.4.9-5-3.6-3.5 5-.7Z"></path>`,
  ),
};

/** How icons are drawn: 20 × 20 unless the host sizes `.icon`, lines in the text colour. */
export const iconStyles = css`
  :where(svg.icon) {
    inline-size: 20px;
    block-size: 20px;
  }
  svg.icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
