/**
 * The database interface: a transaction's queries started together (`Promise.all`, as the ambassador
 * counts do inside a write) run one after another on its one connection, in order, without `pg`
 * queueing them on a busy client (deprecated, and gone in pg 9).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dbLabel, freshDb } from './helpers.js';

describe(`the database interface (${dbLabel})`, () => {
  it('runs the queries a transaction starts together one after another, in order', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const db = await freshDb();
    try {
      const settled: number[] = [];
      const answers = await db.transaction((tx) =>
        Promise.all(
          ['SELECT 1 AS n FROM pg_sleep(0.05)', 'SELECT 2 AS n', 'SELECT 3 AS n'].map((sql, index) =>
            tx.query<{ n: number }>(sql).then((rows) => {
              settled.push(index + 1);
              return rows[0].n;
            }),
          ),
        ),
      );
      assert.deepEqual(answers, [1, 2, 3]);
      assert.deepEqual(settled, [1, 2, 3]);
      // A refused statement rejects its own promise only; the transaction then rolls back as a whole.
      await assert.rejects(
        db.transaction((tx) => Promise.all([tx.query('SELECT 1 / 0'), tx.query('SELECT 1')])),
        /division by zero/,
      );
    } finally {
      await db.close();
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      process.off('warning', onWarning);
    }
    assert.deepEqual(
      warnings.filter((message) => /already executing a query/.test(message)),
      [],
    );
  });
});
