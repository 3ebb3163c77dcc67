/**
 * Chart labels are 12 px (Fluent's caption size). Layouts reserve room by an average character width,
 * so they need no text measuring (no layout reads while rendering, the same result in every test).
 */
export const LABEL_SIZE = 12;
const AVERAGE_CHARACTER = 6.6;

/** About how wide `text` is drawn at the label size. */
export function textWidth(text: string): number {
  return Math.ceil(text.length * AVERAGE_CHARACTER);
}

/** How many characters fit in `width` pixels at the label size (at least 4). */
export function charsThatFit(width: number): number {
  return Math.max(4, Math.floor(width / AVERAGE_CHARACTER));
}
