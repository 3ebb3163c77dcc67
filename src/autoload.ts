/**
 * Loads element definitions on first use, so the script-tag bundle carries only the core and a
 * page pays for a kudos feed only when it shows one. The page's own tags are found by watching the
 * document; a Kring element that renders another one in its shadow root asks for it with
 * `requireElement` (`npm run lint` checks that every template that renders a lazily loaded tag does).
 */
export type ElementLoader = () => Promise<unknown>;

interface Autoloader {
  /** Optional: an autoloader installed by an older copy of Kring on the same page has none. */
  load?(tag: string): void;
}

const autoloaderKey = Symbol.for('kring.autoloader');
type Holder = Record<symbol, Autoloader | undefined>;

/** Starts loading undefined `kring-*` tags found in the document and asked for with `requireElement`. */
export function installAutoloader(loaders: Readonly<Record<string, ElementLoader>>): void {
  const holder = globalThis as unknown as Holder;
  if (holder[autoloaderKey]) return;
  const started = new Set<string>();

  const load = (tag: string) => {
    if (started.has(tag)) return;
    const loader = loaders[tag];
    if (!loader || customElements.get(tag)) return;
    started.add(tag);
    loader().catch((error: unknown) => {
      started.delete(tag);
      console.error(`[kring] <${tag}> could not be loaded.`, error);
    });
  };

  const scan = (root: ParentNode) => {
    for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
  };

  // One observer for the document's tree. Shadow roots are not watched: on a page of 200 cards that
  // was a record per inserted node and a scan per card render (issue 18), for tags a card rarely renders.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        load(node.localName);
        scan(node);
      }
    }
  }).observe(document, { childList: true, subtree: true });
  holder[autoloaderKey] = { load };
  scan(document);
}

/**
 * Loads `tag`'s code when the page has an autoloader (the script tag) and the tag is not defined yet.
 * Call it where a template renders another Kring element that is loaded on first use; cheap to call
 * on every render.
 */
export function requireElement(tag: keyof HTMLElementTagNameMap): void {
  (globalThis as unknown as Holder)[autoloaderKey]?.load?.(tag);
}
