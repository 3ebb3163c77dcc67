/**
 * The reader of `live_events` in one server instance, and the `GET /events` streams it feeds. Woken
 * by NOTIFY (LISTEN on PostgreSQL, in-process on PGlite) and, as a safety net, every few seconds; it
 * reads each new event once and sends it to the streams whose person may see it. Everything a stream
 * needs to resume is in the table, so a client may reconnect to any instance, or after a restart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kudos } from '../../../src/model.js';
import type { User } from '../domain/context.js';
import type { Db } from '../store/db.js';
import { LIVE_CHANNEL, type LiveTopic, type StoredKudos } from './events.js';

export interface LiveRow {
  id: number;
  topic: LiveTopic;
  audience: string[] | null;
  data: unknown;
}

export interface LiveHubOptions {
  /** Safety-net poll, ms (a notification lost while the listening connection was re-opened). Default 5 000. */
  pollMs?: number;
  /** Comment line keeping proxies from closing an idle stream, ms. Default 25 000. */
  heartbeatMs?: number;
  /** Events are kept this long for resuming, ms. Default KRING_LIVE_RETENTION_HOURS, else 24 hours. */
  retentionMs?: number;
  /** Most events replayed on a resume; beyond that the client is told to reload (`reset`). Default 1 000. */
  maxReplay?: number;
}

interface Stream {
  user: User;
  /** The last id sent to this stream. */
  sent: number;
  write(text: string): void;
  end(): void;
}

const READ_BATCH = 500;

/** Whether `viewerId` may see the event. */
export function visibleTo(row: Pick<LiveRow, 'audience'>, viewerId: string): boolean {
  return row.audience === null || row.audience.includes(viewerId);
}

/** The event as `viewerId` gets it: a kudos with their own `reactedByMe`. */
export function eventData(row: LiveRow, viewerId: string): unknown {
  if (row.topic !== 'kudos' && row.topic !== 'reaction') return row.data;
  const { kudos, reactors } = row.data as StoredKudos;
  const personal: Kudos = {
    ...kudos,
    reactions: kudos.reactions.map((item) => ({
      ...item,
      reactedByMe: reactors[item.type]?.includes(viewerId) ?? false,
    })),
  };
  return { kudos: personal };
}

function frame(row: LiveRow, viewerId: string): string {
  return `id: ${row.id}\nevent: ${row.topic}\ndata: ${JSON.stringify(eventData(row, viewerId))}\n\n`;
}

export function createLiveHub(db: Db, options: LiveHubOptions = {}) {
  const pollMs = options.pollMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const retentionMs = options.retentionMs ?? Number(process.env.KRING_LIVE_RETENTION_HOURS || 24) * 3_600_000;
  const maxReplay = options.maxReplay ?? 1_000;
  const streams = new Set<Stream>();
  /** The last id read from the table (every stream has been sent everything up to it it may see). */
  let lastId = -1;
  let queue: Promise<unknown> = Promise.resolve();
  let pumpQueued = false;
  let stopListening: (() => Promise<void>) | undefined;
  const timers: NodeJS.Timeout[] = [];

  /** One task at a time: reading and replaying never interleave, so no event is sent twice or skipped. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function readNew(): Promise<void> {
    if (lastId < 0) {
      const [row] = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM live_events');
      lastId = Number(row.id ?? 0);
      return;
    }
    for (;;) {
      const rows = await db.query<LiveRow>(
        'SELECT id, topic, audience, data FROM live_events WHERE id > $1 ORDER BY id LIMIT $2',
        [lastId, READ_BATCH],
      );
      for (const row of rows) {
        lastId = row.id;
        // The same text for every reader, unless the event is a kudos (each reader's own reactedByMe).
        const shared = row.topic === 'kudos' || row.topic === 'reaction' ? undefined : frame(row, '');
        for (const stream of streams) {
          if (row.id <= stream.sent) continue;
          stream.sent = row.id;
          if (visibleTo(row, stream.user.id)) stream.write(shared ?? frame(row, stream.user.id));
        }
      }
      if (rows.length < READ_BATCH) return;
    }
  }

  /** Reads what is new; many wake-ups while a read runs make one more read, not many. */
  function pump(): Promise<void> {
    if (pumpQueued) return queue.then(() => undefined);
    pumpQueued = true;
    return serial(async () => {
      pumpQueued = false;
      await readNew();
    });
  }

  /** Sends the events after `after` that `user` may see, then adds the stream to the live ones. */
  function attach(stream: Stream, after: number | undefined): Promise<void> {
    return serial(async () => {
      await readNew();
      if (after === undefined || after >= lastId) {
        stream.sent = Math.max(lastId, after ?? 0);
      } else {
        const [oldest] = await db.query<{ id: number | null }>('SELECT min(id) AS id FROM live_events');
        const missed = await db.query<LiveRow>(
          `SELECT id, topic, audience, data FROM live_events WHERE id > $1 AND id <= $2
             AND (audience IS NULL OR $3 = ANY(audience)) ORDER BY id LIMIT $4`,
          [after, lastId, stream.user.id, maxReplay + 1],
        );
        // Pruned or too many: the client reloads what it shows instead of replaying.
        const pruned = oldest.id === null || Number(oldest.id) > after + 1;
        if (missed.length > maxReplay || pruned) {
          stream.write(`id: ${lastId}\nevent: reset\ndata: {}\n\n`);
        } else {
          for (const row of missed) stream.write(frame(row, stream.user.id));
        }
        stream.sent = lastId;
      }
      streams.add(stream);
      // Where the stream now is: a client that saw no event yet resumes from here after a drop.
      stream.write(`id: ${stream.sent}\nevent: ready\ndata: {}\n\n`);
    });
  }

  return {
    get streams(): number {
      return streams.size;
    },

    async start(): Promise<void> {
      await serial(readNew);
      stopListening = await db.listen(LIVE_CHANNEL, () => void pump().catch(() => undefined));
      const poll = setInterval(() => void pump().catch(() => undefined), pollMs);
      const beat = setInterval(() => {
        for (const stream of streams) stream.write(': ping\n\n');
      }, heartbeatMs);
      poll.unref();
      beat.unref();
      timers.push(poll, beat);
    },

    /** Reads what is new now (tests; the notification does the same). */
    pump,

    /** Forgets events older than the retention period. */
    async prune(): Promise<void> {
      await db.query('DELETE FROM live_events WHERE created_at < $1', [new Date(Date.now() - retentionMs)]);
    },

    /** The `GET /events` handler: takes over the response and keeps it open. */
    async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const user = request.user!;
      const header = request.headers['last-event-id'];
      const after = typeof header === 'string' && /^\d{1,18}$/.test(header) ? Number(header) : undefined;
      // Headers set so far (security headers, CORS) go out with the stream.
      const headers = {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      };
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, headers);
      raw.write('retry: 2000\n\n');
      const stream: Stream = {
        user,
        sent: 0,
        write: (text) => {
          if (!raw.writableEnded) raw.write(text);
        },
        end: () => raw.end(),
      };
      const close = () => streams.delete(stream);
      request.raw.on('close', close);
      raw.on('close', close);
      await attach(stream, after);
      if (raw.destroyed || raw.writableEnded) close();
    },

    /** Ends every stream (before the server closes) and stops reading. */
    async stop(): Promise<void> {
      for (const timer of timers) clearInterval(timer);
      for (const stream of streams) stream.end();
      streams.clear();
      await stopListening?.();
      await queue;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
