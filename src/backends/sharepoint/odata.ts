/**
 * SharePoint answers in three JSON flavours; everything the adapter reads goes through these helpers so
 * the rest of the code sees one shape. (Normalises the way PnPjs does: `d.results` → `d` → `value` → body.)
 */

/** `nometadata` (JSON light, plain fetch), `verbose` (`{d:{results}}`, SP2013 style), `v4` (SPFx SPHttpClient). */
export const ODATA_FLAVOURS = ['nometadata', 'verbose', 'v4'] as const;
export type ODataFlavour = (typeof ODATA_FLAVOURS)[number];

export type JsonRecord = Record<string, unknown>;

export function mediaType(flavour: ODataFlavour): string {
  switch (flavour) {
    case 'verbose':
      return 'application/json;odata=verbose';
    case 'v4':
      return 'application/json;odata.metadata=minimal';
    default:
      return 'application/json;odata=nometadata';
  }
}

/** Headers every request of this flavour carries. */
export function flavourHeaders(flavour: ODataFlavour): Record<string, string> {
  const headers: Record<string, string> = { Accept: mediaType(flavour) };
  if (flavour === 'v4') headers['OData-Version'] = '4.0';
  return headers;
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload, whatever the wrapper: verbose `d`/`d.results`, v4 `value`, or the body itself. */
export function unwrap(body: unknown): unknown {
  if (!isRecord(body)) return body;
  if ('d' in body) {
    const d = body.d;
    if (isRecord(d) && 'results' in d && Array.isArray(d.results)) return d.results;
    return d;
  }
  if (Array.isArray(body.value)) return body.value;
  return body;
}

/** A collection as an array (verbose nests arrays as `{results: [...]}`). */
export function results(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.results)) return value.results;
  return [];
}

/** The link to the next page, exactly as the server gave it (`$skip` is ignored for list items). */
export function nextLink(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const link =
    body['odata.nextLink'] ?? body['@odata.nextLink'] ?? (isRecord(body.d) ? body.d.__next : undefined);
  return typeof link === 'string' && link !== '' ? link : undefined;
}

/** An item's etag from whichever annotation the flavour uses. */
export function etagOf(item: JsonRecord): string | undefined {
  const etag =
    item['odata.etag'] ??
    item['@odata.etag'] ??
    (isRecord(item.__metadata) ? item.__metadata.etag : undefined);
  return typeof etag === 'string' ? etag : undefined;
}

/** A string field, or undefined for null/empty. */
export function text(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Quotes a value for an OData `$filter` or a `getbytitle('…')` segment: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
