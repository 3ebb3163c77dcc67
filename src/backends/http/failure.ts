import { BackendError } from '../../errors.js';
import { backoffDelay } from './backoff.js';
import type { HttpOptions } from './client.js';
import { errorFromResponse } from './error-mapping.js';
import { parseRetryAfter } from './retry-after.js';

/** Statuses worth repeating: the server was overloaded or briefly broken, not wrong about us. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * What a failed attempt means: how long to wait before the next one, or (thrown) the BackendError to give.
 * A failed response becomes an error with the server's message when it is fit for people (its body
 * read in every shape `readErrorDetail` knows) and its Retry-After. `retriesUsed` is undefined when no
 * retry is left or allowed; the backoff settings and their defaults are the `HttpOptions`'. The HTTP layer
 * loads this on the first failure (issue 18): a page whose requests succeed never downloads the error mapping.
 */
export async function afterFailure(
  failed: Response | BackendError,
  retriesUsed: number | undefined,
  options: HttpOptions,
): Promise<number> {
  const random = options.random ?? Math.random;
  const policy = { baseMs: options.backoffBaseMs ?? 300, maxMs: options.backoffMaxMs ?? 10_000 };
  let failure: BackendError;
  let retryAfterMs: number | undefined;
  if (failed instanceof BackendError) failure = failed;
  else {
    failure = await responseError(failed, (options.now ?? Date.now)());
    retryAfterMs = failure.retryAfterMs;
    if (!RETRY_STATUSES.has(failed.status)) throw failure;
  }
  if (retriesUsed === undefined) throw failure;
  if (retryAfterMs !== undefined && retryAfterMs > (options.maxRetryAfterMs ?? 60_000)) throw failure;
  const jitterMs = backoffDelay(retriesUsed, policy, random);
  // Honour the server's wait, plus a little jitter so many clients do not return in lockstep.
  return retryAfterMs !== undefined
    ? retryAfterMs + Math.floor(random() * Math.min(policy.baseMs, policy.maxMs))
    : jitterMs;
}

/** A failed response as a BackendError, with the server's message when fit for people and its Retry-After. */
export async function responseError(response: Response, now = Date.now()): Promise<BackendError> {
  const retryAfterMs = parseRetryAfter(response.headers, now);
  const body = await response.text().catch(() => '');
  return errorFromResponse(response.status, body, response.headers.get('content-type'), retryAfterMs);
}

/**
 * A successful response whose body is not the JSON asked for: a web page (a sign-in page a proxy or
 * the CMS put in between, or a wrong address), or something unreadable.
 */
export function unreadableAnswer(response: Response, text: string): BackendError {
  const contentType = response.headers.get('content-type');
  if ((contentType && /html/i.test(contentType)) || /^\s*<(!doctype|html)/i.test(text)) {
    return new BackendError(
      'server',
      'The server sent a web page instead of data. You may need to sign in again, or the address is wrong.',
      { status: response.status, code: 'unexpected-html' },
    );
  }
  let cause: unknown;
  try {
    JSON.parse(text);
  } catch (error) {
    cause = error;
  }
  return new BackendError('server', 'The server sent an answer that could not be read.', {
    status: response.status,
    code: 'malformed-response',
    cause,
  });
}

export type RareFailure = 'timeout' | 'broken-read' | 'untrusted-origin';

/** The errors of the rarer transport failures (their sentences wait here until one happens). */
export function rareError(code: RareFailure, cause?: unknown): BackendError {
  return code === 'untrusted-origin'
    ? new BackendError('invalid', 'Kring did not send a request to an origin it was not told to trust.', {
        code,
      })
    : new BackendError(
        'network',
        code === 'timeout'
          ? 'The server took too long to answer. Please try again.'
          : 'The connection broke while reading the answer.',
        code === 'timeout' ? { cause, code } : { cause },
      );
}
