/**
 * A faithful imitation of the Microsoft Graph endpoints the Graph adapter uses, as msw 2 handlers, with the
 * demo data behind it: `/me`, `/users/{id|upn}`, `/users?$filter=… in (…)` (at most 15 values),
 * `/users?$search=` (needs `ConsistencyLevel: eventual`), sized photos (binary, 404 for people without
 * one), `/beta/users/{id}/profile/skills`, JSON `$batch` (at most 20 parts, answered in shuffled order,
 * binary bodies base64-encoded, each part throttled on its own), and SharePoint list items through
 * `/sites/{site-id}/lists/{list}/items` (`expand=fields`, `fields/X eq` filters, `@odata.nextLink` paging,
 * If-Match on PATCH). Errors use Graph's `{ error: { code, message, innerError } }`.
 */
import { DEMO_PHOTO_TYPE, demoPhotoBase64 } from '../demo-photo.mjs';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createDemoBackend, type DemoBackend } from '../../src/backends/demo/index.js';
import type { DemoPersonRecord } from '../../src/backends/demo/seed.js';
import {
  DEFAULT_LIST_TITLES,
  LIST_FIELDS,
  LIST_KEYS,
  type ListKey,
} from '../../src/backends/lists/schema.js';
import type { SkillLevel } from '../../src/model.js';
import {
  seedAuthor,
  seedDemoActivity,
  seedDemoEarnedBadges,
  seedDemoKudos,
  seedDemoLists,
} from '../sharepoint/list-seed.js';

type Json = Record<string, unknown>;

export interface GraphMockOptions {
  /** Default `https://graph.microsoft.com`. */
  baseUrl?: string;
  backend?: DemoBackend;
  /** The site holding the lists. Default `contoso.sharepoint.com,…` for `https://contoso.sharepoint.com/sites/kring`. */
  siteUrl?: string;
  /** Every n-th person (by directory order) has no photo (404). Default 4; 0 gives everyone a photo. */
  noPhotoEvery?: number;
  /** Shuffle `$batch` responses (as Graph may). Default true. */
  shuffle?: boolean;
  /** Page size of list items when `$top` is absent. Default 200 (Graph's). */
  defaultPageSize?: number;
  /** Server delay per top-level request, ms. Default 0. */
  latencyMs?: number;
  /** Seed of the response shuffle. */
  seed?: number;
  /**
   * Also answer `/users/{demo id}` (`/users/p00002`), so pages written for the demo backend show the same
   * people over Graph. Real Graph has no such alias. Default false.
   */
  demoIdAliases?: boolean;
  /**
   * Seeds what the demo page shows beyond the lists' base seed: the demo's six months of activity (the
   * pulse) and the badges members earned by the criteria ("my badges"). Default false.
   */
  fullDemo?: boolean;
  /**
   * Every n-th person (index n-1, 2n-1, …) has only a small photo (48 px from on-premises AD): the
   * `96x96` size answers 404, `/photo/$value` the photo. Default 0 (none).
   */
  smallPhotoEvery?: number;
  /** False: the site has no Kring lists (nobody provisioned them). Default true. */
  provisioned?: boolean;
}

/** A part or request that fails on purpose. */
export interface GraphFault {
  status: 401 | 403 | 429 | 500 | 503 | 504;
  /** `Retry-After` value, e.g. `2.128`. */
  retryAfter?: string;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Which requests: `path` is relative to the version root (`/users/…`); `inBatch` for `$batch` parts. */
  match?: (request: { method: string; path: string; version: string; inBatch: boolean }) => boolean;
}

export interface GraphMockControl {
  readonly handlers: HttpHandler[];
  /** Every top-level request (a `$batch` counts once). */
  readonly requests: { method: string; url: string; headers: Headers }[];
  /** Every `$batch` part, with the batch it came in (0-based). */
  readonly parts: { batch: number; method: string; url: string }[];
  /** Sizes of every `$batch` received. */
  readonly batchSizes: number[];
  /** The site id the lists are reached by. */
  readonly siteId: string;
  /** Graph user of the signed-in person. */
  readonly me: Json;
  /** Every Graph user, as `GET /users/{id}` with all fields would return it. */
  readonly users: Json[];
  /** Whether the beta profile API answers (false: every beta call fails with 500). */
  betaAvailable: boolean;
  fail(fault: GraphFault): void;
  /** Only this bearer token is accepted (401 otherwise); `undefined` accepts any token. */
  acceptToken: string | undefined;
  reset(): void;
}

