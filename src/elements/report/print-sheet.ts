/** Set on <html> while a report prints itself, so only that report is on the paper. */
export const PRINTING_CLASS = 'kring-printing-report';
export const PRINTING_ATTRIBUTE = 'data-kring-printing';

const PAGE_RULES = `
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html.${PRINTING_CLASS} body * { visibility: hidden !important; }
  html.${PRINTING_CLASS} kring-report[${PRINTING_ATTRIBUTE}],
  html.${PRINTING_CLASS} kring-report[${PRINTING_ATTRIBUTE}] * { visibility: visible !important; }
  html.${PRINTING_CLASS} kring-report[${PRINTING_ATTRIBUTE}] { position: absolute; inset: 0 auto auto 0; width: 100%; }
}`;

let pageSheet: CSSStyleSheet | undefined;

/**
 * `@page` only works in the document's own styles, not in a shadow root, so the report adds one
 * constructed sheet to the document (allowed under a strict CSP, unlike a <style> element).
 */
export function adoptPageSheet(doc: Document = document): CSSStyleSheet {
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync(PAGE_RULES);
  }
  if (!doc.adoptedStyleSheets.includes(pageSheet))
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, pageSheet];
  return pageSheet;
}
