/**
 * Operations: health and readiness, the audit log of manager actions and its CLI, structured logs
 * without tokens or personal data, and graceful shutdown of the real `kring-server` process: a write
 * in flight when SIGTERM arrives completes, and the process exits 0.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { readAudit } from '../src/ops/audit.js';
import { dumpSql } from '../src/ops/dump.js';
import { seedDemo } from '../src/seed.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite, openPostgres, type Db } from '../src/store/db.js';
import { call, dbLabel, FIXED_NOW, freshDb, onPostgres, testServer, type TestServer } from './helpers.js';

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(serverRoot, 'bin', 'kring-server.mjs');

describe(`operations (${dbLabel})`, () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  test('/healthz and /readyz answer without sign-in, outside the API', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
    assert.equal(ready.json().database, onPostgres ? 'postgres' : 'pglite');
    // A migration on disk that the database has not seen makes it not ready.
    await server.db.query(`DELETE FROM kring_migrations WHERE name = '007_activity_daily.sql'`);
    const pending = await server.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(pending.statusCode, 503);
    assert.deepEqual(pending.json().missing, ['007_activity_daily.sql']);
    await server.db.query(`INSERT INTO kring_migrations (name) VALUES ('007_activity_daily.sql')`);
    assert.equal((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });

  test('badge awards and revokes are in the audit log', async () => {
    const [person] = server.members;
    const manager = server.seeded.communityManagerId;
    const awarded = await call(server, 'POST', '/badges', {
      as: manager,
      body: { personId: person, role: 'writer', level: 'starter' },
    });
    assert.equal(awarded.status, 201, JSON.stringify(awarded.body));
    const revoked = await call(server, 'POST', `/badges/${awarded.body.id}/revoke`, { as: manager });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const entries = await readAudit(server.db, { subject: person });
    assert.deepEqual(
      entries.slice(0, 2).map((entry) => [entry.action, entry.actor, entry.details.badge]),
      [
        ['badge.revoke', manager, awarded.body.id],
        ['badge.award', manager, awarded.body.id],
      ],
    );
    // A refused award (not a manager) leaves no entry.
    const refused = await call(server, 'POST', '/badges', {
      as: person,
      body: { personId: person, role: 'writer', level: 'starter' },
    });
    assert.equal(refused.status, 403);
    assert.equal((await readAudit(server.db, { subject: person })).length, 2);
  });
});

describe(`dump and load (${dbLabel})`, () => {
  test('a PGlite dump loads into an empty migrated database with every row, and writes continue', async () => {
    // From PGlite (the move to PostgreSQL when the suite runs on PostgreSQL), with the demo company.
    const source = await openPglite('memory://');
    await migrate(source);
    await seedDemo(source, { size: 40, now: FIXED_NOW });
    const target = await freshDb();
    try {
      let script = '';
      await dumpSql(source, (text) => (script += text));
      await target.exec(script);
      const tables = (
        await source.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND table_name NOT IN ('idempotency', 'kring_migrations') ORDER BY 1`,
        )
      ).map((row) => row.name);
      assert.ok(tables.includes('people') && tables.includes('activity'));
      // Rows as text, with times in UTC on both sides.
      const digest = (db: Db, table: string) =>
        db.transaction(async (tx) => {
          await tx.query(`SET LOCAL TimeZone = 'UTC'`);
          const [row] = await tx.query<{ rows: number; sum: string | null }>(
            `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM "${table}" t`,
          );
          return row;
        });
      for (const table of tables) {
        const [from, to] = [await digest(source, table), await digest(target, table)];
        assert.deepEqual(to, from, table);
      }
      // Sequences moved on: a new kudos row gets a fresh seq.
      const [{ max }] = await target.query<{ max: number }>('SELECT max(seq)::int AS max FROM kudos');
      const [{ seq }] = await target.query<{ seq: number }>(
        `INSERT INTO kudos (id, from_id, message, created_at) SELECT 'k-after-load', id, 'x', now() FROM people LIMIT 1 RETURNING seq`,
      );
      assert.ok(seq > max);
      // A database on other migrations refuses the script as a whole.
      const other = await freshDb();
      try {
        await other.query(`DELETE FROM kring_migrations WHERE name = '007_activity_daily.sql'`);
        await assert.rejects(() => other.exec(script), /kring-server migrate/);
        await other.exec('ROLLBACK');
        const [{ people }] = await other.query<{ people: number }>(
          'SELECT count(*)::int AS people FROM people',
        );
        assert.equal(people, 0);
      } finally {
        await other.close();
      }
    } finally {
      await target.close();
      await source.close();
    }
  });
});

/** A free loopback port (asked of the system, then released). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Where the real process keeps its data: a PGlite folder, or a new database on the test PostgreSQL. */
async function processDatabase(): Promise<{
  env: Record<string, string>;
  args: string[];
  open(): Promise<Db>;
  dispose(): void;
}> {
  if (onPostgres) {
    const admin = await openPostgres(process.env.DATABASE_URL!);
    const name = `kring_ops_${randomUUID().replace(/-/g, '')}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return { env: { DATABASE_URL: url.href }, args: [], open: () => openPostgres(url.href), dispose() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kring-ops-'));
  return {
    env: { DATABASE_URL: '' },
    args: ['--data', dir],
    open: () => openPglite(dir),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe(`the kring-server process (${dbLabel})`, () => {
  let database: Awaited<ReturnType<typeof processDatabase>>;
  before(async () => {
    database = await processDatabase();
  });
  after(() => database.dispose());

  test('finishes a write in flight on SIGTERM, exits 0, and logs JSON without tokens', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(
      process.execPath,
      [bin, 'serve', '--dev', '--demo', '--demo-size', '40', '--port', String(port), ...database.args],
      {
        cwd: serverRoot,
        env: { ...process.env, ...database.env, NODE_ENV: 'test', KRING_LOG: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let errors = '';
    const waiters: { pattern: RegExp; resolve: () => void }[] = [];
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      for (const waiter of waiters.filter((w) => w.pattern.test(output))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
    child.stderr!.on('data', (chunk) => (errors += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`exited ${code} before ${pattern}: ${errors}${output}`)));
      });
    try {
      await seen(/Kring Server on /);
      const base = `http://127.0.0.1:${port}/api/kring`;
      const me = (await (await fetch(`${base}/me`)).json()) as { id: string };
      const feed = (await (await fetch(`${base}/kudos?limit=5`)).json()) as {
        items: { from: string; to: string[] }[];
      };
      const receiver = feed.items.flatMap((item) => [item.from, ...item.to]).find((id) => id !== me.id)!;
      const secretKey = `key-${randomUUID()}`;
      const body = JSON.stringify({ to: [receiver], message: 'Sent while the server was stopping' });

      // The request's head arrives (the server logs it), then SIGTERM, then the rest of the body.
      const responded = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const pending = request(
          `${base}/kudos`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'idempotency-key': secretKey,
              authorization: 'Bearer not-a-real-token-but-never-logged',
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode!, text }));
          },
        );
        pending.on('error', reject);
        pending.write(body.slice(0, 10));
        void seen(/"method":"POST","path":"\/api\/kring\/kudos"/).then(() => {
          child.kill('SIGTERM');
          void seen(/"msg":"stopping"/).then(() => pending.end(body.slice(10)));
        });
      });
      const result = await responded;
      assert.equal(result.status, 201, result.text);
      assert.equal(await exited, 0, errors);

      // The write is there after the process stopped.
      const db = await database.open();
      try {
        const rows = await db.query<{ from_id: string }>('SELECT from_id FROM kudos WHERE message = $1', [
          'Sent while the server was stopping',
        ]);
        assert.deepEqual(rows, [{ from_id: me.id }]);
      } finally {
        await db.close();
      }

      // Structured logs: one JSON object a line; no token, key, message text or query string.
      const lines = output.split('\n').filter((line) => line.startsWith('{'));
      assert.ok(lines.length >= 4, output);
      for (const line of lines) assert.equal(typeof JSON.parse(line).level, 'number', line);
      for (const secret of [secretKey, 'not-a-real-token', 'Sent while the server', 'limit=5'])
        assert.ok(!output.includes(secret), `the log holds ${secret}`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  test('CLI: audit, export-person and erase-person (which asks for --yes)', async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args, ...database.args], {
        cwd: serverRoot,
        env: { ...process.env, ...database.env, USER: 'operator-test' },
        encoding: 'utf8',
      });
    const db = await database.open();
    let person: string;
    try {
      [{ id: person }] = await db.query<{ id: string }>(
        'SELECT id FROM people WHERE NOT is_community_manager AND email IS NOT NULL ORDER BY id LIMIT 1',
      );
    } finally {
      await db.close();
    }
    const exported = run('export-person', person);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(JSON.parse(exported.stdout).person.id, person);
    const refused = run('erase-person', person);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--yes/);
    const erased = run('erase-person', person, '--yes');
    assert.equal(erased.status, 0, erased.stderr);
    const audit = run('audit', '--limit', '5');
    assert.equal(audit.status, 0, audit.stderr);
    const entries = audit.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      entries.slice(0, 2).map((entry) => [entry.action, entry.actor]),
      [
        ['person.erase', 'cli:operator-test'],
        ['person.export', 'cli:operator-test'],
      ],
    );
    // The export named the person; the erasure re-pointed that entry to the anonymous stand-in too.
    assert.ok(entries[1].subject.startsWith('erased-'));
    assert.equal(entries[1].subject, entries[0].subject);
    assert.ok(!audit.stdout.includes(person));
  });
});
