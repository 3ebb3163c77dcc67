/**
 * `kring-server dump [--out FILE]`: the community's data as one SQL script, from PGlite or PostgreSQL,
 * for backups in plain text and for moving from PGlite to PostgreSQL (`pg_dump` cannot read a PGlite
 * folder). The script loads into an empty database migrated to the same version, with `psql` or
 * `kring-server load FILE`: it checks the migrations first, then inserts every table in foreign-key
 * order (rows as JSON, `json_populate_recordset`), then moves the sequences on, in one transaction.
 * Idempotency keys (24 hours) are left out.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../store/db.js';

const SKIPPED = new Set(['idempotency', 'kring_migrations']);
const ROWS_PER_STATEMENT = 1000;

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected table name ${name}.`);
  return `"${name}"`;
};

/** Tables of the public schema, each after the tables it references. */
async function tablesInOrder(db: Queryable): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !SKIPPED.has(name));
  const references = await db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f'`,
  );
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const { parent } of references.filter((ref) => ref.child === name && ref.parent !== name))
      if (tables.includes(parent)) visit(parent, path);
    ordered.push(name);
  };
  for (const name of tables) visit(name, new Set());
  return ordered;
}

export async function dumpSql(
  db: Queryable & { kind: string },
  write: (text: string) => void,
): Promise<void> {
  const migrations = (
    await db.query<{ name: string }>('SELECT name FROM kring_migrations ORDER BY name')
  ).map((row) => row.name);
  const tag = `$kring_${randomBytes(6).toString('hex')}$`;
  write(`-- Kring Server data, dumped ${new Date().toISOString()} from ${db.kind}.\n`);
  write('-- Load into an empty database migrated to the same version (kring-server migrate), e.g.\n');
  write(
    '--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f this-file.sql   or   kring-server load this-file.sql\n',
  );
  write('BEGIN;\n');
  write(
    `DO ${tag} BEGIN IF (SELECT string_agg(name, ',' ORDER BY name) FROM kring_migrations) IS DISTINCT FROM '${migrations.join(',')}' THEN ` +
      `RAISE EXCEPTION 'run kring-server migrate first: this dump needs exactly the migrations ${migrations.join(', ')}'; END IF; END ${tag};\n`,
  );
  const tables = await tablesInOrder(db);
  for (const table of tables) {
    const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${ident(table)} t`);
    write(`-- ${table}: ${rows.length} rows\n`);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => row.row);
      const json = `[${chunk.join(',\n')}]`;
      if (json.includes(tag)) throw new Error('The data contains the dump quote tag; dump again.');
      write(
        `INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, ${tag}${json}${tag});\n`,
      );
    }
  }
  // Sequences (bigserial columns) continue after the highest value loaded.
  const serials = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' ORDER BY table_name`,
  );
  for (const { table_name: table, column_name: column } of serials) {
    if (SKIPPED.has(table)) continue;
    write(
      `SELECT setval(pg_get_serial_sequence('${ident(table)}', '${column}'), coalesce((SELECT max(${ident(column)}) FROM ${ident(table)}), 0) + 1, false);\n`,
    );
  }
  write('COMMIT;\n');
}
