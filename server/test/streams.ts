/** Reading `GET /events` as a client does: a real HTTP connection, events parsed as they arrive. */
import { request, type IncomingMessage } from 'node:http';

export interface LiveEvent {
  id: string;
  event: string;
  data: any;
}

export interface EventStream {
  status: number;
  headers: IncomingMessage['headers'];
  events: LiveEvent[];
  /** Resolves with the first event (after those already taken) that matches, or rejects after `ms`. */
  next(match?: (event: LiveEvent) => boolean, ms?: number): Promise<LiveEvent>;
  close(): void;
}

/**
 * Opens the stream as `as` (dev sign-in) on the server at `base` (e.g. http://127.0.0.1:1234); resolves
 * once the server says the stream is attached (`ready`).
 */
export function openStream(
  base: string,
  as: string,
  options: { lastEventId?: string; prefix?: string } = {},
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'text/event-stream', 'x-kring-dev-user': as };
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    const req = request(`${base}${options.prefix ?? '/api/kring'}/events`, { headers }, (response) => {
      const events: LiveEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let taken = 0;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (!line || line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
          }
          if (fields.event)
            events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? 'null') });
        }
        for (const wake of [...waiters]) wake();
      });
      const stream: EventStream = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        next(match = () => true, ms = 5_000) {
          return new Promise((done, fail) => {
            const look = () => {
              for (let index = taken; index < events.length; index++) {
                if (match(events[index])) {
                  taken = index + 1;
                  waiters.delete(look);
                  clearTimeout(timer);
                  done(events[index]);
                  return;
                }
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(look);
              fail(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`));
            }, ms);
            waiters.add(look);
            look();
          });
        },
        close: () => req.destroy(),
      };
      // Attached once `ready` came: what is written from then on reaches this stream.
      if (response.statusCode !== 200) return resolve(stream);
      const attached = () => {
        if (!events.some((event) => event.event === 'ready')) return;
        waiters.delete(attached);
        resolve(stream);
      };
      waiters.add(attached);
      attached();
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}
