import { BackendError } from '../../errors.js';
import type { CommunityListTransport, ListQuery } from '../lists/transport.js';
import type { ItemQuery, ListClient, ListItem } from './lists.js';
import { odataString, text } from './odata.js';
import { personIdFromLogin } from './profiles.js';

/** Item ids in the Backend API are strings; SharePoint's are positive integers. */
function numericId(id: string): number {
  const value = Number(id);
  if (!Number.isInteger(value) || value <= 0)
    throw new BackendError('not-found', 'This item does not exist.');
  return value;
}

/** A neutral list query in SharePoint REST's OData (`substringof`, `datetime'…'`, `$select`). */
function itemQuery(query: ListQuery): ItemQuery {
  const conditions: string[] = [];
  if (query.contains) {
    conditions.push(`substringof(${odataString(query.contains.text)},${query.contains.column})`);
  }
  for (const [column, value] of Object.entries(query.equals ?? {})) {
    conditions.push(`${column} eq ${odataString(value)}`);
  }
  if (query.createdSince) conditions.push(`Created ge datetime'${query.createdSince}'`);
  // Only the keys that are set: `all` fills in its own page size under an absent `top`.
  const sharePoint: ItemQuery = {};
  if (conditions.length) sharePoint.filter = conditions.join(' and ');
  if (query.newestFirst) sharePoint.orderBy = 'Created desc';
  if (query.top) sharePoint.top = query.top;
  if (query.select) sharePoint.select = query.select;
  return sharePoint;
}

/** Community list items over SharePoint REST (`/_api/web/lists/getbytitle(…)/items`). */
export function sharePointListTransport(client: ListClient): CommunityListTransport<ListItem> {
  return {
    filtersContains: true,
    id: (item) => String(item.Id),
    text,
    created: (item) => text(item, 'Created'),
    author: (item) => {
      const author = item.Author;
      const login = author && typeof author === 'object' ? (author as { Name?: unknown }).Name : undefined;
      return typeof login === 'string' && login ? personIdFromLogin(login) : undefined;
    },
    withFields: (item, fields) => ({ ...item, ...fields }),
    page: (title, query, signal) => client.page(title, itemQuery(query), signal),
    pageAt: (link, signal) => client.pageAt(link, signal),
    all: (title, query, signal) => client.all(title, itemQuery(query), signal),
    item: (title, id, signal) => client.item(title, numericId(id), signal),
    findByKey: (title, key, signal) => client.findByKey(title, key, signal),
    create: (title, fields, key, signal, freshKey) => client.create(title, fields, key, signal, freshKey),
    update: (title, id, fields, etag, signal) =>
      client.merge(title, numericId(id), fields, etag ?? '*', signal),
    remove: (title, id, signal) => client.remove(title, numericId(id), signal),
  };
}
