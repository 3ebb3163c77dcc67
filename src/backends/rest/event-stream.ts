import type { LiveEvent } from '../backend.js';
import { BackendError } from '../errors.js';
import type { FetchLike, HeaderRecord, TokenProvider } from '../http/client.js';

/** Statuses meaning "this server has no event stream": the client does not ask again. */
const NOT_OFFERED = new Set([204, 404, 405, 501]);

export interface EventStreamRequest {
  url: string;
  /** Default: the global `fetch`, looked up at call time. */
  fetch?: FetchLike;
  /** Default: `same-origin`. */
  credentials?: RequestCredentials;
  headers: () => Promise<HeaderRecord>;
  getToken?: TokenProvider;
  lastEventId?: string;
  signal: AbortSignal;
  onEvent: (event: LiveEvent) => void;
}

/**
 * Reads a `text/event-stream` with `fetch` (not `EventSource`, which can send neither a bearer token
 * nor a CSRF header), calling `onEvent` per event. Resolves when the server ends the stream, `false`
 * when it offers none; rejects with a BackendError otherwise. A 401 asks the token provider for a
 * fresh token once.
 */
export async function readEventStream(request: EventStreamRequest): Promise<boolean | void> {
  let response: Response | undefined;
  for (const forceRefresh of [false, true]) {
    const headers: HeaderRecord = { ...(await request.headers()), Accept: 'text/event-stream' };
    if (request.lastEventId) headers['Last-Event-ID'] = request.lastEventId;
    if (request.getToken) {
      const token = await request.getToken({ forceRefresh });
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    try {
      response = await (request.fetch ?? globalThis.fetch)(request.url, {
        method: 'GET',
        headers,
        credentials: request.credentials ?? 'same-origin',
        cache: 'no-store',
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal.aborted) throw new BackendError('aborted', 'The live updates were stopped.');
      throw new BackendError('network', 'The live updates could not connect.', { cause: error });
    }
    if (response.status !== 401 || !request.getToken || forceRefresh) break;
  }
  if (!response) return false;
  if (NOT_OFFERED.has(response.status)) return false;
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.startsWith('text/event-stream') || !response.body) {
    if (response.ok) return false;
    // The error mapping loads with the HTTP layer's failure code, on the first failure.
    throw await (await import('../http/failure.js')).responseError(response);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | undefined;
  let eventType = '';
  let data: string[] = [];
  const dispatch = () => {
    if (data.length || eventType) {
      let parsed: unknown = null;
      try {
        parsed = data.length ? JSON.parse(data.join('\n')) : null;
      } catch {
        parsed = null;
      }
      request.onEvent({ id, type: eventType || 'message', data: parsed });
    }
    eventType = '';
    data = [];
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') dispatch();
        else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') id = text;
          else if (field === 'event') eventType = text;
          else if (field === 'data') data.push(text);
        }
      }
    }
  } catch (error) {
    if (request.signal.aborted) throw new BackendError('aborted', 'The live updates were stopped.');
    throw new BackendError('network', 'The live updates were interrupted.', { cause: error });
  }
}
