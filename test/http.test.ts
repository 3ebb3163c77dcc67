import { expect } from '@open-wc/testing';
import {
  backoffDelay,
  createHttp,
  rejectOnlyWithBackendErrors,
  parseRetryAfter,
  readErrorDetail,
  type FetchLike,
} from '../src/backends/http/index.js';
import { newIdempotencyKey } from '../src/idempotency-key.js';
import { rejection, recordingSleep } from './helpers/assertions.js';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body?: string;
}

type Reply = Response | Error | (() => Response | Error | Promise<Response>);

/** A fetch double that answers from a script and records every call. */
function scriptedFetch(...replies: Reply[]) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const next = replies.length > 1 ? replies.shift()! : replies[0];
    const reply = typeof next === 'function' ? await next() : next;
    if (reply instanceof Error) throw reply;
    return reply.clone();
  };
  return { fetch, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

describe('http: parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T20:00:00Z');
  it('reads whole and fractional seconds', () => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': '3' }), now)).to.equal(3000);
    expect(parseRetryAfter(new Headers({ 'Retry-After': '2.128' }), now)).to.equal(2128);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': 'Thu, 26 Nov 2026 20:00:07 GMT' }), now)).to.equal(
      7000,
    );
    expect(parseRetryAfter(new Headers({ 'Retry-After': 'Thu, 26 Nov 2026 19:00:00 GMT' }), now)).to.equal(0);
  });
  it('takes the greater of Retry-After and RateLimit-Reset', () => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': '2', 'RateLimit-Reset': '5' }), now)).to.equal(5000);
    expect(parseRetryAfter(new Headers({ 'Retry-After': '9', 'RateLimit-Reset': '5' }), now)).to.equal(9000);
    expect(parseRetryAfter(new Headers({ 'RateLimit-Reset': '4' }), now)).to.equal(4000);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(new Headers(), now)).to.equal(undefined);
    expect(parseRetryAfter(new Headers({ 'Retry-After': 'soon-ish' }), now)).to.equal(undefined);
    expect(parseRetryAfter(new Headers({ 'Retry-After': '-5' }), now)).to.equal(undefined);
  });
});

describe('http: backoff', () => {
  it('uses full jitter below an exponential ceiling with a cap', () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1000 }, () => 0.5)).to.equal(50);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1000 }, () => 0.999)).to.equal(799);
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1000 }, () => 0.999)).to.equal(999);
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1000 }, () => 0)).to.equal(0);
  });
});

describe('http: error bodies', () => {
  it('reads the REST, SharePoint light, verbose, v4 and OAuth shapes', () => {
    expect(
      readErrorDetail('{"code":"kudos.limit","message":"Daily limit reached"}', 'application/json'),
    ).to.deep.equal({
      code: 'kudos.limit',
      message: 'Daily limit reached',
    });
    expect(
      readErrorDetail(
        '{"odata.error":{"code":"-1, SPException","message":{"lang":"en-US","value":"List missing"}}}',
        null,
      ),
    ).to.deep.equal({ code: '-1, SPException', message: 'List missing' });
    expect(
      readErrorDetail('{"error":{"code":"-2","message":{"lang":"en-US","value":"Verbose"}}}', null),
    ).to.deep.equal({
      code: '-2',
      message: 'Verbose',
    });
    expect(readErrorDetail('{"error":{"code":"TooManyRequests","message":"Slow down"}}', null)).to.deep.equal(
      {
        code: 'TooManyRequests',
        message: 'Slow down',
      },
    );
    expect(readErrorDetail('{"error":"invalid_token","error_description":"Expired"}', null)).to.deep.equal({
      code: 'invalid_token',
      message: 'Expired',
    });
  });
  it('takes the title of an HTML page and tolerates garbage', () => {
    expect(
      readErrorDetail('<!DOCTYPE html><html><head><title> 502  Bad Gateway</title>', 'text/html'),
    ).to.deep.equal({
      message: '502 Bad Gateway',
    });
    expect(readErrorDetail('{"code": "x", oops', 'application/json')).to.deep.equal({});
  });
});

