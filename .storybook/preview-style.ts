/**
 * The page around the stories: the elements' own font stack (src/styles/tokens.ts: Segoe UI as in
 * Microsoft 365, then the platform's UI font), so text beside an element, and elements' text, read in the
 * same font they get on a real intranet page (the browser default is a serif).
 */
export const PREVIEW_FONT =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

export const PREVIEW_CSS = `
body {
  font-family: ${PREVIEW_FONT};
  font-size: 16px;
  line-height: 1.5;
}
`;

/** Adds the preview's page style to a document once. */
export function applyPreviewStyle(doc: Document = document): void {
  if (doc.getElementById('kring-preview-style')) return;
  const style = doc.createElement('style');
  style.id = 'kring-preview-style';
  style.textContent = PREVIEW_CSS;
  doc.head.append(style);
}
