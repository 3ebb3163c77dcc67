/**
 * Loads element definitions on first use, so the script-tag bundle carries only the core and a
 * page pays for a kudos feed only when it shows one. Kring elements register their shadow roots
 * (see `KringElement`), so tags rendered inside other Kring elements load too.
 */
export type ElementLoader = () => Promise<unknown>;

interface Autoloader {
  observe(root: Document | ShadowRoot): void;
}

const autoloaderKey = Symbol.for('kring.autoloader');
type Holder = Record<symbol, Autoloader | undefined>;

/** Starts loading undefined `kring-*` tags found in the document and in observed shadow roots. */
export function installAutoloader(loaders: Readonly<Record<string, ElementLoader>>): void {
  const holder = globalThis as unknown as Holder;
  if (holder[autoloaderKey]) return;
  const started = new Set<string>();

  const load = (tag: string) => {
    const loader = loaders[tag];
    if (!loader || started.has(tag) || customElements.get(tag)) return;
    started.add(tag);
    loader().catch((error: unknown) => {
      started.delete(tag);
      console.error(`[kring] <${tag}> could not be loaded.`, error);
    });
  };

  const scan = (root: ParentNode) => {
    for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        load(node.localName);
        scan(node);
      }
    }
  });

  const autoloader: Autoloader = {
    observe(root) {
      scan(root);
      observer.observe(root, { childList: true, subtree: true });
    },
  };
  holder[autoloaderKey] = autoloader;
  autoloader.observe(document);
}

/** Lets the autoloader (when the page has one) see tags rendered inside a shadow root. */
export function observeForAutoload(root: Document | ShadowRoot): void {
  (globalThis as unknown as Holder)[autoloaderKey]?.observe(root);
}