describe('http: createHttp', () => {
  it('joins base URL, path and query, and passes absolute URLs through', async () => {
    const { fetch, calls } = scriptedFetch(json({ ok: 1 }));
    const http = createHttp({ baseUrl: 'https://x.test/api/kring/', fetch });
    const data = await http.request<{ ok: number }>('GET', '/people', {
      query: { ids: ['a', 'b'], limit: 5, skip: undefined },
    });
    expect(data).to.deep.equal({ ok: 1 });
    expect(calls[0].url).to.equal('https://x.test/api/kring/people?ids=a%2Cb&limit=5');
    await http.request('GET', 'https://x.test/api/kring/people?cursor=abc');
    expect(calls[1].url).to.equal('https://x.test/api/kring/people?cursor=abc');
  });

  it('sends JSON bodies, shared headers from a function, a bearer token and the idempotency key', async () => {
    const { fetch, calls } = scriptedFetch(json({ id: 'k1' }, 201));
    const http = createHttp({
      baseUrl: '/api',
      fetch,
      headers: async () => ({ 'X-WP-Nonce': 'n0nce' }),
      getToken: () => 'tok-1',
    });
    const result = await http.send('POST', '/kudos', { body: { message: 'hi' }, idempotencyKey: 'key-1' });
    expect(result.status).to.equal(201);
    expect(calls[0].body).to.equal('{"message":"hi"}');
    expect(calls[0].headers.get('content-type')).to.equal('application/json');
    expect(calls[0].headers.get('x-wp-nonce')).to.equal('n0nce');
    expect(calls[0].headers.get('authorization')).to.equal('Bearer tok-1');
    expect(calls[0].headers.get('idempotency-key')).to.equal('key-1');
  });

  it('sends plain objects and arrays as JSON, and Blobs, forms, buffers and streams as they are', async () => {
    const sent: { body: unknown; type: string | null }[] = [];
    const fetch: FetchLike = async (_input, init) => {
      sent.push({ body: init?.body, type: new Headers(init?.headers).get('content-type') });
      return new Response(null, { status: 204 });
    };
    const http = createHttp({ baseUrl: '/api', fetch });
    class Input {
      message = 'hi';
    }
    const jsonBodies = [{ message: 'hi' }, [1, 2], new Input(), Object.create(null) as object];
    for (const body of jsonBodies) await http.send('POST', '/x', { body, parse: 'none' });
    expect(sent.map((call) => [call.body, call.type])).to.deep.equal([
      ['{"message":"hi"}', 'application/json'],
      ['[1,2]', 'application/json'],
      ['{"message":"hi"}', 'application/json'],
      ['{}', 'application/json'],
    ]);
    sent.length = 0;
    const raw = [
      new Blob(['photo']),
      new FormData(),
      new URLSearchParams('a=1'),
      new ArrayBuffer(2),
      new Uint8Array(2),
      new ReadableStream(),
    ];
    for (const body of raw) await http.send('PUT', '/x', { body, parse: 'none' });
    expect(sent.map((call) => call.body)).to.deep.equal(raw);
    expect(sent.map((call) => call.type)).to.deep.equal(raw.map(() => null));
  });

  it('sends nothing, token and CSRF header included, to an origin it was not told to trust', async () => {
    const { fetch, calls } = scriptedFetch(json({ ok: 1 }));
    const http = createHttp({
      baseUrl: '/api',
      fetch,
      headers: () => ({ 'X-WP-Nonce': 'n0nce' }),
      getToken: () => 'tok-1',
    });
    const refused = await rejection(http.request('GET', 'https://other.example/x/me'));
    expect(refused).to.include({ kind: 'invalid', code: 'untrusted-origin' });
    expect(await rejection(http.request('GET', 'javascript:alert(1)'))).to.include({ kind: 'invalid' });
    expect(calls, 'no request left the page').to.have.length(0);
    await http.request('GET', `${location.origin}/api/next?page=2`);
    expect(calls[0].headers.get('authorization')).to.equal('Bearer tok-1');
    const widened = createHttp({ baseUrl: '/api', fetch, trustedOrigins: ['https://other.example/'] });
    await widened.request('GET', 'https://other.example/x/me');
    expect(calls[1].url).to.equal('https://other.example/x/me');
  });

  it('rejects with a BackendError when the header function fails', async () => {
    const { fetch, calls } = scriptedFetch(json({}));
    const http = createHttp({
      baseUrl: '/api',
      fetch,
      headers: async () => {
        throw new TypeError('Failed to fetch /session/token');
      },
    });
    const error = await rejection(http.request('GET', '/x'));
    expect(error.kind).to.equal('network');
    expect(calls).to.have.length(0);
  });

  it('retries a read on 503 and honours Retry-After in seconds', async () => {
    const { fetch, calls } = scriptedFetch(json({}, 503, { 'Retry-After': '2' }), json({ ok: true }));
    const { waits, sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep, retries: 3, random: () => 0 });
    expect(await http.request('GET', '/people')).to.deep.equal({ ok: true });
    expect(calls).to.have.length(2);
    expect(waits).to.deep.equal([2000]);
  });

  it('honours Retry-After given as an HTTP date on a 429', async () => {
    const now = Date.parse('2026-11-26T20:00:00Z');
    const { fetch, calls } = scriptedFetch(
      json({ code: 'throttled' }, 429, { 'Retry-After': 'Thu, 26 Nov 2026 20:00:04 GMT' }),
      json([1]),
    );
    const { waits, sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep, retries: 3, random: () => 0, now: () => now });
    expect(await http.request('GET', '/x')).to.deep.equal([1]);
    expect(calls).to.have.length(2);
    expect(waits).to.deep.equal([4000]);
  });

  it('backs off with jitter on 500/504 and network errors, then gives up after the retry budget', async () => {
    const { fetch, calls } = scriptedFetch(
      json({}, 500),
      json({}, 504),
      new TypeError('Failed to fetch'),
      json({}, 500),
    );
    const { waits, sleep } = recordingSleep();
    const http = createHttp({
      baseUrl: '/api',
      fetch,
      sleep,
      random: () => 0.5,
      backoffBaseMs: 100,
      retries: 3,
    });
    const error = await rejection(http.request('GET', '/x'));
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(500);
    expect(calls, 'one try plus three retries, no storm').to.have.length(4);
    expect(waits).to.deep.equal([50, 100, 200]);
  });

  it('does not wait for a Retry-After above the cap but reports it', async () => {
    const { fetch, calls } = scriptedFetch(json({}, 429, { 'Retry-After': '3600' }));
    const { waits, sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep });
    const error = await rejection(http.request('GET', '/x'));
    expect(error.kind).to.equal('throttled');
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(error.transient).to.equal(true);
    expect(calls).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('never retries a write without an idempotency key', async () => {
    const { fetch, calls } = scriptedFetch(json({}, 503, { 'Retry-After': '1' }), json({ ok: 1 }));
    const { sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep });
    const error = await rejection(http.request('POST', '/kudos', { body: { message: 'x' } }));
    expect(error.kind).to.equal('throttled');
    expect(calls).to.have.length(1);
  });

  it('retries a write with its idempotency key, the same key every attempt', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('offline'), json({}, 502), json({ id: 'k' }, 201));
    const { sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep, retries: 3, random: () => 0 });
    expect(await http.request('POST', '/kudos', { body: {}, idempotencyKey: 'same-key' })).to.deep.equal({
      id: 'k',
    });
    expect(calls.map((call) => call.headers.get('idempotency-key'))).to.deep.equal([
      'same-key',
      'same-key',
      'same-key',
    ]);
  });

  it('retries a POST marked safe like a read', async () => {
    const { fetch, calls } = scriptedFetch(json({}, 503), json({ people: [] }));
    const { sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep, retries: 3, random: () => 0 });
    await http.request('POST', '/people/batch', { body: { ids: [] }, safe: true });
    expect(calls).to.have.length(2);
  });

  it('refreshes the token once on 401 and retries once', async () => {
    const { fetch, calls } = scriptedFetch(json({}, 401), json({ ok: 1 }));
    const asked: boolean[] = [];
    const http = createHttp({
      baseUrl: '/api',
      fetch,
      getToken: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    });
    expect(await http.request('POST', '/kudos', { body: {} })).to.deep.equal({ ok: 1 });
    expect(asked).to.deep.equal([false, true]);
    expect(calls.map((call) => call.headers.get('authorization'))).to.deep.equal([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it('gives up with an auth error when the refreshed token is refused too', async () => {
    const { fetch, calls } = scriptedFetch(json({ code: 'auth', message: 'Token expired' }, 401));
    let asks = 0;
    const http = createHttp({ baseUrl: '/api', fetch, getToken: () => `t${++asks}` });
    const error = await rejection(http.request('GET', '/me'));
    expect(error.kind).to.equal('auth');
    expect(error.message).to.equal('Token expired');
    expect(calls).to.have.length(2);
    expect(asks).to.equal(2);
  });

  it('maps statuses and body shapes to typed errors with human messages', async () => {
    const cases: [Response, string, string | undefined][] = [
      [json({ code: 'invalid.message', message: 'Message is empty' }, 422), 'invalid', 'invalid.message'],
      [
        json({ 'odata.error': { code: '-1, x', message: { value: 'Access denied.' } } }, 403),
        'forbidden',
        '-1, x',
      ],
      [json({ error: { code: 'itemNotFound', message: 'Not here' } }, 404), 'not-found', 'itemNotFound'],
      [json({}, 412), 'conflict', undefined],
      [json({}, 409), 'conflict', undefined],
    ];
    for (const [response, kind, code] of cases) {
      const http = createHttp({ baseUrl: '/api', fetch: scriptedFetch(response).fetch });
      const error = await rejection(http.request('GET', '/x'));
      expect(error.kind).to.equal(kind);
      expect(error.code).to.equal(code);
      expect(error.message).to.be.a('string').and.not.equal('');
    }
  });

  it('turns an HTML error page into a server error without leaking markup', async () => {
    const page = new Response(
      '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Oops',
      {
        status: 500,
        headers: { 'Content-Type': 'text/html' },
      },
    );
    const http = createHttp({ baseUrl: '/api', fetch: scriptedFetch(page).fetch, retries: 0 });
    const error = await rejection(http.request('GET', '/x'));
    expect(error.kind).to.equal('server');
    expect(error.message).to.equal('Service Unavailable');
  });

  it('turns an HTML page on a 200 and malformed JSON into typed errors', async () => {
    const login = new Response('<html><body>Sign in</body></html>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
    const html = await rejection(
      createHttp({ baseUrl: '/api', fetch: scriptedFetch(login).fetch }).request('GET', '/x'),
    );
    expect(html.code).to.equal('unexpected-html');
    const broken = new Response('{"items": [', {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    const malformed = await rejection(
      createHttp({ baseUrl: '/api', fetch: scriptedFetch(broken).fetch }).request('GET', '/x'),
    );
    expect(malformed.kind).to.equal('server');
    expect(malformed.code).to.equal('malformed-response');
  });

  it('times out a hanging request with AbortController and retries reads', async () => {
    let attempts = 0;
    const fetch: FetchLike = (_input, init) => {
      attempts += 1;
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const { sleep } = recordingSleep();
    const http = createHttp({ baseUrl: '/api', fetch, sleep, timeoutMs: 5, retries: 1 });
    const error = await rejection(http.request('GET', '/x'));
    expect(error.kind).to.equal('network');
    expect(error.code).to.equal('timeout');
    expect(attempts).to.equal(2);
  });

  it('stops at once when the caller aborts, with no retry', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const fetch: FetchLike = (_input, init) => {
      attempts += 1;
      queueMicrotask(() => controller.abort());
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const http = createHttp({ baseUrl: '/api', fetch });
    const error = await rejection(http.request('GET', '/x', { signal: controller.signal }));
    expect(error.kind).to.equal('aborted');
    expect(attempts).to.equal(1);
  });

  it('returns undefined for 204 and honours parse modes', async () => {
    const http = createHttp({
      baseUrl: '/api',
      fetch: scriptedFetch(new Response(null, { status: 204, headers: { ETag: '"2"' } })).fetch,
    });
    const result = await http.send('POST', '/items(1)', { body: {} });
    expect(result.status).to.equal(204);
    expect(result.data).to.equal(undefined);
    expect(result.headers.get('etag')).to.equal('"2"');
    const text = createHttp({ baseUrl: '/api', fetch: scriptedFetch(new Response('plain')).fetch });
    expect(await text.request('GET', '/t', { parse: 'text' })).to.equal('plain');
  });
});

describe('http: rejectOnlyWithBackendErrors', () => {
  it('turns any rejection into a BackendError and leaves the rest alone', async () => {
    const adapter = rejectOnlyWithBackendErrors({
      name: 'x',
      broken: async () => {
        throw new TypeError('oops');
      },
      fine: async () => 42,
      sync: () => true,
    });
    expect(adapter.name).to.equal('x');
    expect(adapter.sync()).to.equal(true);
    expect(await adapter.fine()).to.equal(42);
    const error = await rejection(adapter.broken());
    expect(error.kind).to.equal('network');
  });
});

describe('newIdempotencyKey', () => {
  it('makes version-4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).to.match(v4);
    const own = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = Array.from({ length: 20 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).to.match(v4);
      expect(new Set(keys).size).to.equal(20);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', own);
    }
  });
});
