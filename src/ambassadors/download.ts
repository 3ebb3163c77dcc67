/**
 * Offers a JSON document as a file download: a Blob behind an object URL, clicked through a
 * temporary link, the URL revoked right after so nothing lingers in memory.
 */
export function downloadJson(
  fileName: string,
  document: unknown,
  host: ParentNode = globalThis.document.body,
): void {
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/ld+json' });
  const url = URL.createObjectURL(blob);
  const link = globalThis.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  host.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download synchronously; revoking on the next task is safe in every browser.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
