import { BackendError } from '../../errors.js';
import type { Http } from '../http/index.js';
import { createOnce } from '../lists/create-once.js';
import { readAllPages } from '../lists/read-all-pages.js';
import { odataLiteral } from './people.js';
import { withPermission } from './permissions.js';

/** A SharePoint list item as Graph returns it with `expand=fields`. */
export interface GraphListItem {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  /** Who created the item, as Graph recorded it. */
  createdBy?: { user?: { email?: string; userPrincipalName?: string; id?: string } };
  fields: Record<string, unknown>;
}

export interface GraphItemPage {
  items: GraphListItem[];
  /** `@odata.nextLink`, verbatim. */
  next?: string;
}

export interface GraphItemQuery {
  /** Equality conditions on list columns, joined with `and` (`fields/X eq '…'`). */
  equals?: Record<string, string>;
  orderBy?: string;
  top?: number;
}

export interface GraphListClientOptions {
  http: Http;
  /** The Graph site id of the site holding the lists (resolved once). */
  siteId: (signal?: AbortSignal) => Promise<string>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  createAttempts?: number;
  maxPages?: number;
}

/**
 * Filtering on list columns through Graph needs this header unless the column is indexed; the Kring
 * columns that are filtered on are indexed (see the SharePoint adapter's schema), so it only avoids
 * a 400 on lists provisioned by hand.
 */
const READ_HEADERS = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

/** A text column of an item, or undefined for null and empty. */
export function field(item: GraphListItem, name: string): string | undefined {
  const value = item.fields[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Created time: the `Created` column, else the item's `createdDateTime`. */
export function createdAt(item: GraphListItem): string | undefined {
  return field(item, 'Created') ?? item.createdDateTime;
}

/** Community list items over `/v1.0/sites/{site-id}/lists/{list}/items`, same layout as the SharePoint adapter. */
export class GraphListClient {
  constructor(private readonly options: GraphListClientOptions) {}

  private async itemsPath(title: string, signal?: AbortSignal): Promise<string> {
    const siteId = await this.options.siteId(signal);
    return `/v1.0/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(title)}/items`;
  }

  async page(title: string, query: GraphItemQuery, signal?: AbortSignal): Promise<GraphItemPage> {
    const params = ['expand=fields'];
    const conditions = Object.entries(query.equals ?? {}).map(
      ([name, value]) => `fields/${name} eq ${odataLiteral(value)}`,
    );
    if (conditions.length) params.push(`$filter=${encodeURIComponent(conditions.join(' and '))}`);
    if (query.orderBy) params.push(`$orderby=${encodeURIComponent(query.orderBy)}`);
    if (query.top) params.push(`$top=${query.top}`);
    return this.pageAt(`${await this.itemsPath(title, signal)}?${params.join('&')}`, signal);
  }

  /** Follows `@odata.nextLink` exactly as Graph gave it. */
  pageAt(pathOrLink: string, signal?: AbortSignal): Promise<GraphItemPage> {
    return withPermission('sites-read', async () => {
      const body = await this.options.http.request<Record<string, unknown>>('GET', pathOrLink, {
        headers: READ_HEADERS,
        signal,
      });
      const value = Array.isArray(body?.value) ? body.value : [];
      const next = typeof body?.['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
      return { items: value.map(toItem).filter((item): item is GraphListItem => item !== null), next };
    });
  }

  all(title: string, query: GraphItemQuery, signal?: AbortSignal): Promise<GraphListItem[]> {
    return readAllPages(
      this.page(title, { top: 500, ...query }, signal),
      (link) => this.pageAt(link, signal),
      this.options.maxPages ?? 50,
    );
  }

  async item(title: string, id: string, signal?: AbortSignal): Promise<GraphListItem> {
    const path = `${await this.itemsPath(title, signal)}/${encodeURIComponent(id)}?expand=fields`;
    return withPermission('sites-read', async () => {
      const item = toItem(await this.options.http.request<unknown>('GET', path, { signal }));
      if (!item) throw new BackendError('not-found', 'This item no longer exists.', { status: 404 });
      return item;
    });
  }

  async findByKey(title: string, key: string, signal?: AbortSignal): Promise<GraphListItem | undefined> {
    return (await this.page(title, { equals: { KringKey: key }, top: 1 }, signal)).items[0];
  }

  /** Creates an item at most once per key (see `createOnce`): Graph has no idempotency header. */
  create(
    title: string,
    fields: Record<string, unknown>,
    key: string,
    signal?: AbortSignal,
    freshKey = false,
  ): Promise<GraphListItem> {
    return createOnce({
      attempts: this.options.createAttempts ?? 3,
      freshKey,
      findByKey: () => this.findByKey(title, key, signal),
      post: async () => {
        const path = await this.itemsPath(title, signal);
        const created = await withPermission('sites-write', () =>
          this.options.http.request<unknown>('POST', path, {
            body: { fields: { ...fields, KringKey: key } },
            signal,
          }),
        );
        return toItem(created) ?? undefined;
      },
      missingMessage: 'Microsoft Graph did not return the new item.',
      sleep: this.options.sleep,
      random: this.options.random,
      signal,
    });
  }

  /** `PATCH …/items/{id}/fields` with `If-Match`; a stale etag answers 412 (a `conflict`). */
  async update(
    title: string,
    id: string,
    fields: Record<string, unknown>,
    etag: string | undefined,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const path = `${await this.itemsPath(title, signal)}/${encodeURIComponent(id)}/fields`;
    return withPermission('sites-write', async () => {
      const body = await this.options.http.request<Record<string, unknown>>('PATCH', path, {
        body: fields,
        headers: { 'If-Match': etag ?? '*' },
        signal,
      });
      return body ?? {};
    });
  }

  async remove(title: string, id: string, signal?: AbortSignal): Promise<void> {
    const path = `${await this.itemsPath(title, signal)}/${encodeURIComponent(id)}`;
    await withPermission('sites-write', () =>
      this.options.http.request<void>('DELETE', path, { parse: 'none', signal }),
    );
  }
}

function toItem(value: unknown): GraphListItem | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.id === undefined || typeof record.fields !== 'object' || record.fields === null) return null;
  const etag = record.eTag ?? record['@odata.etag'];
  return {
    id: String(record.id),
    eTag: typeof etag === 'string' ? etag : undefined,
    createdDateTime: typeof record.createdDateTime === 'string' ? record.createdDateTime : undefined,
    createdBy:
      typeof record.createdBy === 'object' && record.createdBy !== null
        ? (record.createdBy as GraphListItem['createdBy'])
        : undefined,
    fields: record.fields as Record<string, unknown>,
  };
}
