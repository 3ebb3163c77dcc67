/**
 * SCIM 2.0 provisioning (RFC 7643/7644) at `/scim/v2`, as far as Microsoft Entra ID and Okta use it:
 * Users (create, get, replace, patch, deactivate, delete, list with `userName eq` / `externalId eq`
 * filters) and Groups (create, get, replace, patch members, delete), mapped to Kring's directory.
 * Outside the Kring REST contract; documented in docs/server/scim.md. Protected by its own bearer secret.
 *
 * A SCIM user is a Kring person: `id` is the person id. A deactivated person (`active: false`, or
 * DELETE) cannot sign in and is not found by search; their kudos keep their name.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../ops/audit.js';
import type { Db, Queryable } from '../store/db.js';

export interface ScimConfig {
  /** The bearer secret the identity provider sends. */
  token: string;
  /** Which SCIM attribute becomes the Kring person id of a new person: `userName` (default) or `externalId`. */
  idFrom: 'userName' | 'externalId';
  /** Group display names whose members are community managers / management (case-insensitive). */
  managerGroups: string[];
  managementGroups: string[];
}

export const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCIM_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: string,
  ) {
    super(detail);
  }
}

interface PersonRow {
  id: string;
  email: string | null;
  name: string;
  given_name: string | null;
  family_name: string | null;
  title: string | null;
  department: string | null;
  location: string | null;
  manager_id: string | null;
  external_id: string | null;
  user_name: string | null;
  locale: string | null;
  deactivated_at: Date | null;
  updated_at: Date;
}
const COLUMNS =
  'id, email, name, given_name, family_name, title, department, location, manager_id, external_id, user_name, locale, deactivated_at, updated_at';
/** People a SCIM DELETE removed from provisioning are gone for SCIM (their row stays for their kudos). */
const VISIBLE = 'NOT (deactivated_at IS NOT NULL AND user_name IS NULL AND external_id IS NULL)';

/** Entra sends booleans as "True"/"False" strings in some PATCH requests. */
export function scimBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw new ScimError(400, `"${String(value)}" is not a boolean.`, 'invalidValue');
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && 'value' in (value as object))
    return text((value as { value: unknown }).value);
  const result = String(value).trim();
  return result === '' ? null : result.slice(0, 500);
};

/** A user's changes, as attribute → new value (null clears). */
interface UserChanges {
  userName?: string | null;
  externalId?: string | null;
  active?: boolean;
  displayName?: string | null;
  formatted?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  title?: string | null;
  department?: string | null;
  manager?: string | null;
  location?: string | null;
  locale?: string | null;
}

function primaryEmail(emails: unknown): string | null | undefined {
  if (!Array.isArray(emails)) return undefined;
  const list = emails as { value?: unknown; primary?: unknown; type?: unknown }[];
  const chosen =
    list.find((item) => item.primary === true || item.primary === 'True' || item.primary === 'true') ??
    list.find((item) => item.type === 'work') ??
    list[0];
  return chosen ? text(chosen.value) : null;
}

function workLocality(addresses: unknown): string | null | undefined {
  if (!Array.isArray(addresses)) return undefined;
  const list = addresses as { type?: unknown; locality?: unknown; primary?: unknown }[];
  const chosen = list.find((item) => item.type === 'work') ?? list[0];
  return chosen ? text(chosen.locality) : null;
}

/** A whole SCIM user resource (POST, PUT) as changes. */
function changesOfResource(body: Record<string, any>): UserChanges {
  const enterprise = (body[SCIM_ENTERPRISE] ?? {}) as Record<string, unknown>;
  const changes: UserChanges = {
    userName: text(body.userName),
    externalId: text(body.externalId),
    displayName: text(body.displayName),
    formatted: text(body.name?.formatted),
    givenName: text(body.name?.givenName),
    familyName: text(body.name?.familyName),
    email: primaryEmail(body.emails) ?? null,
    title: text(body.title),
    department: text(enterprise.department),
    manager: text(enterprise.manager),
    location: workLocality(body.addresses) ?? null,
    locale: text(body.preferredLanguage) ?? text(body.locale),
  };
  if (body.active !== undefined) changes.active = scimBoolean(body.active);
  return changes;
}

