import { abortedError, BackendError, NETWORK_MESSAGE, toBackendError } from '../../errors.js';
import { abortableSleep } from './backoff.js';
import { AUTH_MESSAGE } from './messages.js';
import type { RareFailure } from './failure.js';
import { isTrustedUrl, normaliseOrigins, originOf } from './origins.js';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
export type HeaderRecord = Record<string, string>;
/** Static headers, or a function asked before every attempt (CSRF tokens, nonces). */
export type HeaderSource = HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);
export type TokenProvider = (options: {
  forceRefresh: boolean;
}) => string | null | undefined | Promise<string | null | undefined>;
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
/** `json` (default) parses the body, `text` returns it as a string, `none` discards it. */
export type ParseMode = 'json' | 'text' | 'none';

export interface HttpOptions {
  /** Base URL every relative path is joined to (absolute URLs such as `nextLink`s are used as given). */
  baseUrl: string;
  /** Defaults to the global `fetch`, looked up at call time (so test doubles installed later apply). */
  fetch?: FetchLike;
  headers?: HeaderSource;
  /** `same-origin` unless told otherwise; `include` for a cookie-authenticated API on another origin. */
  credentials?: RequestCredentials;
  /** Bearer token source; asked again with `forceRefresh: true` once after a 401. */
  getToken?: TokenProvider;
  /** Per attempt. Default 15 000 ms. */
  timeoutMs?: number;
  /**
   * Retries after the first attempt. Default 0: under `<kring-community>` the CommunityClient is the one
   * retry layer (a read makes at most 4 attempts in all); set it only when using an adapter on its own.
   */
  retries?: number;
  /** First backoff ceiling. Default 300 ms. */
  backoffBaseMs?: number;
  /** Backoff ceiling cap. Default 10 000 ms. */
  backoffMaxMs?: number;
  /** A server asking for a longer wait than this is not waited for: the throttled error is returned. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Header carrying the idempotency key. Default `Idempotency-Key`. */
  idempotencyHeader?: string;
  /**
   * Origins besides `baseUrl`'s that may receive requests (and with them the token, cookies and headers).
   * A request to any other origin (an absolute link in an answer) is refused before it is sent.
   */
  trustedOrigins?: readonly string[];
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface HttpRequestOptions {
  query?: Record<string, QueryValue>;
  /** Plain objects and arrays are sent as JSON; strings, Blobs, FormData… as they are. */
  body?: unknown;
  headers?: HeaderRecord;
  signal?: AbortSignal;
  /** The same key on every attempt; a write is only retried when it carries one. */
  idempotencyKey?: string;
  parse?: ParseMode;
  /** A non-GET that only reads (a batch lookup): retried like a GET. */
  safe?: boolean;
  timeoutMs?: number;
}

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  data: T;
}

