/**
 * Several Kring Server instances on one PostgreSQL database behind a round-robin load balancer, as a
 * production deployment runs them (docs/server/scale-out.md). The balancer is plain node:http: each
 * request goes to the next instance, streams included; an instance that cannot be reached gets a 502.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  url: string;
  /** How many requests each target was sent. */
  counts: number[];
  close(): Promise<void>;
}

/** A round-robin HTTP proxy on a loopback port in front of `targets` (base URLs). */
export async function startBalancer(targets: readonly string[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const counts = targets.map(() => 0);
  let turn = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const index = turn++ % targets.length;
    counts[index] += 1;
    const target = new URL(incoming.url ?? '/', targets[index]);
    const upstream = request(
      target,
      { method: incoming.method, headers: incoming.headers, agent },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}

/** A new, empty database on the PostgreSQL of `adminUrl`; returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const { openPostgres } = await import('../src/store/db.js');
  const admin = await openPostgres(adminUrl);
  const name = `kring_cluster_${randomUUID().replace(/-/g, '')}`;
  // A database name cannot be a parameter; this one is made here from hex digits only.
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}
