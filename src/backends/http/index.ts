/** The HTTP layer shared by the REST, SharePoint and Graph adapters. */
export {
  createHttp,
  type FetchLike,
  type HeaderRecord,
  type HeaderSource,
  type Http,
  type HttpOptions,
  type HttpRequestOptions,
  type HttpResult,
  type ParseMode,
  type QueryValue,
  type TokenProvider,
} from './client.js';
export { parseRetryAfter, parseDelayValue } from './retry-after.js';
export { backoffDelay, abortableSleep } from './backoff.js';
export {
  errorFromResponse,
  humanMessage,
  kindForStatus,
  readErrorDetail,
  type ServerErrorDetail,
} from './error-mapping.js';
export { rejectOnlyWithBackendErrors } from './guard.js';