export interface Http {
  readonly baseUrl: string;
  /** Sends the request (with retries) and returns the parsed body. Rejects only with a BackendError. */
  request<T>(method: string, path: string, options?: HttpRequestOptions): Promise<T>;
  /** Like `request`, but also returns the status and headers (ETags, Location). */
  send<T>(method: string, path: string, options?: HttpRequestOptions): Promise<HttpResult<T>>;
  /** The absolute or base-relative URL a path and query resolve to. */
  url(path: string, query?: Record<string, QueryValue>): string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createHttp(options: HttpOptions): Http {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = Math.max(0, options.retries ?? 0);
  const idempotencyHeader = options.idempotencyHeader ?? 'Idempotency-Key';
  const sleep = options.sleep ?? abortableSleep;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const trusted = normaliseOrigins([originOf(baseUrl), ...(options.trustedOrigins ?? [])]);

  function url(path: string, query?: Record<string, QueryValue>): string {
    const joined = /^[a-z][a-z\d+.-]*:/i.test(path)
      ? path
      : `${baseUrl}${path.startsWith('/') || path === '' ? '' : '/'}${path}`;
    const search = encodeQuery(query);
    if (!search) return joined;
    return `${joined}${joined.includes('?') ? '&' : '?'}${search}`;
  }

  async function buildHeaders(
    method: string,
    request: HttpRequestOptions,
    forceRefresh: boolean,
  ): Promise<Headers> {
    const headers = new Headers();
    headers.set('Accept', 'application/json');
    const shared = typeof options.headers === 'function' ? await options.headers() : options.headers;
    for (const [name, value] of Object.entries(shared ?? {})) headers.set(name, value);
    if (options.getToken) {
      let token: string | null | undefined;
      try {
        token = await options.getToken({ forceRefresh });
      } catch (cause) {
        throw new BackendError('auth', AUTH_MESSAGE, { cause });
      }
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    if (request.idempotencyKey) headers.set(idempotencyHeader, request.idempotencyKey);
    if (request.body !== undefined && isJsonBody(request.body) && !SAFE_METHODS.has(method)) {
      headers.set('Content-Type', 'application/json');
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    return headers;
  }

  /** One attempt: a response, or a BackendError for a network failure, timeout or cancellation. */
  async function attempt(
    method: string,
    target: string,
    headers: Headers,
    request: HttpRequestOptions,
  ): Promise<Response> {
    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs ?? timeoutMs);
    try {
      return await doFetch(target, {
        method,
        headers,
        body: encodeBody(request.body),
        credentials: options.credentials ?? 'same-origin',
        signal: controller.signal,
      });
    } catch (cause) {
      if (request.signal?.aborted) {
        throw abortedError(cause);
      }
      if (timedOut) throw await rareError('timeout', cause);
      throw new BackendError('network', NETWORK_MESSAGE, { cause });
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function send<T>(
    method: string,
    path: string,
    request: HttpRequestOptions = {},
  ): Promise<HttpResult<T>> {
    const verb = method.toUpperCase();
    const target = url(path, request.query);
    if (!isTrustedUrl(target, trusted)) {
      // A link in an answer pointing elsewhere must not carry our token, digest or CSRF header there.
      throw await rareError('untrusted-origin');
    }
    const mayRetry = SAFE_METHODS.has(verb) || request.safe === true || Boolean(request.idempotencyKey);
    let refreshedToken = false;
    let retriesUsed = 0;
    for (;;) {
      if (request.signal?.aborted) throw abortedError();
      let headers: Headers;
      try {
        headers = await buildHeaders(verb, request, refreshedToken);
      } catch (error) {
        // A CSRF token that could not be fetched, a header function that threw: still one error type.
        throw toBackendError(error);
      }
      let failed: Response | BackendError;
      try {
        const response = await attempt(verb, target, headers, request);
        if (response.status === 401 && options.getToken && !refreshedToken) {
          // The request was refused before anything happened, so repeating it is safe even for writes.
          refreshedToken = true;
          await discardBody(response);
          continue;
        }
        if (response.ok) {
          return {
            status: response.status,
            headers: response.headers,
            data: await readBody<T>(response, request.parse),
          };
        }
        failed = response;
      } catch (error) {
        if (!(error instanceof BackendError)) throw toBackendError(error);
        if (error.kind !== 'network') throw error;
        failed = error;
      }
      const retryLeft = mayRetry && retriesUsed < retries;
      // A network failure with no retry left is the answer; anything else is read by the failure code.
      if (failed instanceof BackendError && !retryLeft) throw failed;
      const waitMs = await (
        await failureCode(failed)
      ).afterFailure(failed, retryLeft ? retriesUsed : undefined, options);
      retriesUsed += 1;
      try {
        await sleep(waitMs, request.signal);
      } catch (cause) {
        throw abortedError(cause);
      }
    }
  }

  async function request<T>(method: string, path: string, options?: HttpRequestOptions): Promise<T> {
    return (await send<T>(method, path, options)).data;
  }

  return { baseUrl, request, send, url };
}

/**
 * The code that reads failed responses and decides on retries (`failure.ts`), loaded on the first failure.
 * If it cannot be loaded (the connection is gone), the failure is a network error.
 */
function failureCode(failed?: Response | BackendError) {
  return import('./failure.js').catch((cause: unknown) => {
    throw new BackendError('network', NETWORK_MESSAGE, {
      cause,
      status: failed?.status,
    });
  });
}

/**
 * The error for a rarer transport failure (a timeout, an answer that broke off, a link to an untrusted
 * origin), whose sentences load with the failure code; a network error if that cannot be loaded.
 */
async function rareError(code: RareFailure, cause?: unknown): Promise<BackendError> {
  return (await failureCode()).rareError(code, cause);
}

function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // Lists travel comma-joined (`ids=a,b,c`): short, and what the REST contract documents.
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/**
 * Plain objects, arrays, numbers and booleans travel as JSON; what `fetch` sends as it is (Blob, FormData,
 * URLSearchParams, buffers, streams: each has its own `Symbol.toStringTag`) is passed through.
 */
function isJsonBody(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return typeof body === 'number' || typeof body === 'boolean';
  return Array.isArray(body) || Object.prototype.toString.call(body) === '[object Object]';
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (isJsonBody(body)) return JSON.stringify(body);
  return body as BodyInit;
}

async function readBody<T>(response: Response, parse: ParseMode = 'json'): Promise<T> {
  if (parse === 'none') {
    await discardBody(response);
    return undefined as T;
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw await rareError('broken-read', cause);
  }
  if (parse === 'text') return text as T;
  if (text.trim() === '') return undefined as T;
  try {
    if (!/html/i.test(response.headers.get('content-type') ?? '')) return JSON.parse(text) as T;
  } catch {
    // Neither JSON nor empty: the failure code says what it is instead.
  }
  throw (await failureCode(response)).unreadableAnswer(response, text);
}

async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to clean up.
  }
}
