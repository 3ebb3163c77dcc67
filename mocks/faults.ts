/**
 * Fault handlers for msw 2, shared by tests and Storybook: put one in front of the normal handlers
 * (`worker.use(faults.throttled('/api/kring/kudos', { retryAfter: '2' }))`) to make that route misbehave.
 * With `times`, the fault answers that many requests and then lets the next handler answer.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';

export interface FaultOptions {
  /** `get`, `post`… or `all` (default). */
  method?: 'all' | 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** How many requests to spoil before behaving; unlimited by default. */
  times?: number;
}

export interface ThrottleOptions extends FaultOptions {
  /** `Retry-After` value: seconds (`"2"`, `"0.5"`) or an HTTP date. */
  retryAfter?: string;
  /** `RateLimit-Reset` in seconds. */
  rateLimitReset?: string;
}

type Reply = () => Response | Promise<Response>;

function fault(path: string, options: FaultOptions, reply: Reply): HttpHandler {
  let served = 0;
  return http[options.method ?? 'all'](path, async () => {
    if (options.times !== undefined && served >= options.times) return undefined;
    served += 1;
    return reply();
  });
}

function throttleHeaders(options: ThrottleOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.retryAfter !== undefined) headers['Retry-After'] = options.retryAfter;
  if (options.rateLimitReset !== undefined) headers['RateLimit-Reset'] = options.rateLimitReset;
  return headers;
}

export const faults = {
  /** 500 with a contract error body. */
  serverError: (path: string, options: FaultOptions = {}) =>
    fault(path, options, () =>
      HttpResponse.json({ code: 'server.error', message: 'Something broke on the server.' }, { status: 500 }),
    ),
  /** 503 "server busy", with Retry-After when given. */
  unavailable: (path: string, options: ThrottleOptions = {}) =>
    fault(path, options, () =>
      HttpResponse.json(
        { code: 'server.busy', message: 'The server is busy.' },
        { status: 503, headers: throttleHeaders(options) },
      ),
    ),
  /** 429 with Retry-After (default one second). */
  throttled: (path: string, options: ThrottleOptions = {}) =>
    fault(path, options, () =>
      HttpResponse.json(
        { code: 'throttled', message: 'Too many requests.' },
        { status: 429, headers: throttleHeaders({ retryAfter: '1', ...options }) },
      ),
    ),
  /** Never answers: the client's timeout must fire. */
  timeout: (path: string, options: FaultOptions = {}) =>
    fault(path, options, async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 204 });
    }),
  /** 200 with a body that is not JSON. */
  malformedJson: (path: string, options: FaultOptions = {}) =>
    fault(
      path,
      options,
      () =>
        new HttpResponse('{"items": [{"id": "k1", ', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    ),
  /** A proxy's HTML error page. */
  htmlError: (path: string, options: FaultOptions & { status?: number } = {}) =>
    fault(
      path,
      options,
      () =>
        new HttpResponse(
          '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><hr><address>nginx</address></body></html>',
          { status: options.status ?? 502, headers: { 'Content-Type': 'text/html' } },
        ),
    ),
  /** A network failure: `fetch` rejects with a TypeError. */
  offline: (path: string, options: FaultOptions = {}) => fault(path, options, () => HttpResponse.error()),
};

export type FaultName = keyof typeof faults;
