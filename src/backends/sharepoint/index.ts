import type { BackendFactory } from '../registry.js';
import { requiredSetting } from '../registry.js';
import { createSharePointBackend } from './sharepoint-backend.js';

export {
  createSharePointBackend,
  PEOPLE_SOURCE_ID,
  type SharePointBackend,
  type SharePointBackendOptions,
} from './sharepoint-backend.js';
export { provisionSharePointLists, type ProvisionOptions, type ProvisionReport } from './provision.js';
export {
  DEFAULT_LIST_TITLES,
  LIST_FIELDS,
  LIST_KEYS,
  type ListKey,
  type ListTitles,
} from '../lists/schema.js';
export { ODATA_FLAVOURS, type ODataFlavour } from './odata.js';
export { htmlToText } from './html-text.js';

/**
 * Plugs into `registerBackend('sharepoint', sharePointBackendFactory)` for `backend="sharepoint" site-url="…"`.
 * No adapter-level retries under the CommunityClient, which retries reads and writes itself (see the REST
 * factory); throttled `$batch` parts are still sent again, as the client cannot retry a part.
 */
export const sharePointBackendFactory: BackendFactory = (settings) => {
  return createSharePointBackend({
    siteUrl: requiredSetting(
      settings.siteUrl,
      'site-url',
      'backend="sharepoint" needs a site-url attribute, e.g. site-url="https://contoso.sharepoint.com/sites/intranet".',
    ),
    fetch: settings.fetch,
    getToken: settings.sharepoint?.getToken,
    trustedOrigins: settings.trustedOrigins,
    retries: 0,
  });
};
