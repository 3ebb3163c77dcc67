/**
 * `/healthz` (the process answers) and `/readyz` (the database answers and every migration in
 * server/migrations/ is applied): for load balancers and orchestrators. Outside the Kring REST
 * contract and outside the API prefix; no sign-in, no personal data (docs/server/operations.md).
 */
import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../store/db.js';
import { MIGRATIONS_DIR } from '../store/migrate.js';

export function healthRoutes(app: FastifyInstance, db: Db, isClosing: () => boolean): void {
  const expected = readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.sql'));
  const noStore = { 'cache-control': 'no-store' };
  app.get('/healthz', async (_request, reply) =>
    reply
      .code(isClosing() ? 503 : 200)
      .headers(noStore)
      .send({ status: isClosing() ? 'stopping' : 'ok' }),
  );
  app.get('/readyz', async (request, reply) => {
    if (isClosing()) return reply.code(503).headers(noStore).send({ status: 'stopping' });
    try {
      const applied = new Set(
        (await db.query<{ name: string }>('SELECT name FROM kring_migrations')).map((row) => row.name),
      );
      const missing = expected.filter((name) => !applied.has(name));
      if (missing.length)
        return reply.code(503).headers(noStore).send({ status: 'migrations-pending', missing });
      return reply
        .code(200)
        .headers(noStore)
        .send({ status: 'ready', database: db.kind, migrations: applied.size });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: the database did not answer');
      return reply.code(503).headers(noStore).send({ status: 'database-unreachable' });
    }
  });
}
