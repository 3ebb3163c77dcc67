/** Set on <html> while a report prints itself, so only that report is on the paper. */
export const PRINTING_CLASS = 'kring-printing-report';
export const PRINTING_ATTRIBUTE = 'data-kring-printing';

const PRINTING = `html.${PRINTING_CLASS}`;
const REPORT = `kring-report[${PRINTING_ATTRIBUTE}]`;

/*
 * While a report prints itself, everything else is removed (display: none, not only invisible: an
 * invisible page still takes paper, the blank grey pages), the report's ancestors lose their layout
 * (grids, padding, backgrounds), and a wide department matrix gets a landscape page of its own.
 */
const PAGE_RULES = `
@page { size: A4; margin: 16mm 14mm; }
@page kring-wide { size: A4 landscape; margin: 14mm 14mm; }
@media print {
  ${PRINTING}, ${PRINTING} body { background: #ffffff !important; margin: 0 !important; padding: 0 !important; }
  ${PRINTING} body *:not(:has(${REPORT})):not(${REPORT}) { display: none !important; }
  ${PRINTING} body :has(${REPORT}) {
    display: block !important; position: static !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; box-shadow: none !important; background: none !important;
    width: auto !important; max-width: none !important; height: auto !important; min-height: 0 !important;
  }
  ${PRINTING} ${REPORT} { max-width: none; margin: 0; }
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
