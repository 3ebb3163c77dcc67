/**
 * SharePoint `$batch` (OData v3 multipart/mixed): many GETs in one POST. Each part carries its own
 * status, headers and body; the outer response is 200 even when parts fail.
 */

/** SharePoint (and PnPjs) keep batches small; larger ones are split by the caller. */
export const MAX_BATCH_PARTS = 20;

export interface BatchPart {
  method: 'GET';
  /** Absolute URL on the same site (case-sensitive). */
  url: string;
  headers: Record<string, string>;
}

export interface BatchPartResponse {
  status: number;
  headers: Headers;
  body: string;
}

const CRLF = '\r\n';

export function newBoundary(prefix: string, random: () => number = Math.random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${prefix}_${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The request body for `POST {site}/_api/$batch` with `Content-Type: multipart/mixed; boundary=…`. */
export function buildBatchBody(parts: readonly BatchPart[], boundary: string): string {
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    lines.push(`${part.method} ${part.url} HTTP/1.1`);
    for (const [name, value] of Object.entries(part.headers)) lines.push(`${name}: ${value}`);
    lines.push('', '');
  }
  lines.push(`--${boundary}--`, '');
  return lines.join(CRLF);
}

/** The boundary named in a `multipart/mixed; boundary=…` content type. */
export function boundaryOf(contentType: string | null): string | undefined {
  const match = /boundary=("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

/**
 * Splits a batch response into its parts, in order. Tolerates LF-only line ends and a missing
 * closing delimiter; a part that cannot be read counts as a 500 so the caller decides, not the parser.
 */
export function parseBatchResponse(body: string, boundary: string): BatchPartResponse[] {
  const normalised = body.replace(/\r\n/g, '\n');
  const chunks = normalised.split(`--${boundary}`);
  const parts: BatchPartResponse[] = [];
  for (const raw of chunks.slice(1)) {
    if (raw.startsWith('--')) break;
    parts.push(parsePart(raw.replace(/^\n/, '')));
  }
  return parts;
}

function parsePart(raw: string): BatchPartResponse {
  // Part headers (Content-Type: application/http…), blank line, then the embedded HTTP response.
  const afterPartHeaders = raw.indexOf('\n\n');
  const http = afterPartHeaders >= 0 ? raw.slice(afterPartHeaders + 2) : raw;
  const statusLine = /^HTTP\/1\.[01] (\d{3})[^\n]*\n/.exec(http);
  if (!statusLine) return { status: 500, headers: new Headers(), body: '' };
  const rest = http.slice(statusLine[0].length);
  const endOfHeaders = rest.indexOf('\n\n');
  const headerBlock = endOfHeaders >= 0 ? rest.slice(0, endOfHeaders) : rest;
  const headers = new Headers();
  for (const line of headerBlock.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const body = endOfHeaders >= 0 ? rest.slice(endOfHeaders + 2).replace(/\n+$/, '') : '';
  return { status: Number(statusLine[1]), headers, body };
}
