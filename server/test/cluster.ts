/** Test helpers for several instances on one PostgreSQL database (the balancer: scripts/cluster.mjs). */
import { randomUUID } from 'node:crypto';

export { startBalancer, type Balancer } from '../scripts/cluster.mjs';

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
