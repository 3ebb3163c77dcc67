import { html, literal, type StaticValue } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Allowed values of the `heading-level` attribute: the level of the element's title. */
export const HEADING_LEVELS = ['2', '3', '4', '5', '6'] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

// Fixed tags only: no text from attributes ever becomes markup.
const TAGS: Record<number, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/**
 * A heading at `level` (2–6), so the element fits the page's outline: a page that introduces the
 * dashboard with its own h2 sets `heading-level="3"`. Section headings go one level deeper.
 */
export function heading(
  level: number,
  content: unknown,
  options: { id?: string; className?: string; part?: string; tabindex?: number } = {},
): TemplateResult {
  const tag = TAGS[Math.min(6, Math.max(2, Number.isFinite(level) ? level : 2))];
  return html`<${tag}
    id=${ifDefined(options.id)}
    class=${ifDefined(options.className)}
    part=${ifDefined(options.part)}
    tabindex=${ifDefined(options.tabindex)}
  >${content}</${tag}>`;
}
