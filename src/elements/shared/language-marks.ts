import type { ReactiveController, ReactiveControllerHost } from 'lit';

/*
 * Language of parts (WCAG 3.1.2) and reading order (1.3.2): an element renders in one of Kring's
 * languages, which may not be the page's (English when the page is in a language Kring does not
 * speak, or a `lang` set on the community). Its content is then marked with the language it is
 * written in and that language's direction, so a screen reader pronounces it right and an English
 * sentence under `dir="rtl"` reads "5 hours ago", not "hours ago 5".
 */

/** Scripts written right to left (primary language subtags). */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(primary(lang)) ? 'rtl' : 'ltr';
}

function primary(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** `lang` and `dir` for one piece of content: set only where they differ from the surrounding text's. */
export interface ContentMarks {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * Marks for text written in `content` (a kudos message, a job title) inside an element that renders in
 * `ui`: the content's language where it differs, and its direction where that differs too; nothing
 * where they agree or the content's language is unknown (then it is not claimed).
 */
export function contentMarks(content: string | undefined, ui: string): ContentMarks {
  if (!content?.trim() || primary(content) === primary(ui)) return {};
  const dir = directionOf(content);
  return dir === directionOf(ui) ? { lang: content } : { lang: content, dir };
}

/** The `lang` the element inherits from the page (through shadow roots), or '' when none is set. */
export function inheritedLang(element: Element): string {
  let node: Node | null = element.parentNode ?? null;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

/**
 * The direction the element inherits (`dir` attributes, through shadow roots). `:dir()` reads the
 * document, not styles: `getComputedStyle` here forced a style recalculation per card per render, the
 * largest single cost of a page of 200 cards (issue 18). Browsers without `:dir()` use the computed style.
 */
function inheritedDirection(element: Element): 'ltr' | 'rtl' {
  try {
    return element.matches(':dir(rtl)') ? 'rtl' : 'ltr';
  } catch {
    return getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
  }
}

/**
 * After each render, marks the top-level elements of the host's shadow root with `lang` and `dir`
 * when the language it rendered in differs from the one it inherits (and removes the marks it set
 * when it no longer differs).
 */
export class LanguageMarksController implements ReactiveController {
  /** The nodes this controller marked, per attribute: a value the template wrote itself is left alone. */
  readonly #marked: Record<'lang' | 'dir', WeakSet<Element>> = {
    lang: new WeakSet(),
    dir: new WeakSet(),
  };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #language: () => string;

  constructor(host: ReactiveControllerHost & HTMLElement, language: () => string) {
    this.#host = host;
    this.#language = language;
    host.addController(this);
  }

  /** Whether this controller ever set a mark: until then, a render that needs none has nothing to undo. */
  #everMarked = false;

  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    if (!root) return;
    const lang = this.#language();
    const inherited = inheritedLang(this.#host);
    const pageDir = inheritedDirection(this.#host);
    const markLang = primary(inherited) !== primary(lang);
    const dir = directionOf(lang);
    const markDir = dir !== pageDir;
    // The common case on a page of cards: the element speaks the page's language. Walking the rendered
    // children to remove marks never set was a measurable share of each card's render.
    if (!markLang && !markDir && !this.#everMarked) return;
    for (const child of root.children) {
      if (child.localName === 'style' || child.localName === 'link') continue;
      if (markLang) this.#set(child, 'lang', lang);
      else this.#unset(child, 'lang', lang);
      if (markDir) this.#set(child, 'dir', dir);
      else this.#unset(child, 'dir', dir);
    }
  }

  #set(child: Element, name: 'lang' | 'dir', value: string): void {
    if (child.getAttribute(name) === value) return;
    if (child.hasAttribute(name) && !this.#marked[name].has(child)) return; // the template's own value wins
    child.setAttribute(name, value);
    this.#marked[name].add(child);
    this.#everMarked = true;
  }

  #unset(child: Element, name: 'lang' | 'dir', value: string): void {
    if (this.#marked[name].has(child) && child.getAttribute(name) === value) child.removeAttribute(name);
  }
}
