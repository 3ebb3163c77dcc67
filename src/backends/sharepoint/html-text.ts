/**
 * SharePoint's AboutMe is HTML typed by people in a rich text box. We need its text, and must never
 * hand it to an HTML sink, `DOMParser` included: on a page that enforces Trusted Types that is a blocked
 * sink, which logs an error and sends a violation report for every profile. A small tag stripper and
 * entity decoder does the job everywhere; its output is rendered as text, so an odd leftover is
 * cosmetic, never a risk.
 */
export function htmlToText(html: string | undefined | null): string | undefined {
  if (!html) return undefined;
  if (!/[<&]/.test(html)) return html.trim() || undefined;
  const tidy = stripTags(html)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return tidy || undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** A small tag stripper and entity decoder: block elements become line breaks. */
export function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity[0] === '#') {
        const code =
          entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        // Out of Unicode's range (`&#99999999;`) or a lone surrogate: shown as written, never thrown.
        const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        return valid ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[entity.toLowerCase()] ?? match;
    });
}
