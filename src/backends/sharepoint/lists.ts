import type { Http } from '../http/index.js';
import { createOnce } from '../lists/create-once.js';
import { readAllPages } from '../lists/read-all-pages.js';
import { BackendError, isBackendError } from '../../errors.js';
import type { DigestCache } from './digest.js';
import {
  etagOf,
  flavourHeaders,
  isRecord,
  mediaType,
  nextLink,
  odataString,
  unwrap,
  type JsonRecord,
  type ODataFlavour,
} from './odata.js';

export interface ListItem extends JsonRecord {
  Id: number;
}

export interface ItemPage {
  items: ListItem[];
  /** The server's next-page link, verbatim. */
  next?: string;
}

export interface ItemQuery {
  filter?: string;
  orderBy?: string;
  top?: number;
  select?: string[];
}

export interface ListClientOptions {
  http: Http;
  flavour: ODataFlavour;
  digest?: DigestCache;
  /** With a bearer token SharePoint needs no digest. */
  usesBearer: boolean;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Attempts of a create after a transient failure (each preceded by a look-up of its key). */
  createAttempts?: number;
  /** Pages followed at most when reading a whole list. */
  maxPages?: number;
}

/** 403 with SharePoint's "security validation for this page is invalid": the digest expired. */
export function isDigestFailure(error: unknown): boolean {
  return (
    isBackendError(error) &&
    error.status === 403 &&
    ((error.code ?? '').includes('-2130575251') || /security validation/i.test(error.message))
  );
}

/** List items over SharePoint REST: reads with paging, creates that never duplicate, MERGE with If-Match. */
export class ListClient {
  private readonly entityTypes = new Map<string, Promise<string>>();

  constructor(private readonly options: ListClientOptions) {}

  listPath(title: string): string {
    return `/_api/web/lists/getbytitle(${encodeURIComponent(odataString(title))})`;
  }

  /** `ListItemEntityTypeFullName` (spaces become `_x0020_`, so it is read, never built). */
  entityType(title: string, signal?: AbortSignal): Promise<string> {
    let pending = this.entityTypes.get(title);
    if (!pending) {
      pending = this.options.http
        .request<unknown>('GET', `${this.listPath(title)}?$select=ListItemEntityTypeFullName`, {
          headers: flavourHeaders(this.options.flavour),
          signal,
        })
        .then((body) => {
          const payload = unwrap(body);
          const name = isRecord(payload) ? payload.ListItemEntityTypeFullName : undefined;
          if (typeof name !== 'string')
            throw new BackendError('server', 'SharePoint did not name the list item type.');
          return name;
        });
      pending.catch(() => this.entityTypes.delete(title));
      this.entityTypes.set(title, pending);
    }
    return pending;
  }

  async page(title: string, query: ItemQuery, signal?: AbortSignal): Promise<ItemPage> {
    // Who created an item comes from `Author`, which nobody can write; it needs expanding.
    const params: string[] = [
      `$select=${encodeURIComponent([...(query.select ?? ['*']), 'Author/Name'].join(','))}`,
      '$expand=Author',
    ];
    if (query.filter) params.push(`$filter=${encodeURIComponent(query.filter)}`);
    if (query.orderBy) params.push(`$orderby=${encodeURIComponent(query.orderBy)}`);
    if (query.top) params.push(`$top=${query.top}`);
    const path = `${this.listPath(title)}/items${params.length ? `?${params.join('&')}` : ''}`;
    return this.pageAt(path, signal);
  }

  /** Follows a next-page link exactly as SharePoint gave it. */
  async pageAt(pathOrLink: string, signal?: AbortSignal): Promise<ItemPage> {
    const body = await this.options.http.request<unknown>('GET', pathOrLink, {
      headers: flavourHeaders(this.options.flavour),
      signal,
    });
    const payload = unwrap(body);
    const items = (Array.isArray(payload) ? payload : []).filter(isRecord) as ListItem[];
    return { items, next: nextLink(body) };
  }

  all(title: string, query: ItemQuery, signal?: AbortSignal): Promise<ListItem[]> {
    return readAllPages(
      // 5,000 is the largest page SharePoint serves for list items.
      this.page(title, { top: 5000, ...query }, signal),
      (link) => this.pageAt(link, signal),
      this.options.maxPages ?? 50,
    );
  }

