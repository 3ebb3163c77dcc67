import { isBackendError } from '../../errors.js';
import { createHttp, type FetchLike, type TokenProvider } from '../http/index.js';
import { DigestCache } from './digest.js';
import { ListClient } from './lists.js';
import { flavourHeaders, type ODataFlavour } from './odata.js';
import {
  DEFAULT_LIST_TITLES,
  FIELD_TYPE,
  LIST_FIELDS,
  LIST_KEYS,
  OWN_ITEMS_ONLY,
  type ListTitles,
} from '../lists/schema.js';

export interface ProvisionOptions {
  siteUrl: string;
  fetch?: FetchLike;
  lists?: Partial<ListTitles>;
  odata?: ODataFlavour;
  getToken?: TokenProvider;
}

export interface ProvisionReport {
  createdLists: string[];
  createdFields: string[];
  /** Lists set to item-level permissions (each person reads and edits only their own items). */
  ownItemsOnly: string[];
}

/**
 * Creates Kring's lists and their columns where missing (needs Manage Lists on the site), and sets
 * item-level permissions on the lists in `OWN_ITEMS_ONLY`. Safe to run again: existing lists and columns
 * are left as they are; the permissions are set every time.
 */
export async function provisionSharePointLists(options: ProvisionOptions): Promise<ProvisionReport> {
  const flavour = options.odata ?? 'nometadata';
  const siteUrl = new URL(options.siteUrl, globalThis.location?.href).href.replace(/\/+$/, '');
  const http = createHttp({ baseUrl: siteUrl, fetch: options.fetch, getToken: options.getToken });
  const digest = new DigestCache(http, flavour, Date.now);
  const lists = new ListClient({
    http,
    flavour,
    digest,
    usesBearer: Boolean(options.getToken),
    sleep: async () => undefined,
    random: Math.random,
  });
  const titles: ListTitles = { ...DEFAULT_LIST_TITLES, ...options.lists };
  const report: ProvisionReport = { createdLists: [], createdFields: [], ownItemsOnly: [] };
  const typed = (type: string, body: Record<string, unknown>) => {
    if (flavour === 'verbose') return { __metadata: { type }, ...body };
    if (flavour === 'v4') return { '@odata.type': `#${type}`, ...body };
    return body;
  };
  const exists = async (path: string) => {
    try {
      await http.request('GET', path, { headers: flavourHeaders(flavour) });
      return true;
    } catch (error) {
      if (isBackendError(error) && error.kind === 'not-found') return false;
      throw error;
    }
  };

  for (const key of LIST_KEYS) {
    const title = titles[key];
    const listPath = lists.listPath(title);
    if (!(await exists(`${listPath}?$select=Id`))) {
      await lists.write('POST', '/_api/web/lists', {
        body: typed('SP.List', {
          Title: title,
          BaseTemplate: 100,
          Description: 'Kring community data. Do not edit by hand.',
          AllowContentTypes: false,
        }),
      });
      report.createdLists.push(title);
    }
    for (const field of LIST_FIELDS[key]) {
      const fieldPath = `${listPath}/fields/getbyinternalnameortitle('${field.name}')`;
      if (await exists(`${fieldPath}?$select=Id`)) continue;
      await lists.write('POST', `${listPath}/fields`, {
        body: typed('SP.Field', {
          Title: field.name,
          FieldTypeKind: FIELD_TYPE[field.type],
          Description: field.description,
          Indexed: field.indexed === true,
        }),
      });
      report.createdFields.push(`${title}/${field.name}`);
    }
    if (OWN_ITEMS_ONLY.includes(key)) {
      await lists.writeWithHeaders('POST', listPath, {
        body: typed('SP.List', { ReadSecurity: 2, WriteSecurity: 2 }),
        headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      });
      report.ownItemsOnly.push(title);
    }
  }
  return report;
}
