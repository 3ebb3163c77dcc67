/**
 * Kudos, reactions, invitations, endorsements, ambassadors, badges and activity kept in SharePoint lists
 * read and written through Microsoft Graph. The lists, columns and values are the SharePoint adapter's
 * (`src/backends/lists/schema.ts`), so one tenant can use both adapters on the same lists; the logic
 * is shared (`src/backends/lists/`), this module only supplies the Graph transport.
 */
import { createListCommunity, type ListCommunity, type ListCommunityOptions } from '../lists/community.js';
import { kudosAndInviteSettings, type ListAdapterSettings } from '../lists/settings.js';
import type { CommunityListTransport, ListQuery } from '../lists/transport.js';
import { createdAt, field, type GraphItemQuery, type GraphListClient, type GraphListItem } from './lists.js';

/** The Backend methods the community lists answer, plus the endorsement counts and members. */
export type CommunityMethods = ListCommunity;

/**
 * The shared options, with the Graph list client in place of a transport, and the adapter's own settings
 * for kudos values and invitation links (defaulted here, so a page of cards never loads them).
 */
export type CommunityOptions = Omit<
  ListCommunityOptions<GraphListItem>,
  'lists' | 'kudosValues' | 'inviteUrl'
> & {
  lists: GraphListClient;
  kudosValues?: ListAdapterSettings['kudosValues'];
  inviteUrl?: ListAdapterSettings['inviteUrl'];
};

/**
 * Graph filters list columns on equality only (`fields/X eq '…'`): `contains` is left to the caller,
 * and `createdSince` and `select` are hints it does without.
 */
function graphQuery(query: ListQuery): GraphItemQuery {
  // Only the keys that are set: `all` fills in its own page size under an absent `top`.
  const graph: GraphItemQuery = {};
  if (query.equals) graph.equals = query.equals;
  if (query.newestFirst) graph.orderBy = 'fields/Created desc';
  if (query.top) graph.top = query.top;
  return graph;
}

/** Community list items over `/v1.0/sites/{site-id}/lists/{list}/items`. */
export function graphListTransport(client: GraphListClient): CommunityListTransport<GraphListItem> {
  return {
    filtersContains: false,
    id: (item) => item.id,
    text: field,
    created: createdAt,
    author: (item) => {
      const user = item.createdBy?.user;
      const id = user?.email ?? user?.userPrincipalName;
      return typeof id === 'string' && id ? id.toLowerCase() : undefined;
    },
    withFields: (item, fields) => ({ ...item, fields: { ...item.fields, ...fields } }),
    page: (title, query, signal) => client.page(title, graphQuery(query), signal),
    pageAt: (link, signal) => client.pageAt(link, signal),
    all: (title, query, signal) => client.all(title, graphQuery(query), signal),
    item: async (title, id, signal) => {
      const item = await client.item(title, id, signal);
      return { item, etag: item.eTag };
    },
    findByKey: (title, key, signal) => client.findByKey(title, key, signal),
    create: (title, fields, key, signal, freshKey) => client.create(title, fields, key, signal, freshKey),
    update: (title, id, fields, etag, signal) => client.update(title, id, fields, etag, signal),
    remove: (title, id, signal) => client.remove(title, id, signal),
  };
}

export function createCommunity(options: CommunityOptions): CommunityMethods {
  const shared: ListCommunityOptions<GraphListItem> = {
    ...options,
    lists: graphListTransport(options.lists),
    // Without a page address (outside a browser) the invitation link is relative: `?invite=<token>`.
    ...kudosAndInviteSettings(options, ''),
  };
  return createListCommunity(shared);
}
