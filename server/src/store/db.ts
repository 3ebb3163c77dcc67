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
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
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
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
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
    close: () => db.close(),
  };
}

/** `DATABASE_URL` (postgres://…) when set, else PGlite in `dataDir`. */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