/** One PATCH path (lower-cased, schema prefix kept) with its value, into `changes`. */
function applyUserPath(changes: UserChanges, op: string, rawPath: string, value: unknown): void {
  const remove = op === 'remove';
  let path = rawPath.trim();
  const enterprisePrefix = `${SCIM_ENTERPRISE}:`.toLowerCase();
  const corePrefix = `${SCIM_USER}:`.toLowerCase();
  let lower = path.toLowerCase();
  if (lower.startsWith(corePrefix)) {
    path = path.slice(corePrefix.length);
    lower = path.toLowerCase();
  }
  const set = (key: keyof UserChanges, v: unknown) => {
    (changes as Record<string, unknown>)[key] = remove ? null : text(v);
  };
  if (lower.startsWith(enterprisePrefix)) {
    const attribute = lower.slice(enterprisePrefix.length);
    if (attribute === 'department') set('department', value);
    else if (attribute === 'manager' || attribute === 'manager.value') set('manager', value);
    return;
  }
  switch (lower) {
    case 'active':
      if (!remove) changes.active = scimBoolean(value);
      return;
    case 'username':
      return set('userName', value);
    case 'externalid':
      return set('externalId', value);
    case 'displayname':
      return set('displayName', value);
    case 'title':
      return set('title', value);
    case 'preferredlanguage':
    case 'locale':
      return set('locale', value);
    case 'name.formatted':
      return set('formatted', value);
    case 'name.givenname':
      return set('givenName', value);
    case 'name.familyname':
      return set('familyName', value);
    case 'name':
      if (remove) changes.formatted = changes.givenName = changes.familyName = null;
      else {
        const name = (value ?? {}) as Record<string, unknown>;
        if ('formatted' in name) changes.formatted = text(name.formatted);
        if ('givenName' in name) changes.givenName = text(name.givenName);
        if ('familyName' in name) changes.familyName = text(name.familyName);
      }
      return;
    case 'emails':
      changes.email = remove ? null : (primaryEmail(Array.isArray(value) ? value : [value]) ?? null);
      return;
    case 'addresses':
      changes.location = remove ? null : (workLocality(Array.isArray(value) ? value : [value]) ?? null);
      return;
  }
  // emails[type eq "work"].value, addresses[type eq "work"].locality
  if (/^emails\[.*\]\.value$/.test(lower) || /^emails\[.*\]$/.test(lower)) {
    changes.email = remove ? null : text(Array.isArray(value) ? primaryEmail(value) : value);
    return;
  }
  if (/^addresses\[.*\]\.locality$/.test(lower)) return set('location', value);
  // Anything else Kring does not keep (phone numbers, other addresses): accepted and ignored.
}

/** RFC 7644 PATCH operations (Entra's capitalised ops, `replace` without a path) as changes. */
export function changesOfPatch(body: Record<string, any>): UserChanges {
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations))
    throw new ScimError(400, 'A PATCH needs an Operations list.', 'invalidSyntax');
  const changes: UserChanges = {};
  for (const operation of operations as { op?: string; path?: string; value?: unknown }[]) {
    const op = String(operation.op ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw new ScimError(400, `Unknown PATCH op "${operation.op}".`, 'invalidSyntax');
    if (operation.path) applyUserPath(changes, op, operation.path, operation.value);
    else if (op !== 'remove' && operation.value && typeof operation.value === 'object') {
      // No path: the value is a partial resource; its keys are paths ("name.givenName", "active",
      // the enterprise schema URN as an object or as "urn:…:User:department").
      for (const [key, inner] of Object.entries(operation.value as Record<string, unknown>)) {
        if (key === SCIM_ENTERPRISE && inner && typeof inner === 'object') {
          for (const [attribute, value] of Object.entries(inner as Record<string, unknown>))
            applyUserPath(changes, op, `${SCIM_ENTERPRISE}:${attribute}`, value);
        } else applyUserPath(changes, op, key, inner);
      }
    } else throw new ScimError(400, 'A PATCH operation without a path needs an object value.', 'noTarget');
  }
  return changes;
}

