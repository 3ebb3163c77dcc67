/**
 * The page around the stories: the same system UI font stack as the demo intranet, so elements are
 * seen in the font they inherit on a real intranet page (the browser default is a serif).
 */
export const PREVIEW_FONT = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";

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
