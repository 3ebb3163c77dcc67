import type { PreloadManifest } from './preload-manifest.js';

/**
 * Asks for every file the page will need at once, with `<link rel="modulepreload">`, instead of one
 * import level per network round trip (issue 18): the core and its chunks now, an element's files as
 * soon as its tag is parsed, a backend adapter's files as soon as a `<kring-community backend>`
 * names it, and the strings of the page's language (`<html lang>`, `<kring-community lang>`) when they
 * load on first use. Watches the document until it has been parsed; the core's autoloader takes over from there.
 */
export function preloadKringFiles(
  manifest: PreloadManifest,
  baseUrl: string,
  doc: Document = document,
): void {
  const asked = new Set<string>();
  const parent = doc.head ?? doc.documentElement;
  const preload = (files: readonly string[] | undefined) => {
    for (const file of files ?? []) {
      if (asked.has(file)) continue;
      asked.add(file);
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.href = new URL(file, baseUrl).href;
      parent.append(link);
    }
  };
  // The strings of the page's language, when they load on first use (Dutch, German, French): `de-AT` → `de`.
  const preloadLanguage = (tag: string | null) =>
    preload(manifest.languages?.[(tag ?? '').trim().toLowerCase().split(/[-_]/)[0]]);
  const selector = [
    'kring-community[backend]',
    'kring-community[lang]',
    ...Object.keys(manifest.elements),
  ].join(',');
  // An adapter's code for everything but a card's reads, once the page has an element that needs it.
  const backends = new Set<string>();
  let withElements = false;
  const look = (element: Element) => {
    if (element.localName === 'kring-community') {
      backends.add((element.getAttribute('backend') ?? '').trim().toLowerCase());
      preloadLanguage(element.getAttribute('lang'));
    } else {
      withElements = true;
      preload(manifest.elements[element.localName]);
    }
    for (const backend of backends) {
      preload(manifest.backends[backend]);
      if (withElements) preload(manifest.backendsWithElements?.[backend]);
    }
  };
  const scan = (root: Element | Document) => {
    if (root instanceof Element && root.matches(selector)) look(root);
    for (const element of root.querySelectorAll(selector)) look(element);
  };

  preload(manifest.core);
  preloadLanguage(doc.documentElement.getAttribute('lang'));
  scan(doc);
  if (doc.readyState !== 'loading') return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') scan(record.target as Element);
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['backend', 'lang'],
  });
  // Once more when parsing ends, in case a record was missed (the parser may insert in big chunks).
  doc.addEventListener(
    'DOMContentLoaded',
    () => {
      observer.disconnect();
      scan(doc);
    },
    { once: true },
  );
}
