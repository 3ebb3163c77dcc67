/**
 * What the list-backed community logic needs from an adapter: read pages of items with a filter, follow
 * a next-page link, create an item once per key, update an item with If-Match, remove one. The SharePoint
 * REST adapter and the Microsoft Graph adapter each supply one over the same lists and columns.
 */

/** A filter on list columns, in adapter-neutral terms; each transport writes it in its own OData. */
export interface ListQuery {
  /** Columns that must equal a value, joined with `and` (in this order). */
  equals?: Record<string, string>;
  /** A column that must contain a text; only asked of transports with `filtersContains`. */
  contains?: { column: string; text: string };
  /** Only items created at or after this ISO time. A hint: a transport may ignore it (callers filter again). */
  createdSince?: string;
  /** Newest items first (by the `Created` column). */
  newestFirst?: boolean;
  top?: number;
  /** The columns the caller reads. A hint: a transport may return more. */
  select?: string[];
}

export interface ListPage<Item> {
  items: Item[];
  /** The server's next-page link, verbatim. */
  next?: string;
}

export interface CommunityListTransport<Item> {
  /** Whether `ListQuery.contains` is filtered by the server; if not, the caller filters the page itself. */
  readonly filtersContains: boolean;
  /** The item's id as the Backend API shows it. */
  id(item: Item): string;
  /** A text column, or undefined for null and empty. */
  text(item: Item, column: string): string | undefined;
  /** When the item was created. */
  created(item: Item): string | undefined;
  /**
   * Who created the item (a person id), as the server recorded it: SharePoint's `Author`, Graph's
   * `createdBy`. Unlike a column, nobody can write it, so it, not `KringFrom`, says who gave a kudos.
   */
  author(item: Item): string | undefined;
  /** The item with these columns changed (what a successful update left on the server). */
  withFields(item: Item, fields: Record<string, unknown>): Item;

  page(title: string, query: ListQuery, signal?: AbortSignal): Promise<ListPage<Item>>;
  /** Follows a next-page link exactly as the server gave it. */
  pageAt(link: string, signal?: AbortSignal): Promise<ListPage<Item>>;
  /** Every item that matches, following next-page links. */
  all(title: string, query: ListQuery, signal?: AbortSignal): Promise<Item[]>;
  /** One item with the etag to update it with; an unknown id is a `not-found` BackendError. */
  item(title: string, id: string, signal?: AbortSignal): Promise<{ item: Item; etag?: string }>;
  /** The item created by the write with this key, if it reached the server. */
  findByKey(title: string, key: string, signal?: AbortSignal): Promise<Item | undefined>;
  /** Creates an item at most once per key (`freshKey`: nothing can carry the key yet). */
  create(
    title: string,
    fields: Record<string, unknown>,
    key: string,
    signal?: AbortSignal,
    freshKey?: boolean,
  ): Promise<Item>;
  /** Updates columns with `If-Match` (`*` without an etag); a stale etag is a 412 BackendError. */
  update(
    title: string,
    id: string,
    fields: Record<string, unknown>,
    etag: string | undefined,
    signal?: AbortSignal,
  ): Promise<unknown>;
  remove(title: string, id: string, signal?: AbortSignal): Promise<void>;
}
