import { css, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';

/**
 * Small line icons (20 × 20, drawn in the text colour, in the manner of Fluent's system icons) as
 * lit SVG templates: no markup strings, nothing for a CSP or Trusted Types to object to. Always
 * decorative: the control that shows one carries the accessible name.
 */
export type IconName =
  | 'mail'
  | 'chat'
  | 'copy'
  | 'web'
  | 'kudos'
  | 'thanks'
  | 'celebrate'
  | 'love'
  | 'insightful';

/** An icon's shapes in the `<svg>` every icon shares (a literal may hold another literal). */
const svgIcon = (shapes: StaticValue): StaticValue =>
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
  thanks: svgIcon(
    literal`<path d="M6.5 9v8h-3V9Zm0 0 3.2-5.6a1.9 1.9 0 0 1 1.9 1.9V8h4a1.6 1.6 0 0 1 1.6 1.9l-1.1 5.6a1.9 1.9 0 0 1-1.9 1.5H6.5"></path>`,
  ),
  celebrate: svgIcon(
    literal`<path d="m10 2.5 1.5 4 4 1.5-4 1.5-1.5 4-1.5-4-4-1.5 4-1.5Zm5.5 9 .7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7ZM4.5 13l.5 1.5 1.5.5-1.5.5-.5 1.5-.5-1.5-1.5-.5 1.5-.5Z"></path>`,
  ),
  love: svgIcon(
    literal`<path d="M10 16.5S3.5 12.8 3.5 8.2A3.3 3.3 0 0 1 10 6.4a3.3 3.3 0 0 1 6.5 1.8c0 4.6-6.5 8.3-6.5 8.3Z"></path>`,
  ),
  insightful: svgIcon(
    literal`<path d="M7.6 14.5h4.8M8.2 17h3.6M10 2.8a5 5 0 0 0-3.1 8.9c.6.5 1 1.3 1 2.1v.7h4.2v-.7c0-.8.4-1.6 1-2.1A5 5 0 0 0 10 2.8Z"></path>`,
  ),
};

const ICONS = Object.fromEntries(
  Object.entries(ICON_MARKUP).map(([name, markup]) => [name, staticHtml`${markup}`]),
) as Record<IconName, TemplateResult>;

/** An icon (decorative: `aria-hidden`). Every shadow root that shows one includes `iconStyles`. */
export function icon(name: IconName): TemplateResult {
  return ICONS[name];
}

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