/** `attr eq "value"` (and `and` of those): the filters Entra and Okta send. */
export function parseFilter(filter: string): { attribute: string; value: string }[] {
  const clauses = filter.split(/\s+and\s+/i);
  return clauses.map((clause) => {
    const match = clause.trim().match(/^([\w.:[\]" ]+?)\s+eq\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))$/i);
    if (!match) throw new ScimError(400, `The filter "${filter}" is not supported.`, 'invalidFilter');
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
    return { attribute: match[1].trim().toLowerCase(), value: raw };
  });
}

export function scimRoutes(
  db: Db,
  config: ScimConfig,
  options: { now: () => Date; touched: () => void; baseUrl?: string },
) {
  const expected = createHash('sha256').update(config.token).digest();
  const managerGroups = config.managerGroups.map((name) => name.toLowerCase());
  const managementGroups = config.managementGroups.map((name) => name.toLowerCase());

  function location(request: FastifyRequest, kind: 'Users' | 'Groups', id: string) {
    const base = options.baseUrl ?? `${request.protocol}://${request.host}`;
    return `${base.replace(/\/$/, '')}/scim/v2/${kind}/${encodeURIComponent(id)}`;
  }

  function toUser(
    request: FastifyRequest,
    row: PersonRow,
    groups: { id: string; display_name: string }[] = [],
  ) {
    const name: Record<string, string> = { formatted: row.name };
    if (row.given_name) name.givenName = row.given_name;
    if (row.family_name) name.familyName = row.family_name;
    const enterprise: Record<string, unknown> = {};
    if (row.department) enterprise.department = row.department;
    if (row.manager_id) enterprise.manager = { value: row.manager_id };
    return {
      schemas: [SCIM_USER, SCIM_ENTERPRISE],
      id: row.id,
      ...(row.external_id ? { externalId: row.external_id } : {}),
      userName: row.user_name ?? row.email ?? row.id,
      active: row.deactivated_at === null,
      displayName: row.name,
      name,
      ...(row.email ? { emails: [{ value: row.email, type: 'work', primary: true }] } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.locale ? { preferredLanguage: row.locale } : {}),
      ...(row.location ? { addresses: [{ type: 'work', locality: row.location, primary: true }] } : {}),
      ...(Object.keys(enterprise).length ? { [SCIM_ENTERPRISE]: enterprise } : {}),
      groups: groups.map((group) => ({
        value: group.id,
        display: group.display_name,
        $ref: location(request, 'Groups', group.id),
      })),
      meta: {
        resourceType: 'User',
        lastModified: row.updated_at.toISOString(),
        location: location(request, 'Users', row.id),
      },
    };
  }

  async function findUser(tx: Queryable, id: string): Promise<PersonRow> {
    const [row] = await tx.query<PersonRow>(`SELECT ${COLUMNS} FROM people WHERE id = $1 AND ${VISIBLE}`, [
      id,
    ]);
    if (!row) throw new ScimError(404, `User ${id} not found.`);
    return row;
  }

  async function groupsOf(tx: Queryable, id: string) {
    return tx.query<{ id: string; display_name: string }>(
      `SELECT g.id, g.display_name FROM scim_groups g JOIN scim_group_members m ON m.group_id = g.id
        WHERE m.person_id = $1 ORDER BY g.display_name`,
      [id],
    );
  }

  /** Writes `changes` onto the person (creating when `create`), checking uniqueness of userName. */
  async function writeUser(
    tx: Queryable,
    existing: PersonRow | undefined,
    changes: UserChanges,
    replace: boolean,
  ) {
    const merged = (key: keyof UserChanges, column: keyof PersonRow) =>
      key in changes
        ? (changes[key] as string | null)
        : replace
          ? null
          : ((existing?.[column] as string | null) ?? null);
    const userName = merged('userName', 'user_name');
    if (userName) {
      const [clash] = await tx.query<{ id: string }>(
        'SELECT id FROM people WHERE lower(user_name) = lower($1) AND id <> $2',
        [userName, existing?.id ?? ''],
      );
      if (clash) throw new ScimError(409, `userName "${userName}" is already taken.`, 'uniqueness');
    }
    const email = merged('email', 'email') ?? (existing ? null : userName?.includes('@') ? userName : null);
    if (email) {
      const [clash] = await tx.query<{ id: string }>(
        'SELECT id FROM people WHERE lower(email) = lower($1) AND id <> $2',
        [email, existing?.id ?? ''],
      );
      if (clash)
        throw new ScimError(409, `The e-mail address ${email} belongs to someone else.`, 'uniqueness');
    }
    const givenName = merged('givenName', 'given_name');
    const familyName = merged('familyName', 'family_name');
    const composed = [givenName, familyName].filter(Boolean).join(' ') || null;
    const partsChanged = 'givenName' in changes || 'familyName' in changes;
    const name =
      changes.displayName ??
      changes.formatted ??
      (partsChanged || !existing ? composed : undefined) ??
      existing?.name ??
      userName ??
      'Unnamed';
    const now = options.now();
    const deactivatedAt =
      changes.active === undefined
        ? replace
          ? null
          : (existing?.deactivated_at ?? null)
        : changes.active
          ? null
          : (existing?.deactivated_at ?? now);
    const values = [
      email,
      name,
      givenName,
      familyName,
      merged('title', 'title'),
      merged('department', 'department'),
      merged('location', 'location'),
      merged('manager', 'manager_id'),
      merged('externalId', 'external_id'),
      userName,
      merged('locale', 'locale'),
      deactivatedAt,
      now,
    ];
    if (existing) {
      const [row] = await tx.query<PersonRow>(
        `UPDATE people SET email = $2, name = $3, given_name = $4, family_name = $5, title = $6, department = $7,
           location = $8, manager_id = $9, external_id = $10, user_name = $11, locale = $12, deactivated_at = $13,
           updated_at = $14 WHERE id = $1 RETURNING ${COLUMNS}`,
        [existing.id, ...values],
      );
      return row;
    }
    const idSource = config.idFrom === 'externalId' ? merged('externalId', 'external_id') : userName;
    const id = idSource ?? `scim-${randomUUID()}`;
    const [taken] = await tx.query<{ id: string }>('SELECT id FROM people WHERE id = $1', [id]);
    if (taken) throw new ScimError(409, `A person with id "${id}" already exists.`, 'uniqueness');
    // Provisioned people are colleagues in the directory; they become members by invitation or sign-in.
    const [row] = await tx.query<PersonRow>(
      `INSERT INTO people (id, email, name, given_name, family_name, title, department, location, manager_id,
         external_id, user_name, locale, deactivated_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${COLUMNS}`,
      [id, ...values],
    );
    return row;
  }

  /** A person already in the directory (import, sign-in) that a POST /Users names: adopted, not duplicated. */
  async function adoptable(tx: Queryable, changes: UserChanges): Promise<PersonRow | undefined> {
    const keys = [changes.userName, changes.email, config.idFrom === 'externalId' ? changes.externalId : null]
      .filter((key): key is string => Boolean(key))
      .map((key) => key.toLowerCase());
    if (!keys.length) return undefined;
    const [row] = await tx.query<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE (lower(id) = ANY($1) OR lower(email) = ANY($1)) ORDER BY id LIMIT 1`,
      [keys],
    );
    return row;
  }

  /** Community manager / management flags of these people from their groups (when groups are mapped). */
  async function syncRoles(tx: Queryable, personIds: readonly string[]) {
    if (!personIds.length || (!managerGroups.length && !managementGroups.length)) return;
    await tx.query(
      `UPDATE people p SET
         is_community_manager = CASE WHEN cardinality($2::text[]) = 0 THEN p.is_community_manager ELSE EXISTS (
           SELECT 1 FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id
            WHERE m.person_id = p.id AND lower(g.display_name) = ANY($2)) END,
         is_management = CASE WHEN cardinality($3::text[]) = 0 THEN p.is_management ELSE EXISTS (
           SELECT 1 FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id
            WHERE m.person_id = p.id AND lower(g.display_name) = ANY($3)) END,
         updated_at = now()
       WHERE p.id = ANY($1)`,
      [personIds, managerGroups, managementGroups],
    );
  }

  async function groupResource(tx: Queryable, request: FastifyRequest, id: string, withMembers = true) {
    const [group] = await tx.query<{
      id: string;
      display_name: string;
      external_id: string | null;
      created_at: Date;
      updated_at: Date;
    }>('SELECT id, display_name, external_id, created_at, updated_at FROM scim_groups WHERE id = $1', [id]);
    if (!group) throw new ScimError(404, `Group ${id} not found.`);
    const members = withMembers
      ? await tx.query<{ id: string; name: string }>(
          `SELECT p.id, p.name FROM scim_group_members m JOIN people p ON p.id = m.person_id
            WHERE m.group_id = $1 ORDER BY p.id`,
          [id],
        )
      : [];
    return {
      schemas: [SCIM_GROUP],
      id: group.id,
      ...(group.external_id ? { externalId: group.external_id } : {}),
      displayName: group.display_name,
      ...(withMembers
        ? {
            members: members.map((member) => ({
              value: member.id,
              display: member.name,
              $ref: location(request, 'Users', member.id),
            })),
          }
        : {}),
      meta: {
        resourceType: 'Group',
        created: group.created_at.toISOString(),
        lastModified: group.updated_at.toISOString(),
        location: location(request, 'Groups', group.id),
      },
    };
  }

  const memberIds = (value: unknown): string[] =>
    (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
      .map((item) => text(item))
      .filter((id): id is string => Boolean(id));

  async function setMembers(tx: Queryable, groupId: string, add: string[], remove: string[] | 'all') {
    const before = (
      await tx.query<{ person_id: string }>('SELECT person_id FROM scim_group_members WHERE group_id = $1', [
        groupId,
      ])
    ).map((row) => row.person_id);
    if (remove === 'all') await tx.query('DELETE FROM scim_group_members WHERE group_id = $1', [groupId]);
    else if (remove.length)
      await tx.query('DELETE FROM scim_group_members WHERE group_id = $1 AND person_id = ANY($2)', [
        groupId,
        remove,
      ]);
    if (add.length) {
      const known = (await tx.query<{ id: string }>('SELECT id FROM people WHERE id = ANY($1)', [add])).map(
        (row) => row.id,
      );
      const unknown = add.filter((id) => !known.includes(id));
      if (unknown.length) throw new ScimError(400, `Unknown member ${unknown[0]}.`, 'invalidValue');
      await tx.query(
        `INSERT INTO scim_group_members (group_id, person_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [groupId, known],
      );
    }
    await tx.query('UPDATE scim_groups SET updated_at = $2 WHERE id = $1', [groupId, options.now()]);
    await syncRoles(tx, [...new Set([...before, ...add])]);
  }

  function listResponse(resources: unknown[], total: number, startIndex: number) {
    return {
      schemas: [LIST],
      totalResults: total,
      startIndex,
      itemsPerPage: resources.length,
      Resources: resources,
    };
  }

  function paging(query: Record<string, string | undefined>) {
    const startIndex = Math.max(1, Number.parseInt(query.startIndex ?? '1', 10) || 1);
    const count = Math.min(500, Math.max(0, Number.parseInt(query.count ?? '100', 10) || 0));
    return { startIndex, count: query.count === undefined ? 100 : count };
  }

  const send = (reply: FastifyReply, status: number, body?: unknown) => {
    void reply.code(status).header('content-type', 'application/scim+json; charset=utf-8');
    return body === undefined ? reply.send() : reply.send(body);
  };

  return async function register(app: FastifyInstance): Promise<void> {
    // Identity providers send application/scim+json or application/json; errors answer in SCIM's shape.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      ['application/scim+json', 'application/json'],
      { parseAs: 'string' },
      (_request, body, done) => {
        if (String(body).trim() === '') return done(null, undefined);
        try {
          done(null, JSON.parse(String(body)));
        } catch {
          done(new ScimError(400, 'The request body is not valid JSON.', 'invalidSyntax'));
        }
      },
    );
    app.addHook('onRequest', async (request) => {
      const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
      const given = createHash('sha256').update(token).digest();
      if (!token || !timingSafeEqual(given, expected))
        throw new ScimError(401, 'The SCIM bearer token is not valid.');
    });
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error instanceof ScimError ? error.status : (error.statusCode ?? 500);
      if (status >= 500) request.log.error(error);
      const body: Record<string, unknown> = {
        schemas: [ERROR],
        status: String(status),
        detail: status >= 500 ? 'Something went wrong on the server.' : error.message,
      };
      if (error instanceof ScimError && error.scimType) body.scimType = error.scimType;
      if (status === 401) void reply.header('www-authenticate', 'Bearer realm="kring-scim"');
      return send(reply, status, body);
    });
    app.setNotFoundHandler((_request, reply) =>
      send(reply, 404, {
        schemas: [ERROR],
        status: '404',
        detail: 'There is no SCIM resource at this address.',
      }),
    );

    const body = (request: FastifyRequest) => {
      const value = request.body;
      if (!value || typeof value !== 'object')
        throw new ScimError(400, 'A JSON body is needed.', 'invalidSyntax');
      return value as Record<string, any>;
    };
    const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

    // ------------------------------------------------------------------------------------ discovery
    app.get('/ServiceProviderConfig', async (_request, reply) =>
      send(reply, 200, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
        patch: { supported: true },
        bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
        filter: { supported: true, maxResults: 500 },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: false },
        authenticationSchemes: [
          {
            type: 'oauthbearertoken',
            name: 'Bearer token',
            description: 'The secret set in KRING_SCIM_TOKEN.',
          },
        ],
      }),
    );
    app.get('/ResourceTypes', async (_request, reply) =>
      send(
        reply,
        200,
        listResponse(
          [
            {
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
              id: 'User',
              name: 'User',
              endpoint: '/Users',
              schema: SCIM_USER,
              schemaExtensions: [{ schema: SCIM_ENTERPRISE, required: false }],
            },
            {
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
              id: 'Group',
              name: 'Group',
              endpoint: '/Groups',
              schema: SCIM_GROUP,
            },
          ],
          2,
          1,
        ),
      ),
    );
    app.get('/Schemas', async (_request, reply) => {
      const attribute = (name: string, type = 'string', multiValued = false) => ({
        name,
        type,
        multiValued,
        required: name === 'userName' || name === 'displayName',
        mutability: 'readWrite',
        returned: 'default',
        uniqueness: name === 'userName' ? 'server' : 'none',
      });
      const schemas = [
        {
          id: SCIM_USER,
          name: 'User',
          attributes: ['userName', 'externalId', 'displayName', 'title', 'preferredLanguage']
            .map((name) => attribute(name))
            .concat([
              attribute('active', 'boolean'),
              attribute('name', 'complex'),
              attribute('emails', 'complex', true),
              attribute('addresses', 'complex', true),
            ]),
        },
        {
          id: SCIM_ENTERPRISE,
          name: 'EnterpriseUser',
          attributes: [attribute('department'), attribute('manager', 'complex')],
        },
        {
          id: SCIM_GROUP,
          name: 'Group',
          attributes: [attribute('displayName'), attribute('members', 'complex', true)],
        },
      ].map((schema) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'], ...schema }));
      return send(reply, 200, listResponse(schemas, schemas.length, 1));
    });

    // ---------------------------------------------------------------------------------------- Users
    app.get('/Users', async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const { startIndex, count } = paging(query);
      const where: string[] = [VISIBLE];
      const params: unknown[] = [];
      for (const { attribute, value } of query.filter ? parseFilter(query.filter) : []) {
        params.push(value.toLowerCase());
        const at = `$${params.length}`;
        if (attribute === 'username')
          where.push(
            `(lower(user_name) = ${at} OR (user_name IS NULL AND (lower(email) = ${at} OR lower(id) = ${at})))`,
          );
        else if (attribute === 'externalid') where.push(`lower(external_id) = ${at}`);
        else if (attribute === 'id') where.push(`lower(id) = ${at}`);
        else if (/^emails(\[.*\])?(\.value)?$/.test(attribute)) where.push(`lower(email) = ${at}`);
        else if (attribute === 'displayname') where.push(`lower(name) = ${at}`);
        else throw new ScimError(400, `Filtering on ${attribute} is not supported.`, 'invalidFilter');
      }
      const condition = where.join(' AND ');
      const [{ total }] = await db.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM people WHERE ${condition}`,
        params as string[],
      );
      const rows = await db.query<PersonRow>(
        `SELECT ${COLUMNS} FROM people WHERE ${condition} ORDER BY id
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...(params as string[]), count, startIndex - 1],
      );
      return send(
        reply,
        200,
        listResponse(
          rows.map((row) => toUser(request, row)),
          total,
          startIndex,
        ),
      );
    });

    app.get('/Users/:id', async (request, reply) => {
      const row = await findUser(db, idOf(request));
      return send(reply, 200, toUser(request, row, await groupsOf(db, row.id)));
    });

    app.post('/Users', async (request, reply) => {
      const changes = changesOfResource(body(request));
      if (!changes.userName) throw new ScimError(400, 'A user needs a userName.', 'invalidValue');
      const row = await db.transaction(async (tx) => {
        const existing = await adoptable(tx, changes);
        if (existing?.user_name && existing.user_name.toLowerCase() === changes.userName!.toLowerCase())
          throw new ScimError(409, `userName "${changes.userName}" is already provisioned.`, 'uniqueness');
        if (existing?.user_name || existing?.external_id)
          throw new ScimError(
            409,
            `"${changes.userName}" is already provisioned as ${existing.id}.`,
            'uniqueness',
          );
        const written = await writeUser(tx, existing, changes, false);
        await audit(tx, 'scim', existing ? 'scim.user.link' : 'scim.user.create', written.id, {
          active: written.deactivated_at === null,
        });
        return written;
      });
      options.touched();
      void reply.header('location', location(request, 'Users', row.id));
      return send(reply, 201, toUser(request, row, await groupsOf(db, row.id)));
    });

    app.put('/Users/:id', async (request, reply) => {
      const changes = changesOfResource(body(request));
      const row = await db.transaction(async (tx) => {
        const existing = await findUser(tx, idOf(request));
        const written = await writeUser(tx, existing, changes, true);
        await audit(tx, 'scim', 'scim.user.replace', written.id, activeChange(existing, written));
        return written;
      });
      options.touched();
      return send(reply, 200, toUser(request, row, await groupsOf(db, row.id)));
    });

    app.patch('/Users/:id', async (request, reply) => {
      const changes = changesOfPatch(body(request));
      const row = await db.transaction(async (tx) => {
        const existing = await findUser(tx, idOf(request));
        const written = await writeUser(tx, existing, changes, false);
        await audit(tx, 'scim', 'scim.user.update', written.id, {
          attributes: Object.keys(changes),
          ...activeChange(existing, written),
        });
        return written;
      });
      options.touched();
      return send(reply, 200, toUser(request, row, await groupsOf(db, row.id)));
    });

    app.delete('/Users/:id', async (request, reply) => {
      await db.transaction(async (tx) => {
        const existing = await findUser(tx, idOf(request));
        // The row stays (kudos keep the name); the person can no longer sign in or be found.
        await tx.query(
          `UPDATE people SET deactivated_at = COALESCE(deactivated_at, $2), user_name = NULL, external_id = NULL,
             updated_at = $2 WHERE id = $1`,
          [existing.id, options.now()],
        );
        const groups = await tx.query<{ group_id: string }>(
          'DELETE FROM scim_group_members WHERE person_id = $1 RETURNING group_id',
          [existing.id],
        );
        if (groups.length) await syncRoles(tx, [existing.id]);
        await audit(tx, 'scim', 'scim.user.delete', existing.id);
      });
      options.touched();
      return send(reply, 204);
    });

    // --------------------------------------------------------------------------------------- Groups
    app.get('/Groups', async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const { startIndex, count } = paging(query);
      const withMembers = !/\bmembers\b/i.test(query.excludedAttributes ?? '');
      const where: string[] = ['true'];
      const params: string[] = [];
      for (const { attribute, value } of query.filter ? parseFilter(query.filter) : []) {
        params.push(value.toLowerCase());
        const at = `$${params.length}`;
        if (attribute === 'displayname') where.push(`lower(display_name) = ${at}`);
        else if (attribute === 'externalid') where.push(`lower(external_id) = ${at}`);
        else if (attribute === 'id') where.push(`lower(id) = ${at}`);
        else if (attribute === 'members.value' || attribute === 'members')
          where.push(`id IN (SELECT group_id FROM scim_group_members WHERE lower(person_id) = ${at})`);
        else throw new ScimError(400, `Filtering on ${attribute} is not supported.`, 'invalidFilter');
      }
      const condition = where.join(' AND ');
      const [{ total }] = await db.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM scim_groups WHERE ${condition}`,
        params,
      );
      const ids = await db.query<{ id: string }>(
        `SELECT id FROM scim_groups WHERE ${condition} ORDER BY display_name
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, count, startIndex - 1],
      );
      const resources = [];
      for (const { id } of ids) resources.push(await groupResource(db, request, id, withMembers));
      return send(reply, 200, listResponse(resources, total, startIndex));
    });

    app.get('/Groups/:id', async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const withMembers = !/\bmembers\b/i.test(query.excludedAttributes ?? '');
      return send(reply, 200, await groupResource(db, request, idOf(request), withMembers));
    });

    app.post('/Groups', async (request, reply) => {
      const input = body(request);
      const displayName = text(input.displayName);
      if (!displayName) throw new ScimError(400, 'A group needs a displayName.', 'invalidValue');
      const id = `g-${randomUUID()}`;
      const resource = await db.transaction(async (tx) => {
        const [clash] = await tx.query<{ id: string }>(
          'SELECT id FROM scim_groups WHERE lower(display_name) = lower($1)',
          [displayName],
        );
        if (clash) throw new ScimError(409, `A group "${displayName}" already exists.`, 'uniqueness');
        const now = options.now();
        await tx.query(
          'INSERT INTO scim_groups (id, display_name, external_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
          [id, displayName, text(input.externalId), now],
        );
        await setMembers(tx, id, memberIds(input.members), []);
        await audit(tx, 'scim', 'scim.group.create', id, { displayName });
        return groupResource(tx, request, id);
      });
      void reply.header('location', location(request, 'Groups', id));
      return send(reply, 201, resource);
    });

    app.put('/Groups/:id', async (request, reply) => {
      const input = body(request);
      const resource = await db.transaction(async (tx) => {
        const id = idOf(request);
        await groupResource(tx, request, id, false);
        const displayName = text(input.displayName);
        if (displayName)
          await tx.query('UPDATE scim_groups SET display_name = $2, external_id = $3 WHERE id = $1', [
            id,
            displayName,
            text(input.externalId),
          ]);
        await setMembers(tx, id, memberIds(input.members), 'all');
        await audit(tx, 'scim', 'scim.group.replace', id, { displayName });
        return groupResource(tx, request, id);
      });
      return send(reply, 200, resource);
    });

    app.patch('/Groups/:id', async (request, reply) => {
      const input = body(request);
      const operations = input.Operations ?? input.operations;
      if (!Array.isArray(operations))
        throw new ScimError(400, 'A PATCH needs an Operations list.', 'invalidSyntax');
      const id = idOf(request);
      await db.transaction(async (tx) => {
        await groupResource(tx, request, id, false);
        for (const operation of operations as { op?: string; path?: string; value?: any }[]) {
          const op = String(operation.op ?? '').toLowerCase();
          const path = (operation.path ?? '').trim();
          const filtered = path.match(/^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i);
          if (path.toLowerCase() === 'members' || filtered) {
            const ids = filtered ? [filtered[1]] : memberIds(operation.value);
            if (op === 'add') await setMembers(tx, id, ids, []);
            else if (op === 'remove') await setMembers(tx, id, [], filtered || ids.length ? ids : 'all');
            else if (op === 'replace') await setMembers(tx, id, ids, 'all');
            else throw new ScimError(400, `Unknown PATCH op "${operation.op}".`, 'invalidSyntax');
          } else if (path.toLowerCase() === 'displayname' || (!path && operation.value?.displayName)) {
            const displayName = text(path ? operation.value : operation.value.displayName);
            if (displayName)
              await tx.query('UPDATE scim_groups SET display_name = $2 WHERE id = $1', [id, displayName]);
            const members = (
              await tx.query<{ person_id: string }>(
                'SELECT person_id FROM scim_group_members WHERE group_id = $1',
                [id],
              )
            ).map((row) => row.person_id);
            await syncRoles(tx, members);
          } else if (path.toLowerCase() === 'externalid') {
            await tx.query('UPDATE scim_groups SET external_id = $2 WHERE id = $1', [
              id,
              text(operation.value),
            ]);
          } else if (!path && Array.isArray(operation.value?.members)) {
            if (op === 'replace') await setMembers(tx, id, memberIds(operation.value.members), 'all');
            else await setMembers(tx, id, memberIds(operation.value.members), []);
          } else if (op !== 'add' && op !== 'replace' && op !== 'remove') {
            throw new ScimError(400, `Unknown PATCH op "${operation.op}".`, 'invalidSyntax');
          }
        }
        await audit(tx, 'scim', 'scim.group.update', id, { operations: operations.length });
      });
      // Entra accepts 204 for a group PATCH; Okta reads the group back: both take a 200 with the group.
      return send(reply, 200, await groupResource(db, request, id));
    });

    app.delete('/Groups/:id', async (request, reply) => {
      await db.transaction(async (tx) => {
        const id = idOf(request);
        await groupResource(tx, request, id, false);
        const members = (
          await tx.query<{ person_id: string }>(
            'DELETE FROM scim_group_members WHERE group_id = $1 RETURNING person_id',
            [id],
          )
        ).map((row) => row.person_id);
        await tx.query('DELETE FROM scim_groups WHERE id = $1', [id]);
        await syncRoles(tx, members);
        await audit(tx, 'scim', 'scim.group.delete', id);
      });
      return send(reply, 204);
    });
  };
}

function activeChange(before: PersonRow, after: PersonRow): Record<string, unknown> {
  const was = before.deactivated_at === null;
  const is = after.deactivated_at === null;
  return was === is ? {} : { active: is };
}

export { PATCH_OP };
