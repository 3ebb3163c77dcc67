import { unsafeCSS } from 'lit';

/**
 * Initials avatars: a colour derived from the name, chosen from a palette whose every entry has
 * at least 4.5:1 contrast with white text, so any name stays readable. The small avatar of lists and
 * feeds (`renderAvatar`) is in `small-avatar.ts`: a page of cards does not load it.
 */
export const AVATAR_PALETTE = [
  '#1f5f8b',
  '#7a3e9d',
  '#a3312b',
  '#2e6b30',
  '#8a4b08',
  '#0b6e69',
  '#5a4fcf',
  '#9c2f6b',
  '#3d5a80',
  '#6b5b1e',
] as const;

function paletteIndex(name: string): number {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0;
  return Math.abs(hash) % AVATAR_PALETTE.length;
}

/**
 * The class that gives an initials avatar its colour. A class, not a style attribute, because a
 * strict Content-Security-Policy (no 'unsafe-inline' styles) blocks style attributes.
 */
export function avatarClass(name: string): string {
  return `avatar-hue-${paletteIndex(name)}`;
}

/** Styles for `avatarClass`: include in any element that shows initials avatars. */
export const avatarColorStyles = unsafeCSS(
  AVATAR_PALETTE.map((color, index) => `.avatar-hue-${index}{background-color:${color};color:#fff}`).join(''),
);

/** Dutch (and a few other) name particles that initials skip. */
const NAME_PARTICLES = new Set([
  'de',
  'van',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  "'t",
  'von',
  'la',
  'le',
  'di',
  'da',
]);

/** Up to two initials, skipping Dutch name particles ("Jan de Vries" → "JV"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const significant = words.filter((word, index) => index === 0 || !NAME_PARTICLES.has(word.toLowerCase()));
  const chosen = significant.length > 1 ? [significant[0], significant[significant.length - 1]] : significant;
  return chosen.map((word) => Array.from(word)[0]?.toLocaleUpperCase() ?? '').join('');
}

const SAFE_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:', 'sip:', 'msteams:', 'im:'];

/** Returns the URL when its scheme is safe to put in an href, else undefined (no `javascript:`). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  // A card page asks this for every card's address: a plain one is its own URL, no parse needed.
  if (PLAIN_URL.test(url)) return url;
  const parsed = parseUrl(url);
  return parsed && SAFE_SCHEMES.includes(parsed.protocol) ? parsed.href : undefined;
}

/**
 * URLs that `new URL` returns unchanged, so no parse is needed (the mail and chat links of every card):
 * `mailto:` with plain characters, and `http(s)` with a lower-case host whose last label starts with a
 * letter (no IP address to normalise), no port or user, no dot segment (`/.`, or an encoded dot) in the
 * path, and only characters the browser keeps as they are.
 */
const PLAIN_URL =
  /^(?:mailto:[\w.!$&'*+=~-]+@[\w.-]+|https?:\/\/(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)*[a-z](?:[a-z\d-]*[a-z\d])?(?![^?#]*\/\.)(?!.*%2[eE])\/[\w.~!$&()*+,;=:@%/?#-]*)$/;

/** Absolute URLs (mail, chat) parse without the document's base, which costs a look-up per call. */
function parseUrl(url: string): URL | undefined {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? new URL(url) : new URL(url, document.baseURI);
  } catch {
    return undefined;
  }
}

/**
 * Like `safeUrl`, for an `<img src>`: also accepts `blob:` object URLs, which adapters make from photo
 * bytes (Microsoft Graph sends photos as binary, not as links). Never used for links.
 */
export function safeImageUrl(url: string | undefined): string | undefined {
  if (url?.startsWith('blob:')) return url;
  return safeUrl(url);
}
