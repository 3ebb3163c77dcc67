import type { TemplateResult } from 'lit';
import { heading, HEADING_LEVELS } from './metrics-heading.js';

/*
 * `heading-level` on every element that renders headings (1.3.1): the page says at which level the
 * element's top heading sits (2–6), and its sub-headings follow one level deeper each. Without the
 * attribute an element keeps the level it always had.
 */

export { HEADING_LEVELS };

/** The top heading level from a `heading-level` value: 2–6, or `fallback` when absent or not valid. */
export function topHeadingLevel(value: string | null | undefined, fallback: number): number {
  return (HEADING_LEVELS as readonly string[]).includes(value ?? '') ? Number(value) : fallback;
}

/** A heading `depth` levels below the top one (0: the top heading itself), never deeper than h6. */
export function headingAt(
  top: number,
  depth: number,
  content: unknown,
  options: { id?: string; className?: string; part?: string; tabindex?: number } = {},
): TemplateResult {
  return heading(top + depth, content, options);
}
