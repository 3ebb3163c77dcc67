import type { ReactiveControllerHost } from 'lit';

/*
 * One announcement queue per page (WCAG 4.1.3), shared by every Kring element: a single polite live
 * region at the end of <body> instead of one per element instance. What elements say goes through
 * `announce()`, which
 *
 * - **coalesces**: messages that arrive within `coalesceMs` are said as one announcement (sending kudos
 *   in a feed's composer is one announcement, not two at once); a newer message from the same element
 *   replaces its older one not yet said (typing in a finder says the last count only);
 * - **never repeats**: a message that was part of the last announcement is dropped;
 * - marks each message with the language (and direction) it is written in.
 *
 * Load chatter (an element saying "loading" and its title as the page opens) is left out by the
 * elements themselves: they announce outcomes of what the user did, not their own first load.
 */

/** Messages arriving within this window are said together. */
const COALESCE_MS = 150;

interface Pending {
  source: object;
  text: string;
  lang: string;
}

/** The page's queue; one per document, created on first use. */
export class AnnouncementQueue {
  /** How many announcements were made (for tests and diagnostics). */
  count = 0;
  private region?: HTMLElement;
  private pending: Pending[] = [];
  /** The messages of the last announcement: none of them is said again straight after. */
  private last = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly doc: Document) {}

  /** Queues `text` from `source` (an element), written in `lang`. */
  say(source: object, text: string, lang: string): void {
    const message = text.trim();
    if (!message) return;
    this.pending = this.pending.filter((entry) => entry.source !== source && entry.text !== message);
    this.pending.push({ source, text: message, lang });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), COALESCE_MS);
  }

  /** The live region (for tests: it is the one element whose text changes per announcement). */
  get liveRegion(): HTMLElement {
    return this.ensureRegion();
  }

  /** Forgets what was said and what waits (a page that swaps its content, or a test). */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = [];
    this.last.clear();
    this.region?.replaceChildren();
  }

  private flush(): void {
    const entries = this.pending.filter((entry) => !this.last.has(entry.text));
    this.pending = [];
    if (!entries.length) return;
    this.last = new Set(entries.map((entry) => entry.text));
    const region = this.ensureRegion();
    region.replaceChildren(
      ...entries.map((entry) => {
        const span = this.doc.createElement('span');
        span.lang = entry.lang;
        span.dir = 'auto';
        span.textContent = `${entry.text} `;
        return span;
      }),
    );
    this.count++;
  }

  private ensureRegion(): HTMLElement {
    if (this.region?.isConnected) return this.region;
    const region = this.doc.createElement('div');
    region.dataset.kringAnnouncer = '';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    // Visually hidden. Set through the CSSOM, which a strict style-src CSP allows (a style attribute it would not).
    Object.assign(region.style, {
      position: 'absolute',
      width: '1px',
      height: '1px',
      margin: '-1px',
      padding: '0',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
      border: '0',
    });
    this.doc.body.append(region);
    this.region = region;
    return region;
  }
}

/** Kept on the document, so two copies of Kring on one page still share one queue. */
const QUEUE_KEY = Symbol.for('kring.announcementQueue');

/** The announcement queue of `doc` (the page). */
export function announcementQueue(doc: Document = document): AnnouncementQueue {
  const holder = doc as Document & { [QUEUE_KEY]?: AnnouncementQueue };
  return (holder[QUEUE_KEY] ??= new AnnouncementQueue(doc));
}

/** Says `text` politely through the page's queue, on behalf of `source`, in `lang`. */
export function announce(source: Element, text: string, lang: string): void {
  announcementQueue(source.ownerDocument).say(source, text, lang);
}

/**
 * Announces what `text()` returns after each update of `host`, when it changed and is not empty:
 * for elements whose message follows from their state (a search count, a loaded title). While
 * `quiet()` is true (the element's own first load) the text is noted but not said.
 */
export class AnnounceOnChange {
  private said = '';

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly text: () => string,
    private readonly lang: () => string,
    private readonly quiet: () => boolean = () => false,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const text = this.text();
    if (text && text !== this.said && !this.quiet()) announce(this.host, text, this.lang());
    this.said = text;
  }
}