const PROFICIENCY: Record<SkillLevel, string> = {
  learning: 'elementary',
  practitioner: 'advancedProfessional',
  expert: 'expert',
};

interface MockItem {
  id: number;
  version: number;
  created: string;
  modified: string;
  /** Who created it (a person id), Graph's `createdBy`: the signed-in user for items made through the API. */
  author: string;
  fields: Json;
}

interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body, or base64 bytes when `binary`. */
  body?: unknown;
  binary?: boolean;
}

export function createGraphHandlers(options: GraphMockOptions = {}): GraphMockControl {
  const base = (options.baseUrl ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  const site = new URL(options.siteUrl ?? 'https://contoso.sharepoint.com/sites/kring');
  const siteId = `${site.hostname},7f3e2d1c-0b4a-4c5d-8e6f-1a2b3c4d5e6f,9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`;
  const demo = options.backend ?? createDemoBackend({ persist: false, storage: null });
  const data = demo.demo.data;
  const noPhotoEvery = options.noPhotoEvery ?? 4;
  const pageSize = options.defaultPageSize ?? 200;
  let seed = options.seed ?? 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  // ---------------------------------------------------------------- directory

  const guidFor = (index: number) =>
    `${(0x4b000000 + index).toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
  const records = data.people;
  const users: Json[] = records.map((person, index) => ({
    id: guidFor(index),
    displayName: person.name,
    givenName: person.firstName,
    surname: person.lastName,
    mail: person.email,
    userPrincipalName: person.email,
    jobTitle: person.title,
    department: person.department,
    officeLocation: person.location,
    businessPhones: [],
    mobilePhone: null,
    preferredLanguage: 'nl-NL',
    aboutMe: person.about,
  }));
  const recordOf = new Map<Json, DemoPersonRecord>(users.map((user, index) => [user, records[index]]));
  const userByKey = new Map<string, Json>();
  users.forEach((user, index) => {
    const aliases = options.demoIdAliases ? [records[index].id] : [];
    for (const key of [user.id, user.userPrincipalName, user.mail, ...aliases]) {
      userByKey.set(String(key).toLowerCase(), user);
    }
  });
  const hasPhoto = (user: Json) => noPhotoEvery <= 0 || users.indexOf(user) % noPhotoEvery !== 0;
  const smallPhotoEvery = options.smallPhotoEvery ?? 0;
  const onlySmallPhoto = (user: Json) =>
    smallPhotoEvery > 0 && users.indexOf(user) % smallPhotoEvery === smallPhotoEvery - 1;
  const me = users[records.findIndex((record) => record.id === demo.demo.currentUserId)];
  const userByDemoId = new Map(records.map((record, index) => [record.id, users[index]]));
  const emailOf = (demoId: string | undefined) =>
    demoId ? String(userByDemoId.get(demoId)?.userPrincipalName ?? demoId).toLowerCase() : '';

  /** Properties Graph returns without `$select`; `aboutMe` and friends only when selected. */
  const DEFAULT_PROPERTIES = [
    'businessPhones',
    'displayName',
    'givenName',
    'jobTitle',
    'mail',
    'mobilePhone',
    'officeLocation',
    'preferredLanguage',
    'surname',
    'userPrincipalName',
    'id',
  ];
  const project = (user: Json, select: string[] | undefined) =>
    Object.fromEntries(
      (select ?? DEFAULT_PROPERTIES).map((name) => [name, name in user ? user[name] : null]),
    );

  // ---------------------------------------------------------------- lists

  const lists = new Map<string, { title: string; items: MockItem[]; nextId: number }>();
  for (const key of LIST_KEYS) {
    lists.set(DEFAULT_LIST_TITLES[key].toLowerCase(), {
      title: DEFAULT_LIST_TITLES[key],
      items: [],
      nextId: 1,
    });
  }
  function addItem(key: ListKey | string, fields: Json, created?: string, author?: string): MockItem {
    const list = lists.get(
      (key in DEFAULT_LIST_TITLES ? DEFAULT_LIST_TITLES[key as ListKey] : key).toLowerCase(),
    )!;
    const at = created ?? new Date().toISOString();
    const item: MockItem = {
      id: list.nextId++,
      version: 1,
      created: at,
      modified: at,
      author: author ?? String(me.userPrincipalName).toLowerCase(),
      fields: { ...fields },
    };
    list.items.push(item);
    return item;
  }
  const addSeedItem = (key: ListKey, fields: Json, created?: string, author?: string) => {
    addItem(key, fields, created, author ?? seedAuthor(key, fields));
  };
  seedDemoLists(demo, emailOf, addSeedItem, { ambassadors: false });
  if (options.fullDemo) seedDemoActivity(demo, emailOf, addSeedItem);
  /** Earned badges need the demo backend's (asynchronous) answers: added once, before the first list request. */
  let earnedSeeded: Promise<void> | undefined;
  const seedEarned = () =>
    options.fullDemo
      ? (earnedSeeded ??= seedDemoEarnedBadges(demo, emailOf, addSeedItem))
      : Promise.resolve();
  /** Kudos come from the demo backend's public API (its history is generated lazily), once. */
  let kudosSeeded: Promise<void> | undefined;
  const seedKudos = () => (kudosSeeded ??= seedDemoKudos(demo, emailOf, addSeedItem, async () => '{}'));

  const etagOf = (item: MockItem) => `"${guidFor(item.id)},${item.version}"`;
  function itemJson(listTitle: string, item: MockItem): Json {
    const fieldNames =
      LIST_FIELDS[LIST_KEYS.find((key) => DEFAULT_LIST_TITLES[key] === listTitle) ?? 'kudos'];
    return {
      '@odata.etag': etagOf(item),
      createdDateTime: item.created,
      eTag: etagOf(item),
      id: String(item.id),
      lastModifiedDateTime: item.modified,
      webUrl: `${site.href.replace(/\/+$/, '')}/Lists/${encodeURIComponent(listTitle)}/${item.id}_.000`,
      createdBy: {
        user: { email: item.author, displayName: userByKey.get(item.author)?.displayName ?? item.author },
      },
      parentReference: { siteId },
      contentType: { id: '0x0100', name: 'Item' },
      'fields@odata.context': `${base}/v1.0/$metadata#sites('${siteId}')/lists('${listTitle}')/items('${item.id}')/fields/$entity`,
      fields: {
        '@odata.etag': etagOf(item),
        id: String(item.id),
        ContentType: 'Item',
        Title: null,
        ...Object.fromEntries(fieldNames.map((f) => [f.name, null])),
        ...item.fields,
        Created: item.created,
        Modified: item.modified,
        AuthorLookupId: '11',
        EditorLookupId: '11',
      },
    };
  }

  // ---------------------------------------------------------------- faults and counting

  const faults: (GraphFault & { left: number })[] = [];
  const state = {
    requests: [] as { method: string; url: string; headers: Headers }[],
    parts: [] as { batch: number; method: string; url: string }[],
    batchSizes: [] as number[],
  };

  function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    const date = new Date().toISOString().slice(0, 19);
    const requestId = `${Math.floor(random() * 1e8).toString(16)}-mock`;
    return {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: {
        error: {
          code,
          message,
          innerError: { date, 'request-id': requestId, 'client-request-id': requestId },
        },
      },
    } satisfies MockResponse;
  }
  const ok = (body: unknown, status = 200): MockResponse => ({
    status,
    headers: {
      'Content-Type':
        'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    },
    body,
  });

  function injectedFault(
    method: string,
    path: string,
    version: string,
    inBatch: boolean,
  ): MockResponse | undefined {
    const fault = faults.find((f) => f.left > 0 && (!f.match || f.match({ method, path, version, inBatch })));
    if (!fault) return undefined;
    fault.left -= 1;
    const retry: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
    switch (fault.status) {
      case 401:
        return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
      case 403:
        return graphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      case 429:
        return graphError(429, 'TooManyRequests', 'Too many requests.', retry);
      case 503:
        return graphError(503, 'serviceNotAvailable', 'Service unavailable.', retry);
      case 504:
        return graphError(504, 'UnknownError', 'Gateway timeout.', retry);
      default:
        return graphError(500, 'generalException', 'General exception while processing.');
    }
  }

  // ---------------------------------------------------------------- routes (relative to the version root)

  const selectOf = (url: URL) => url.searchParams.get('$select')?.split(',').filter(Boolean);
  const notFound = (what: string) =>
    graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
    );

  async function route(
    method: string,
    url: URL,
    headers: Headers,
    body: unknown,
    version: string,
    inBatch: boolean,
  ): Promise<MockResponse> {
    // `/me/…` is the signed-in user's `/users/{id}/…`.
    const path = decodeURIComponent(url.pathname.replace(/^\/(v1\.0|beta)/, '')).replace(
      /^\/me\//,
      `/users/${String(me.id)}/`,
    );
    const fault = injectedFault(method, path, version, inBatch);
    if (fault) return fault;
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/me')
      return ok({
        '@odata.context': `${base}/${version}/$metadata#users/$entity`,
        ...project(me, selectOf(url)),
      });

    if (method === 'GET' && (match = /^\/users\/([^/]+)\/profile\/skills$/.exec(path))) {
      if (version !== 'beta')
        return graphError(400, 'BadRequest', `Resource not found for the segment 'profile'.`);
      if (!control.betaAvailable)
        return graphError(500, 'generalException', 'An unexpected error occurred in the profile service.');
      const user = userByKey.get(match[1].toLowerCase());
      if (!user) return notFound(match[1]);
      const record = recordOf.get(user)!;
      return ok({
        '@odata.context': `${base}/beta/$metadata#users('${user.id}')/profile/skills`,
        value: record.skills.map((skill, index) => ({
          id: `${user.id}-skill-${index}`,
          allowedAudiences: 'organization',
          createdDateTime: '2026-01-15T09:00:00Z',
          displayName: skill.name,
          categories: ['Professional'],
          collaborationTags: [...skill.tags],
          proficiency: PROFICIENCY[skill.level],
          webUrl: null,
        })),
      });
    }

    if (
      method === 'GET' &&
      (match = /^\/users\/([^/]+)\/photos?\/(?:([0-9]+x[0-9]+)\/)?\$value$/.exec(path))
    ) {
      const user = userByKey.get(match[1].toLowerCase());
      const sizeTooLarge = Boolean(match[2]) && user !== undefined && onlySmallPhoto(user);
      if (!user || !hasPhoto(user) || sizeTooLarge) {
        return graphError(
          404,
          'ImageNotFound',
          "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.",
        );
      }
      return {
        status: 200,
        headers: { 'Content-Type': DEMO_PHOTO_TYPE },
        body: demoPhotoBase64(String(user.id)),
        binary: true,
      };
    }

    if (method === 'GET' && (match = /^\/users\/([^/]+)$/.exec(path))) {
      const user = userByKey.get(match[1].toLowerCase());
      if (!user) return notFound(match[1]);
      return ok({
        '@odata.context': `${base}/${version}/$metadata#users/$entity`,
        ...project(user, selectOf(url)),
      });
    }

    if (method === 'GET' && path === '/users') return listUsers(url, headers, version);

    if (method === 'GET' && (match = /^\/sites\/([^/:]+):(\/[^:]*?):?$/.exec(path))) {
      if (match[1] !== site.hostname || match[2].replace(/\/+$/, '') !== site.pathname.replace(/\/+$/, '')) {
        return graphError(404, 'itemNotFound', 'Requested site could not be found');
      }
      return ok({
        id: siteId,
        webUrl: site.href,
        displayName: 'Kring',
        name: site.pathname.split('/').pop(),
      });
    }

    if ((match = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items(?:\/([^/]+))?(\/fields)?$/.exec(path))) {
      if (match[1] !== siteId) return graphError(404, 'itemNotFound', 'Requested site could not be found');
      await seedKudos();
      await seedEarned();
      const list = options.provisioned === false ? undefined : lists.get(match[2].toLowerCase());
      if (!list) return graphError(404, 'itemNotFound', 'The specified list was not found');
      return listRoute(method, url, headers, body, list, match[3], Boolean(match[4]));
    }

    return graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`);
  }

  function listUsers(url: URL, headers: Headers, version: string): MockResponse {
    const search = url.searchParams.get('$search');
    const filter = url.searchParams.get('$filter');
    const select = selectOf(url);
    const top = Math.min(Number(url.searchParams.get('$top') ?? 100) || 100, 999);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0) || 0;
    const count = url.searchParams.get('$count') === 'true';
    if ((search || count) && headers.get('ConsistencyLevel') !== 'eventual') {
      return graphError(
        400,
        'Request_UnsupportedQuery',
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    let found = users;
    if (filter) {
      const inFilter = /^(id|userPrincipalName|mail) in \((.*)\)$/.exec(filter.trim());
      const eqFilter = /^department eq '((?:[^']|'')*)'$/.exec(filter.trim());
      if (inFilter) {
        const values = [...inFilter[2].matchAll(/'((?:[^']|'')*)'/g)].map((m) =>
          m[1].replace(/''/g, "'").toLowerCase(),
        );
        if (values.length > 15) {
          return graphError(
            400,
            'Request_UnsupportedQuery',
            `Too many child clauses specified in search filter expression containing 'OR' operators: ${values.length}. Max allowed: 15.`,
          );
        }
        const wanted = new Set(values);
        found = found.filter((user) => wanted.has(String(user[inFilter[1]] ?? '').toLowerCase()));
      } else if (eqFilter) {
        found = found.filter((user) => user.department === eqFilter[1].replace(/''/g, "'"));
      } else {
        return graphError(
          400,
          'Request_UnsupportedQuery',
          'Unsupported or invalid query filter clause specified.',
        );
      }
    }
    if (search) {
      const clauses = [...search.matchAll(/"(displayName|jobTitle|mail):([^"]*)"/g)];
      if (clauses.length === 0) return graphError(400, 'Request_UnsupportedQuery', 'Invalid search query.');
      // Graph's $search matches words by prefix, case-insensitively.
      found = found.filter((user) =>
        clauses.some(([, property, term]) => {
          const words = String(user[property] ?? '')
            .toLowerCase()
            .split(/[\s\-.@]+/);
          const wanted = term.trim().toLowerCase().split(/\s+/).filter(Boolean);
          return wanted.every((w) => words.some((word) => word.startsWith(w)));
        }),
      );
    }
    const pageItems = found.slice(skip, skip + top);
    const body: Json = {
      '@odata.context': `${base}/${version}/$metadata#users(${(select ?? []).join(',')})`,
    };
    if (count) body['@odata.count'] = found.length;
    if (skip + top < found.length) {
      const next = new URL(url.href);
      next.searchParams.set('$skiptoken', String(skip + top));
      body['@odata.nextLink'] = next.href;
    }
    body.value = pageItems.map((user) => project(user, select));
    return ok(body);
  }

  function listRoute(
    method: string,
    url: URL,
    headers: Headers,
    body: unknown,
    list: { title: string; items: MockItem[]; nextId: number },
    itemId: string | undefined,
    fieldsSegment: boolean,
  ): MockResponse {
    const findItem = () => list.items.find((item) => String(item.id) === itemId);
    if (!itemId && method === 'GET') {
      let items = [...list.items];
      const filter = url.searchParams.get('$filter');
      if (filter) {
        for (const clause of filter.split(/\s+and\s+/)) {
          const eq = /^fields\/(\w+) eq '((?:[^']|'')*)'$/.exec(clause.trim());
          if (!eq) return graphError(400, 'invalidRequest', 'Invalid filter clause');
          const value = eq[2].replace(/''/g, "'");
          items = items.filter((item) => String(item.fields[eq[1]] ?? '') === value);
        }
      }
      const order = url.searchParams.get('$orderby');
      if (order) {
        const [name, direction] = order.split(/\s+/);
        const key = (item: MockItem) =>
          name === 'fields/Created' || name === 'createdDateTime'
            ? item.created
            : String(item.fields[name.replace(/^fields\//, '')] ?? '');
        items.sort((a, b) => key(a).localeCompare(key(b)) * (direction === 'desc' ? -1 : 1));
      }
      const top = Number(url.searchParams.get('$top') ?? pageSize) || pageSize;
      const token = url.searchParams.get('$skiptoken');
      const skip = token ? Number(/p_ID=(\d+)/.exec(atob(token))?.[1] ?? 0) : 0;
      const pageItems = items.slice(skip, skip + top);
      const response: Json = {
        '@odata.context': `${base}/v1.0/$metadata#sites('${siteId}')/lists('${list.title}')/items`,
        value: pageItems.map((item) => itemJson(list.title, item)),
      };
      if (skip + top < items.length) {
        const next = new URL(url.href);
        next.searchParams.set('$skiptoken', btoa(`Paged=TRUE&p_ID=${skip + top}`));
        response['@odata.nextLink'] = next.href;
      }
      return ok(response);
    }
    if (!itemId && method === 'POST') {
      const fields = (body as { fields?: Json })?.fields;
      if (!fields || typeof fields !== 'object')
        return graphError(400, 'invalidRequest', 'Invalid request: fields are required.');
      return ok(itemJson(list.title, addItem(list.title, fields)), 201);
    }
    const item = findItem();
    if (!item) return graphError(404, 'itemNotFound', 'The resource could not be found.');
    if (method === 'GET' && !fieldsSegment) return ok(itemJson(list.title, item));
    if (method === 'PATCH' && fieldsSegment) {
      const ifMatch = headers.get('If-Match');
      if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(item)) {
        return graphError(
          412,
          'resourceModified',
          'The resource has changed since the caller last read it; usually an eTag mismatch',
        );
      }
      Object.assign(item.fields, body as Json);
      item.version += 1;
      item.modified = new Date().toISOString();
      return ok(itemJson(list.title, item).fields);
    }
    if (method === 'DELETE' && !fieldsSegment) {
      list.items.splice(list.items.indexOf(item), 1);
      return { status: 204, headers: {} };
    }
    return graphError(405, 'invalidRequest', 'Method not allowed.');
  }

  // ---------------------------------------------------------------- HTTP surface

  const bearer = (headers: Headers) => /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
  const toHttp = (response: MockResponse) => {
    if (response.binary) {
      const bytes = Uint8Array.from(atob(String(response.body)), (c) => c.charCodeAt(0));
      return new HttpResponse(bytes, { status: response.status, headers: response.headers });
    }
    if (response.body === undefined)
      return new HttpResponse(null, { status: response.status, headers: response.headers });
    return new HttpResponse(JSON.stringify(response.body), {
      status: response.status,
      headers: response.headers,
    });
  };
  const delay = () =>
    options.latencyMs
      ? new Promise<void>((resolve) => setTimeout(resolve, options.latencyMs))
      : Promise.resolve();

  /** Checks the token of a top-level request: 401 without one, or with one not accepted. */
  function authFailure(headers: Headers): MockResponse | undefined {
    const token = bearer(headers);
    if (!token) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (control.acceptToken !== undefined && token !== control.acceptToken) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    }
    return undefined;
  }

  async function batch(request: Request, version: string): Promise<Response> {
    const batchIndex = state.batchSizes.length;
    let payload: { requests?: Json[] };
    try {
      payload = (await request.json()) as { requests?: Json[] };
    } catch {
      return toHttp(graphError(400, 'BadRequest', 'Unable to deserialize the batch request.'));
    }
    const requests = Array.isArray(payload.requests) ? payload.requests : [];
    state.batchSizes.push(requests.length);
    if (requests.length === 0 || requests.length > 20) {
      return toHttp(
        graphError(
          400,
          'BadRequest',
          'Invalid batch payload format: the number of requests must be between 1 and 20.',
        ),
      );
    }
    const responses = [];
    for (const part of requests) {
      const method = String(part.method ?? 'GET').toUpperCase();
      const relative = String(part.url ?? '');
      state.parts.push({ batch: batchIndex, method, url: relative });
      const url = new URL(`${base}/${version}${relative.startsWith('/') ? '' : '/'}${relative}`);
      const response = await route(
        method,
        url,
        new Headers((part.headers as Record<string, string>) ?? {}),
        part.body,
        version,
        true,
      );
      responses.push({
        id: String(part.id),
        status: response.status,
        headers: response.headers,
        body: response.body,
      });
    }
    if (options.shuffle ?? true) {
      for (let i = responses.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [responses[i], responses[j]] = [responses[j], responses[i]];
      }
    }
    return HttpResponse.json({ responses });
  }

  async function handle(request: Request): Promise<Response> {
    state.requests.push({ method: request.method, url: request.url, headers: request.headers });
    await delay();
    const url = new URL(request.url);
    const version = url.pathname.startsWith('/beta') ? 'beta' : 'v1.0';
    const denied = authFailure(request.headers);
    if (denied) return toHttp(denied);
    if (url.pathname === `/${version}/$batch` && request.method === 'POST') {
      const fault = injectedFault('POST', '/$batch', version, false);
      if (fault) return toHttp(fault);
      return batch(request, version);
    }
    const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return toHttp(graphError(400, 'BadRequest', 'Unable to read JSON request payload.'));
    }
    return toHttp(await route(request.method, url, request.headers, body, version, false));
  }

  const resolver = ({ request }: { request: Request }) => handle(request);
  const handlers: HttpHandler[] = [
    http.get(`${base}/*`, resolver),
    http.post(`${base}/*`, resolver),
    http.patch(`${base}/*`, resolver),
    http.delete(`${base}/*`, resolver),
  ];

  const control: GraphMockControl = {
    handlers,
    get requests() {
      return state.requests;
    },
    get parts() {
      return state.parts;
    },
    get batchSizes() {
      return state.batchSizes;
    },
    siteId,
    me,
    users,
    betaAvailable: true,
    acceptToken: undefined,
    fail(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    reset() {
      state.requests = [];
      state.parts = [];
      state.batchSizes = [];
      faults.length = 0;
      control.betaAvailable = true;
      control.acceptToken = undefined;
    },
  };
  return control;
}