  async item(title: string, id: number, signal?: AbortSignal): Promise<{ item: ListItem; etag?: string }> {
    const path = `${this.listPath(title)}/items(${id})?$select=*,Author/Name&$expand=Author`;
    const result = await this.options.http.send<unknown>('GET', path, {
      headers: flavourHeaders(this.options.flavour),
      signal,
    });
    const payload = unwrap(result.data);
    if (!isRecord(payload))
      throw new BackendError('not-found', 'This item no longer exists.', { status: 404 });
    return { item: payload as ListItem, etag: etagOf(payload) ?? result.headers.get('ETag') ?? undefined };
  }

  /** The item created by the write with this key, if it reached SharePoint. */
  async findByKey(title: string, key: string, signal?: AbortSignal): Promise<ListItem | undefined> {
    const page = await this.page(title, { filter: `KringKey eq ${odataString(key)}`, top: 1 }, signal);
    return page.items[0];
  }

  /**
   * Creates an item at most once per key: before every attempt it looks for an item with that key,
   * so a POST that reached SharePoint but whose answer was lost is never repeated.
   */
  create(
    title: string,
    fields: JsonRecord,
    key: string,
    signal?: AbortSignal,
    /** The key was just made up, so nothing can carry it yet: skip the first look-up. */
    freshKey = false,
  ): Promise<ListItem> {
    return createOnce({
      attempts: this.options.createAttempts ?? 3,
      freshKey,
      findByKey: () => this.findByKey(title, key, signal),
      post: async () => {
        const payload = unwrap(await this.postCreate(title, { ...fields, KringKey: key }, signal));
        return isRecord(payload) && typeof payload.Id === 'number' ? (payload as ListItem) : undefined;
      },
      missingMessage: 'SharePoint did not return the new item.',
      sleep: this.options.sleep,
      random: this.options.random,
      signal,
    });
  }

  private async postCreate(title: string, fields: JsonRecord, signal?: AbortSignal): Promise<unknown> {
    const flavour = this.options.flavour;
    const body: JsonRecord = { ...fields };
    if (flavour === 'verbose') body.__metadata = { type: await this.entityType(title, signal) };
    if (flavour === 'v4') body['@odata.type'] = `#${await this.entityType(title, signal)}`;
    return this.write('POST', `${this.listPath(title)}/items`, { body, signal });
  }

  /**
   * `X-HTTP-Method: MERGE` with `If-Match`. Returns the new etag (204 carries it in `ETag`).
   * A stale etag gets 412, which surfaces as a `conflict` BackendError.
   */
  async merge(
    title: string,
    id: number,
    fields: JsonRecord,
    etag: string,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const body: JsonRecord = { ...fields };
    if (this.options.flavour === 'verbose') body.__metadata = { type: await this.entityType(title, signal) };
    const result = await this.writeWithHeaders('POST', `${this.listPath(title)}/items(${id})`, {
      body,
      signal,
      headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': etag },
    });
    return result.headers.get('ETag') ?? undefined;
  }

  async remove(title: string, id: number, signal?: AbortSignal): Promise<void> {
    await this.writeWithHeaders('POST', `${this.listPath(title)}/items(${id})`, {
      signal,
      headers: { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' },
    });
  }

  async write(
    method: string,
    path: string,
    request: { body?: unknown; signal?: AbortSignal },
  ): Promise<unknown> {
    return (await this.writeWithHeaders(method, path, request)).data;
  }

  /** A write with the digest; on "security validation … invalid" the digest is refreshed once. */
  async writeWithHeaders(
    method: string,
    path: string,
    request: {
      body?: unknown;
      signal?: AbortSignal;
      headers?: Record<string, string>;
      /** A body sent as is (multipart), with its own Content-Type in `headers`. */
      rawBody?: string;
      /** A POST that only reads (`$batch` of GETs): retried like a GET. */
      safe?: boolean;
      parse?: 'json' | 'text';
    },
  ): Promise<{ data: unknown; headers: Headers; status: number }> {
    const { http, flavour, digest, usesBearer } = this.options;
    for (let refreshed = false; ; refreshed = true) {
      const headers: Record<string, string> = { ...flavourHeaders(flavour) };
      if (request.body !== undefined) headers['Content-Type'] = mediaType(flavour);
      Object.assign(headers, request.headers);
      if (digest && !usesBearer) headers['X-RequestDigest'] = await digest.get(request.signal);
      try {
        return await http.send<unknown>(method, path, {
          body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
          headers,
          signal: request.signal,
          safe: request.safe,
          parse: request.parse,
        });
      } catch (error) {
        if (!refreshed && digest && isDigestFailure(error)) {
          digest.invalidate();
          continue;
        }
        throw error;
      }
    }
  }
}
