/**
 * `npm start`: the demo intranet (demo/, dist/, .demo-build/) served by Kring Server itself, with the
 * pages told where the API is (`<meta name="kring-server">`) and a "sign in as" list for dev mode.
 * The same folders, CSP and imitated photos as scripts/lib/demo-site.mjs (the static demo server).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from './store/db.js';

interface DemoSite {
  DEMO_CSP: string;
  demoMounts: { prefix: string; dir: string }[];
  demoDynamic: (url: URL) => { type: string; body: string } | undefined;
}

interface StaticServer {
  contentTypes: Record<string, string>;
  mountedFileFinder: (mounts: { prefix: string; dir: string }[]) => (pathname: string) => string | undefined;
}

export const DEV_PEOPLE_PATH = '/dev/people';

export async function demoSiteRoutes(app: FastifyInstance, db: Db, apiPrefix: string): Promise<void> {
  const sitePath = new URL('../../scripts/lib/demo-site.mjs', import.meta.url).href;
  const site = (await import(sitePath)) as DemoSite;
  const staticPath = new URL('../../scripts/lib/static-server.mjs', import.meta.url).href;
  const { contentTypes, mountedFileFinder } = (await import(staticPath)) as StaticServer;
  const findFile = mountedFileFinder(site.demoMounts);
  const meta = `<meta name="kring-server" content="${apiPrefix}" data-people="${apiPrefix}${DEV_PEOPLE_PATH}" />`;

  // Who can be chosen in "sign in as": the community manager, management, members and a few others.
  app.get(`${apiPrefix}${DEV_PEOPLE_PATH}`, async () => {
    const rows = await db.query<{
      id: string;
      name: string;
      department: string | null;
      is_member: boolean;
      is_community_manager: boolean;
      is_management: boolean;
    }>(
      `SELECT id, name, department, is_member, is_community_manager, is_management FROM people
        ORDER BY is_community_manager DESC, is_management DESC, is_member DESC, id LIMIT 40`,
    );
    return { items: rows };
  });

  app.get('/*', async (request, reply) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname.startsWith(`${apiPrefix}/`))
      return reply.code(404).send({ code: 'not-found', message: 'There is nothing at this address.' });
    void reply.header('content-security-policy', site.DEMO_CSP).header('cache-control', 'no-store');
    const generated = site.demoDynamic(url);
    if (generated) return reply.type(generated.type).send(generated.body);
    const file = findFile(url.pathname);
    if (!file) {
      if (url.pathname === '/favicon.ico') return reply.code(204).send();
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      return reply.type(type).send(readFileSync(file, 'utf8').replace('<head>', `<head>\n    ${meta}`));
    }
    return reply.type(type).send(createReadStream(file));
  });
}
