import { html, type TemplateResult } from 'lit';
import type { Person } from '../model.js';

/** Up to two initials from a name, letters only, e.g. "Sanne de Vries" → "SV". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => /^\p{Lu}/u.test(word) || /^\p{L}/u.test(word));
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  const chosen = capitalised.length >= 2 ? capitalised : words;
  const first = chosen[0]?.match(/\p{L}/u)?.[0] ?? '?';
  const last = chosen.length > 1 ? (chosen.at(-1)!.match(/\p{L}/u)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A hue derived from the name, so a person keeps the same colour everywhere. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** How many avatar colours there are (hues 30° apart), each a class in `avatar.styles.ts`. */
export const AVATAR_HUES = 12;

/**
 * A small avatar: the photo when there is one, otherwise initials on a colour derived from the
 * name. Lightness 30% keeps white text above 4.5:1 contrast for every hue. Decorative: the name
 * is always next to it, so it is hidden from assistive technology. The colour is a class, not a
 * `style` attribute, because a strict `style-src` CSP blocks style attributes.
 */
export function renderAvatar(
  person: Pick<Person, 'name' | 'photoUrl'> | undefined,
  part = 'avatar',
): TemplateResult {
  const name = person?.name ?? '?';
  if (person?.photoUrl) {
    return html`<img
      part=${part}
      class="avatar"
      src=${person.photoUrl}
      alt=""
      aria-hidden="true"
      loading="lazy"
    />`;
  }
  const hue = Math.floor(hueOf(name) / (360 / AVATAR_HUES));
  return html`<span part=${part} class="avatar hue-${hue}" aria-hidden="true">${initialsOf(name)}</span>`;
}
