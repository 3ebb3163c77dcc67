/**
 * One database interface over embedded PGlite and PostgreSQL (`pg`). Every statement takes its
 * values as parameters ($1, $2…): no SQL is ever built from request data.
 */
import { mkdirSync } from 'node:fs';
import type pg from 'pg';

export type SqlValue = string | number | boolean | null | Date | readonly string[] | object;

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction; rolls back when it throws. Queries on the transaction run one after
   * another in the order they were asked, also when `work` starts several at once (`Promise.all`): one
   * connection runs one statement at a time. Reads outside a transaction (`query`) run side by side on
   * the pool's connections.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
  /**
   * Calls `handler` with the payload of every `NOTIFY` on `channel` (a constant identifier), from any
   * process on the same database; on PostgreSQL over a connection of its own, re-opened when it drops.
   * Returns the function that stops listening.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PostgreSQL through a connection pool. */
export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  // bigint (count(*), bigserial) as JS numbers: the counts here stay far below 2^53.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.KRING_DB_POOL ?? 10) });
  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly SqlValue[]) =>
    (await client.query(sql, params as unknown[])).rows as Row[];
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      // Each query starts when the one before has settled, so `pg` never queues on a busy client.
      let last: Promise<unknown> = Promise.resolve();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: <Row>(sql: string, params?: readonly SqlValue[]) => {
            const next = last.then(
              () => run<Row>(client, sql, params),
              () => run<Row>(client, sql, params),
            );
            last = next.catch(() => undefined);
            return next;
          },
        });
        // Queries `work` started and did not wait for (`Promise.all` gives up at the first refusal) end
        // first: COMMIT or ROLLBACK on a client still running one would be queued by `pg` (deprecated).
        await last;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await last;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    async listen(channel, handler) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
      let stopped = false;
      let client: pg.Client | undefined;
      const reopen = (): void => {
        if (!stopped) setTimeout(() => void open().catch(reopen), 1_000).unref();
      };
      const open = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: url });
        next.on('notification', (message) => handler(message.payload ?? ''));
        // A dropped connection is opened again; missed notifications are caught up by the reader's poll.
        next.on('error', () => undefined);
        next.on('end', () => {
          if (client === next) reopen();
        });
        await next.connect();
        await next.query(`LISTEN ${channel}`);
        client = next;
        handler('');
      };
      await open();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}

/** Embedded PGlite: in a data directory, or in memory when `dataDir` is `memory://`. */
export async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  return {
    kind: 'pglite',
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as never[],
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as never[] }),
      ),
    async exec(script) {
      await db.exec(script);
    },
    async listen(channel, handler) {
      const stop = await db.listen(channel, handler);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    close: () => db.close(),
  };
}

/** `DATABASE_URL` (postgres://…) when set, else PGlite in `dataDir`. */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
