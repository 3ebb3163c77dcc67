/**
 * Test harness: a server on a fresh database (PGlite in memory, or a new database on the PostgreSQL of
 * DATABASE_URL when KRING_TEST_DB=postgres), seeded with a small demo company, and a validator of
 * every response against the contract (docs/api/openapi.yaml).
 */
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { buildApp, loadContract, type AppOptions } from '../src/app.js';
import type { AuthConfig } from '../src/auth.js';
import { readConfig } from '../src/config.js';
import { seedDemo, type SeedResult } from '../src/seed.js';
import { openPglite, openPostgres, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';

export const onPostgres = process.env.KRING_TEST_DB === 'postgres';
export const dbLabel = onPostgres ? 'PostgreSQL' : 'PGlite';

/** A fresh, migrated database. */
export async function freshDb(): Promise<Db> {
  let db: Db;
  if (onPostgres) {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error('KRING_TEST_DB=postgres needs DATABASE_URL (server/scripts/with-postgres.sh sets it).');
    const admin = await openPostgres(url);
    const name = `kring_test_${randomUUID().replace(/-/g, '')}`;
    // A database name cannot be a parameter; this one is made here from hex digits only.
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const target = new URL(url);
    target.pathname = `/${name}`;
    db = await openPostgres(target.href);
  } else db = await openPglite('memory://');
  await migrate(db);
  return db;
}

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  seeded: SeedResult;
  /** Two ordinary members who are not the community manager, and one non-member. */
  members: string[];
  nonMember: string;
  close(): Promise<void>;
}

export const FIXED_NOW = new Date('2026-06-15T12:00:00Z');

export async function testServer(
  overrides: Omit<Partial<AppOptions>, 'auth'> & { auth?: Partial<AuthConfig>; size?: number } = {},
): Promise<TestServer> {
  const db = await freshDb();
  const seeded = (await seedDemo(db, { size: overrides.size ?? 60, now: FIXED_NOW }))!;
  const config = readConfig({}, ['--dev']);
  const { auth: authOverrides, size: _size, ...appOverrides } = overrides;
  const auth: AuthConfig = {
    ...config.auth,
    dev: { defaultUserId: seeded.communityManagerId },
    ...authOverrides,
  };
  const app = await buildApp({
    db,
    domain: config.domain,
    prefix: '/api/kring',
    corsOrigins: ['https://intranet.example'],
    rateLimitPerMinute: 10_000,
    bodyLimit: 262_144,
    now: () => new Date(),
    ...appOverrides,
    auth,
  });
  const members = (
    await db.query<{ id: string }>(
      'SELECT id FROM people WHERE is_member AND NOT is_community_manager AND email IS NOT NULL ORDER BY id LIMIT 2',
    )
  ).map((row) => row.id);
  const [{ id: nonMember }] = await db.query<{ id: string }>(
    'SELECT id FROM people WHERE NOT is_member ORDER BY id LIMIT 1',
  );
  return {
    app,
    db,
    seeded,
    members,
    nonMember,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export interface CallResult {
  status: number;
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Calls the API as `as` (dev sign-in header), with an Idempotency-Key on writes unless given. */
export async function call(
  server: TestServer,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; as?: string; key?: string | null; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers['x-kring-dev-user'] = options.as;
  if (method !== 'GET' && options.key !== null && path !== '/people/lookup')
    headers['idempotency-key'] = options.key ?? randomUUID();
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await server.app.inject({
    method,
    url: `/api/kring${path}`,
    headers,
    payload:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  let body: unknown;
  try {
    body = response.body ? JSON.parse(response.body) : undefined;
  } catch {
    body = response.body;
  }
  return { status: response.statusCode, body, headers: response.headers };
}

// ---------------------------------------------------------------- the contract as a validator

type Json = Record<string, any>;
const contract = loadContract() as Json;

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
          ? [key, `openapi.json${inner}`]
          : [key, rewriteRefs(inner)],
      ),
    );
  }
  return value;
}

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
ajv.addSchema({ $id: 'openapi.json', components: rewriteRefs(contract.components) }, 'openapi.json');

export const operations: { id: string; method: string; path: string }[] = [];
for (const [path, item] of Object.entries(contract.paths as Json)) {
  for (const [method, operation] of Object.entries(item as Json)) {
    if (operation && typeof operation === 'object' && 'operationId' in operation)
      operations.push({ id: operation.operationId, method: method.toUpperCase(), path });
  }
}

function operationOf(id: string): Json {
  for (const item of Object.values(contract.paths as Json))
    for (const operation of Object.values(item as Json))
      if ((operation as Json)?.operationId === id) return operation as Json;
  throw new Error(`No operation ${id} in the contract.`);
}

/** Throws unless the response's status is one the operation declares and its body fits the schema. */
export function assertContract(operationId: string, result: CallResult): void {
  const responses = operationOf(operationId).responses as Json;
  const declared = responses[String(result.status)];
  let response = declared ?? responses.default;
  if (!response)
    throw new Error(`${operationId} answered ${result.status}, which the contract does not declare.`);
  if (response.$ref) response = contract.components.responses[String(response.$ref).split('/').pop()!];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) {
    if (result.body !== undefined && result.body !== '')
      throw new Error(`${operationId} ${result.status} should have no body.`);
    return;
  }
  const validate = ajv.compile(rewriteRefs(schema) as Json);
  if (!validate(result.body)) {
    throw new Error(
      `${operationId} ${result.status} does not match the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(result.body).slice(0, 500)}`,
    );
  }
}
