/**
 * Turns a kudos message (plain text) into parts: text, @mentions and http(s) links.
 * Pure: no DOM. Rendering happens in `render-message.ts` through lit templates only,
 * so nothing in a message can ever become markup.
 */

export type MessagePart =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string; handle: string }
  | { kind: 'link'; text: string; href: string };

/** The only schemes that become links; `javascript:`, `data:`, `file:`… stay text. */
export const LINK_PROTOCOLS = ['http:', 'https:'] as const;

/** Longest message a composer accepts. Backends enforce the same limit. */
export const MESSAGE_MAX_LENGTH = 500;

/*
 * A candidate is either a URL starting with http(s):// (case-insensitive) up to the next
 * whitespace, or an @handle made of letters, digits, `.`, `_`, `-` (Unicode aware).
 * Mentions need a non-word character (or the start) before `@`, so e-mail addresses stay text.
 */
const candidatePattern = /(https?:\/\/[^\s<>"]+)|(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)/giu;

/** Punctuation that usually ends a sentence rather than a URL. */
const trailingPunctuation = /[.,;:!?'"’”»]+$/u;

function trimUrl(raw: string): string {
  let url = raw.replace(trailingPunctuation, '');
  // Keep a closing bracket only when the URL opened one: "(see https://x.nl/a_(b))".
  while (/[)\]}]$/.test(url)) {
    const close = url.at(-1)!;
    const open = close === ')' ? '(' : close === ']' ? '[' : '{';
    if (url.split(open).length >= url.split(close).length) break;
    url = url.slice(0, -1).replace(trailingPunctuation, '');
  }
  return url;
}

/** Returns a normalised href when the text is a well-formed http(s) URL without `user:password@`, otherwise undefined. */
export function safeHref(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!(LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return undefined;
  if (!url.hostname) return undefined;
  // `https://intranet.example@evil.example/` reads as the intranet but goes elsewhere (and leaks a password).
  if (url.username || url.password) return undefined;
  return url.href;
}

function pushText(parts: MessagePart[], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === 'text') last.text += text;
  else parts.push({ kind: 'text', text });
}

/** Splits a message into text, mention and link parts, in order. Joining every `text` gives the input back. */
export function parseMessage(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let position = 0;
  for (const match of message.matchAll(candidatePattern)) {
    const start = match.index ?? 0;
    pushText(parts, message.slice(position, start));
    if (match[1]) {
      const urlText = trimUrl(match[1]);
      const href = safeHref(urlText);
      if (href) parts.push({ kind: 'link', text: urlText, href });
      else pushText(parts, urlText);
      position = start + urlText.length;
    } else {
      const handle = match[2].replace(/[.-]+$/u, '');
      const text = `@${handle}`;
      parts.push({ kind: 'mention', text, handle });
      position = start + text.length;
    }
  }
  pushText(parts, message.slice(position));
  return parts;
}

/** The @handles in a message, without duplicates, in order of appearance. */
export function mentionsIn(message: string): string[] {
  const handles = parseMessage(message).flatMap((part) => (part.kind === 'mention' ? [part.handle] : []));
  return [...new Set(handles)];
}
