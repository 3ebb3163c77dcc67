/**
 * SharePoint's AboutMe is HTML typed by people in a rich text box. We need its text, and must never
 * hand it to `innerHTML`: parse it into a detached document (scripts never run there, images never load)
 * and read `textContent`, with block elements turned into line breaks.
 */
const BLOCK = /^(P|DIV|BR|LI|UL|OL|H[1-6]|TR|TABLE|BLOCKQUOTE|SECTION|ARTICLE)$/;

export function htmlToText(html: string | undefined | null): string | undefined {
  if (!html) return undefined;
  if (!/[<&]/.test(html)) return html.trim() || undefined;
  const parsed = parseDetached(html);
  const text = parsed === undefined ? stripTags(html) : parsed;
  const tidy = text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return tidy || undefined;
}

function parseDetached(html: string): string | undefined {
  if (typeof DOMParser === 'undefined') return undefined;
  let doc: Document;
  try {
    // DOMParser's document is inert: no script runs, no resource loads.
    doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  } catch {
    // Pages enforcing Trusted Types refuse plain strings here; the tag stripper then does the job.
    return undefined;
  }
  for (const element of Array.from(doc.body.querySelectorAll('script,style,template'))) element.remove();
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const block = BLOCK.test((node as Element).tagName);
    if (block) parts.push('\n');
    node.childNodes.forEach(walk);
    if (block) parts.push('\n');
  };
  walk(doc.body);
  return parts.join('');
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

/** Fallback outside a browser: a small tag stripper and entity decoder. */
export function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity[0] === '#') {
        const code =
          entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[entity.toLowerCase()] ?? match;
    });
}
