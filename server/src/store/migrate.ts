/**
 * Runs the SQL files in server/migrations/ in name order, each once, in a transaction, on PGlite and
 * PostgreSQL alike. An advisory lock keeps two server instances starting together from racing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
const LOCK_ID = 4_242_017;

/** `before`: apply only the files named before it (tests and the bench fill data an upgrade would find). */
export async function migrate(db: Db, dir = MIGRATIONS_DIR, before?: string): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS kring_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && (before === undefined || name < before))
    .sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM kring_migrations')).map((row) => row.name),
    );
    for (const name of files) {
      if (done.has(name)) continue;
      // A migration file is a script of statements; split on the statement ends at line ends.
      for (const statement of splitStatements(readFileSync(join(dir, name), 'utf8')))
        await tx.query(statement);
      await tx.query('INSERT INTO kring_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
  });
  return applied;
}

/** Statements of a migration script: `;` at a line end closes one; `--` comment lines are dropped. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of script.split('\n')) {
    if (line.trim().startsWith('--') || line.trim() === '') continue;
    current.push(line);
    if (line.trimEnd().endsWith(';')) {
      statements.push(current.join('\n'));
      current = [];
    }
  }
  if (current.join('').trim()) statements.push(current.join('\n'));
  return statements;
}
