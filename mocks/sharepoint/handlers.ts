/**
 * A faithful imitation of the SharePoint REST endpoints the SharePoint adapter uses, as msw 2 handlers,
 * with the demo data behind it. It answers in the flavour the Accept header asks for (nometadata, minimal,
 * verbose, OData v4), checks request digests (and lets them expire), pages list items with `$skiptoken`
 * next links (ignoring `$skip`, as SharePoint does), enforces If-Match, parses and answers multipart
 * `$batch` requests, and can be told to throttle.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createDemoBackend, type DemoBackend } from '../../src/backends/demo/index.js';
import {
  DEFAULT_LIST_TITLES,
  LIST_FIELDS,
  LIST_KEYS,
  type ListKey,
} from '../../src/backends/lists/schema.js';
import {
  seedAuthor,
  seedDemoActivity,
  seedDemoEarnedBadges,
  seedDemoKudos,
  seedDemoLists,
} from './list-seed.js';
import {
  DEMO_PHOTO_TYPE,
  demoPhotoSvg,
  emailFromSharePointPhotoPath,
  sharePointPhotoPath,
} from '../demo-photo.mjs';

type Flavour = 'nometadata' | 'minimal' | 'verbose' | 'v4';
type Json = Record<string, unknown>;

export interface SharePointMockOptions {
  /** Site URL the adapter is given, e.g. `${location.origin}/sites/kring`. */
  siteUrl: string;
  backend?: DemoBackend;
  /** The server clock (digest expiry). Default `Date.now`. */
  now?: () => number;
  /** Lifetime of a form digest. Default 1800 s. */
  digestLifetimeSeconds?: number;
  /** How an unknown account's profile looks. Default `odata.null`. */
  unknownProfile?: 'odata.null' | 'null-fields';
  /** Largest page of list items when `$top` is absent. Default 100 (SharePoint's default). */
  defaultPageSize?: number;
  /** Every n-th person (by directory order) has no profile photo. Default 4; 0 gives everyone one. */
  noPhotoEvery?: number;
  /**
   * Also answer profiles asked for by demo id (`i:0#.f|membership|p00002`), so pages written for the
   * demo backend show the same people over SharePoint. Real SharePoint has no such alias. Default false.
   */
  demoIdAliases?: boolean;
  /**
   * Seeds what the demo page shows beyond the lists' base seed: the demo's six months of activity (the
   * pulse) and the badges members earned by the criteria ("my badges"). Default false.
   */
  fullDemo?: boolean;
  /** False: the site has no Kring lists (nobody ran provisionSharePointLists). Default true. */
  provisioned?: boolean;
}

export interface MockFault {
  status: 429 | 503 | 500;
  /** `Retry-After` header value (seconds or an HTTP date). */
  retryAfter?: string;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Which requests; default every one. `inBatch` is true for a part of a `$batch`. */
  match?: (request: { method: string; url: string; inBatch: boolean }) => boolean;
}

export interface MockList {
  title: string;
  entityType: string;
  fields: Set<string>;
  items: MockItem[];
  nextId: number;
  /** 2: people read (or edit) only the items they created. */
  readSecurity?: number;
  writeSecurity?: number;
}

export interface MockItem {
  Id: number;
  version: number;
  Created: string;
  Modified: string;
  /** Who created it (a person id), SharePoint's `Author`: the signed-in user for items made through the API. */
  author: string;
  fields: Json;
}

export interface SharePointMockControl {
  /** Every request that reached the mock (batch parts are counted in `batchParts`). */
  readonly requests: { method: string; url: string }[];
  readonly batchParts: number;
  readonly lists: Map<string, MockList>;
  readonly digestsIssued: number;
  /** The signed-in user's e-mail (their person id in the adapter, lower-cased). */
  readonly currentUserEmail: string;
  /** Every digest issued so far stops working (as if 30 minutes had passed). */
  expireDigests(): void;
  failNext(fault: MockFault): void;
  resetCounts(): void;
}

const SECURITY_VALIDATION =
  "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.";
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface MockRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  inBatch: boolean;
}

interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function flavourOf(headers: Headers): Flavour {
  const accept = (headers.get('Accept') ?? '').toLowerCase();
  if (accept.includes('odata=verbose')) return 'verbose';
  if (accept.includes('odata=nometadata')) return 'nometadata';
  if (accept.includes('odata.metadata=') || headers.get('OData-Version') === '4.0') return 'v4';
  return 'minimal';
}

function contentTypeOf(flavour: Flavour): string {
  switch (flavour) {
    case 'verbose':
      return 'application/json;odata=verbose;charset=utf-8';
    case 'nometadata':
      return 'application/json;odata=nometadata;streaming=true;charset=utf-8';
    case 'v4':
      return 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    default:
      return 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const unquote = (value: string | null) => (value ?? '').replace(/^'|'$/g, '').replace(/''/g, "'");
const accountFor = (email: string) => `i:0#.f|membership|${email.toLowerCase()}`;
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function createSharePointMock(options: SharePointMockOptions): {
  handlers: HttpHandler[];
  control: SharePointMockControl;
} {
  const site = new URL(options.siteUrl, location.href);
  const siteUrl = site.href.replace(/\/+$/, '');
  const sitePath = site.pathname.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const lifetime = options.digestLifetimeSeconds ?? 1800;
  const defaultPageSize = options.defaultPageSize ?? 100;
  const demo = options.backend ?? createDemoBackend({ persist: false, storage: null });
  const data = demo.demo.data;
  const emailOf = new Map(data.people.map((person) => [person.id, person.email.toLowerCase()]));
  const personByEmail = new Map(data.people.map((person) => [person.email.toLowerCase(), person]));
  const noPhotoEvery = options.noPhotoEvery ?? 4;
  /** The profile photo's address, or '' for someone without one (as the profile service says it). */
  const directoryIndex = new Map(data.people.map((person, index) => [person.email, index]));
  const pictureOf = (person: { email: string }) => {
    const index = directoryIndex.get(person.email) ?? -1;
    return noPhotoEvery > 0 && index % noPhotoEvery === 0
      ? ''
      : `${site.origin}${sharePointPhotoPath(person.email)}`;
  };
  const idOf = (demoId: string | undefined) => (demoId ? (emailOf.get(demoId) ?? demoId) : '');
  const me = data.people.find((person) => person.id === demo.demo.currentUserId)!;

  const digests = new Map<string, number>();
  let digestCounter = 0;
  const faults: (MockFault & { left: number })[] = [];
  const state = { requests: [] as { method: string; url: string }[], batchParts: 0 };
  const lists = new Map<string, MockList>();

  // ---------------------------------------------------------------- seed lists from the demo data

  function createList(title: string, fieldNames: string[]): MockList {
    const list: MockList = {
      title,
      entityType: `SP.Data.${title.replace(/ /g, '_x0020_')}ListItem`,
      fields: new Set(['Title', ...fieldNames]),
      items: [],
      nextId: 1,
    };
    lists.set(title.toLowerCase(), list);
    return list;
  }
  function addItem(list: MockList, fields: Json, created?: string, author?: string): MockItem {
    const at = created ?? new Date(now()).toISOString();
    const item: MockItem = {
      Id: list.nextId++,
      version: 1,
      Created: at,
      Modified: at,
      author: author ?? me.email.toLowerCase(),
      fields: { ...fields },
    };
    list.items.push(item);
    return item;
  }
  const seeded: Record<ListKey, MockList> = Object.fromEntries(
    LIST_KEYS.map((key) => [
      key,
      createList(
        DEFAULT_LIST_TITLES[key],
        LIST_FIELDS[key].map((f) => f.name),
      ),
    ]),
  ) as Record<ListKey, MockList>;
  const addSeedItem = (key: ListKey, fields: Json, created?: string, author?: string) => {
    addItem(seeded[key], fields, created, author ?? seedAuthor(key, fields));
  };
  /**
   * Kudos come through the demo backend's public API (the demo generates its history lazily), once, on
   * the first request that reaches the mock.
   */
  let kudosSeeded: Promise<void> | undefined;
  const seedKudos = () =>
    (kudosSeeded ??= seedDemoKudos(demo, idOf, addSeedItem, async (kudos) => {
      const reactions: Record<string, string[]> = {};
      for (const summary of kudos.reactions) {
        if (summary.count > 0)
          reactions[summary.type] = (await demo.listReactors(kudos.id, summary.type)).map(idOf);
      }
      return JSON.stringify(reactions);
    }));
  seedDemoLists(demo, idOf, addSeedItem, { ambassadors: true });
  if (options.fullDemo) seedDemoActivity(demo, idOf, addSeedItem);
  /** Earned badges need the demo backend's (asynchronous) answers: added once, before the first list request. */
  let earnedSeeded: Promise<void> | undefined;
  const seedEarned = () =>
    options.fullDemo ? (earnedSeeded ??= seedDemoEarnedBadges(demo, idOf, addSeedItem)) : Promise.resolve();

  // ---------------------------------------------------------------- response helpers

  const json = (
    status: number,
    flavour: Flavour,
    body: unknown,
    headers: Record<string, string> = {},
  ): MockResponse => ({
    status,
    headers: { 'Content-Type': contentTypeOf(flavour), ...headers },
    body: JSON.stringify(body),
  });

  function error(
    status: number,
    flavour: Flavour,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) {
    const body =
      flavour === 'verbose'
        ? { error: { code, message: { lang: 'en-US', value: message } } }
        : flavour === 'v4'
          ? { error: { code, message } }
          : { 'odata.error': { code, message: { lang: 'en-US', value: message } } };
    return json(status, flavour, body, headers);
  }

  /** A single entity: verbose wraps it in `d`, v4 adds a context. */
  function entity(
    flavour: Flavour,
    type: string,
    body: Json,
    status = 200,
    headers: Record<string, string> = {},
  ) {
    if (flavour === 'verbose')
      return json(status, flavour, { d: { __metadata: { type }, ...body } }, headers);
    if (flavour === 'v4')
      return json(
        status,
        flavour,
        { '@odata.context': `${siteUrl}/_api/$metadata#${type}`, ...body },
        headers,
      );
    if (flavour === 'minimal')
      return json(
        status,
        flavour,
        { 'odata.metadata': `${siteUrl}/_api/$metadata#${type}`, ...body },
        headers,
      );
    return json(status, flavour, body, headers);
  }

  /** Arrays in verbose become `{results: [...]}`. */
  const arr = (flavour: Flavour, values: unknown[]) => (flavour === 'verbose' ? { results: values } : values);

  function itemJson(list: MockList, item: MockItem, flavour: Flavour): Json {
    const etag = `"${item.version}"`;
    const uri = `${siteUrl}/_api/Web/Lists(guid'00000000-0000-0000-0000-000000000000')/Items(${item.Id})`;
    const fields: Json = {
      Id: item.Id,
      ID: item.Id,
      Created: item.Created,
      Modified: item.Modified,
      AuthorId: 11,
      // Real SharePoint sends it only with `$expand=Author`, which the adapter always asks for.
      Author: { Name: `i:0#.f|membership|${item.author}` },
      Title: null,
      ...Object.fromEntries([...list.fields].map((name) => [name, item.fields[name] ?? null])),
    };
    switch (flavour) {
      case 'verbose':
        return { __metadata: { id: uri, uri, etag, type: list.entityType }, ...fields };
      case 'v4':
        return {
          '@odata.type': `#${list.entityType}`,
          '@odata.id': uri,
          '@odata.etag': etag,
          '@odata.editLink': `Web/Lists/Items(${item.Id})`,
          ...fields,
        };
      case 'minimal':
        return {
          'odata.type': list.entityType,
          'odata.id': uri,
          'odata.etag': etag,
          'odata.editLink': `Web/Lists/Items(${item.Id})`,
          ...fields,
        };
      default:
        return fields;
    }
  }

  // ---------------------------------------------------------------- profiles and search

  const personByDemoId = new Map(data.people.map((person) => [person.id, person]));
  const profileOf = (key: string) =>
    personByEmail.get(key.toLowerCase()) ?? (options.demoIdAliases ? personByDemoId.get(key) : undefined);
  function profileJson(email: string, flavour: Flavour): Json | undefined {
    const person = profileOf(email);
    if (!person) return undefined;
    const manager = person.managerId ? idOf(person.managerId) : '';
    const picture = pictureOf(person);
    const property = (Key: string, Value: string) => ({ Key, Value, ValueType: 'Edm.String' });
    return {
      AccountName: accountFor(person.email),
      DirectReports: arr(flavour, []),
      DisplayName: person.name,
      Email: person.email,
      ExtendedManagers: arr(flavour, manager ? [accountFor(manager)] : []),
      ExtendedReports: arr(flavour, []),
      IsFollowed: false,
      LatestPost: null,
      Peers: arr(flavour, []),
      PersonalUrl: `${site.origin}/personal/${person.email.replace(/[@.]/g, '_')}/`,
      PictureUrl: picture || null,
      Title: person.title,
      UserProfileProperties: arr(flavour, [
        property('AccountName', accountFor(person.email)),
        property('PreferredName', person.name),
        property('Department', person.department),
        property('Title', person.title),
        property('Office', person.location),
        property('WorkEmail', person.email),
        property('Manager', manager ? accountFor(manager) : ''),
        property('AboutMe', person.about ? `<div><p>${escapeHtml(person.about)}</p></div>` : ''),
        property('PictureURL', picture),
        property('SPS-Skills', person.skills.map((skill) => skill.name).join('|')),
        property('SPS-Interests', ''),
        property('SPS-PastProjects', ''),
      ]),
      UserUrl: `${site.origin}/Person.aspx?accountname=${encodeURIComponent(accountFor(person.email))}`,
    };
  }

  function profile(request: MockRequest, flavour: Flavour): MockResponse {
    const account = unquote(request.url.searchParams.get('@v'));
    const email = account.split('|').pop() ?? '';
    const body = profileJson(email, flavour);
    const type = 'SP.UserProfiles.PersonProperties';
    if (body) return entity(flavour, type, body);
    if ((options.unknownProfile ?? 'odata.null') === 'odata.null') {
      if (flavour === 'verbose') return json(200, flavour, { d: { GetPropertiesFor: null } });
      return json(200, flavour, flavour === 'v4' ? { '@odata.null': true } : { 'odata.null': true });
    }
    return entity(flavour, type, {
      AccountName: null,
      DisplayName: null,
      Email: null,
      UserProfileProperties: arr(flavour, []),
    });
  }

  function search(request: MockRequest, flavour: Flavour): MockResponse {
    const params = request.url.searchParams;
    const query = unquote(params.get('querytext'));
    if (unquote(params.get('sourceid')) !== 'b09a7990-05ea-4af9-81ef-edfab16c4e31') {
      return json(200, flavour, { PrimaryQueryResult: null });
    }
    const rowLimit = Math.min(Number(params.get('rowlimit') ?? 10), 500);
    const startRow = Number(params.get('startrow') ?? 0);
    const skillExact = /Skills:"([^"]*)"/i.exec(query)?.[1];
    const skillPrefix = /Skills:([^\s"*]+)\*/i.exec(query)?.[1];
    const department = /Department:"([^"]*)"/i.exec(query)?.[1];
    const words = query
      .replace(/\w+:("[^"]*"|\S+)/g, '')
      .split(/\s+/)
      .map((word) => fold(word.replace(/\*/g, '')))
      .filter((word) => word && word !== '');
    const matches = data.people.filter((person) => {
      const skills = person.skills.map((skill) => fold(skill.name));
      if (skillExact && !skills.includes(fold(skillExact))) return false;
      if (skillPrefix && !skills.some((skill) => skill.startsWith(fold(skillPrefix)))) return false;
      if (department && fold(person.department) !== fold(department)) return false;
      const haystack = fold(
        [
          person.name,
          person.title,
          person.department,
          person.about,
          ...person.skills.map((s) => s.name),
        ].join(' '),
      );
      return words.every((word) => haystack.split(/[^a-z0-9#+.]+/).some((token) => token.startsWith(word)));
    });
    const rows = matches.slice(startRow, startRow + rowLimit).map((person, index) => {
      const cell = (Key: string, Value: string | number, ValueType = 'Edm.String') =>
        flavour === 'verbose'
          ? { __metadata: { type: 'SP.KeyValue' }, Key, Value: String(Value), ValueType }
          : { Key, Value: String(Value), ValueType };
      const cells = [
        cell('Rank', 100 - index, 'Edm.Double'),
        cell('DocId', 17000 + index, 'Edm.Int64'),
        cell('PreferredName', person.name),
        cell('JobTitle', person.title),
        cell('Department', person.department),
        cell('WorkEmail', person.email),
        cell('AccountName', accountFor(person.email)),
        cell('PictureURL', pictureOf(person)),
        cell('Skills', person.skills.map((skill) => skill.name).join(';')),
        cell('AboutMe', person.about),
        cell('OfficeNumber', person.location),
        cell(
          'Path',
          `${site.origin}/Person.aspx?accountname=${encodeURIComponent(accountFor(person.email))}`,
        ),
      ];
      return flavour === 'verbose' ? { Cells: { results: cells } } : { Cells: cells };
    });
    const relevant = {
      RowCount: rows.length,
      TotalRows: matches.length,
      TotalRowsIncludingDuplicates: matches.length,
      Table: { Rows: flavour === 'verbose' ? { results: rows } : rows },
    };
    const result = {
      ElapsedTime: 42,
      PrimaryQueryResult: {
        CustomResults: arr(flavour, []),
        QueryId: 'q',
        RefinementResults: null,
        RelevantResults: relevant,
        SpecialTermResults: null,
      },
      SecondaryQueryResults: arr(flavour, []),
      SpellingSuggestion: '',
      TriggeredRules: arr(flavour, []),
    };
    if (flavour === 'verbose')
      return json(200, flavour, {
        d: { query: { __metadata: { type: 'Microsoft.Office.Server.Search.REST.SearchResult' }, ...result } },
      });
    return json(200, flavour, result);
  }

  // ---------------------------------------------------------------- lists

  function findList(title: string) {
    if (options.provisioned === false) return undefined;
    return lists.get(title.toLowerCase());
  }

  function matchesFilter(item: MockItem, filter: string): boolean {
    if (!filter) return true;
    return filter.split(/\s+and\s+/i).every((clause) => {
      const value = (name: string) =>
        name === 'Id' || name === 'ID' ? item.Id : name === 'Created' ? item.Created : item.fields[name];
      let match = /^(\w+) eq '((?:[^']|'')*)'$/.exec(clause.trim());
      if (match) return String(value(match[1]) ?? '') === match[2].replace(/''/g, "'");
      match = /^substringof\('((?:[^']|'')*)',\s*(\w+)\)$/.exec(clause.trim());
      if (match) return String(value(match[2]) ?? '').includes(match[1].replace(/''/g, "'"));
      match = /^(\w+) (ge|le|gt|lt) datetime'([^']+)'$/.exec(clause.trim());
      if (match) {
        const left = Date.parse(String(value(match[1]) ?? ''));
        const right = Date.parse(match[3]);
        return { ge: left >= right, le: left <= right, gt: left > right, lt: left < right }[match[2] as 'ge'];
      }
      match = /^(\w+) eq (\d+)$/.exec(clause.trim());
      if (match) return String(value(match[1])) === match[2];
      throw new Error(`Unsupported filter: ${clause}`);
    });
  }

  function listItems(request: MockRequest, list: MockList, flavour: Flavour): MockResponse {
    const params = request.url.searchParams;
    let items: MockItem[];
    try {
      items = list.items.filter((item) => matchesFilter(item, params.get('$filter') ?? ''));
    } catch (problem) {
      return error(400, flavour, '-1, Microsoft.SharePoint.SPException', String((problem as Error).message));
    }
    const orderBy = params.get('$orderby') ?? '';
    if (/^Created desc$/i.test(orderBy))
      items = [...items].sort((a, b) => b.Created.localeCompare(a.Created) || b.Id - a.Id);
    else if (/^Created( asc)?$/i.test(orderBy))
      items = [...items].sort((a, b) => a.Created.localeCompare(b.Created) || a.Id - b.Id);
    const top = Math.min(Number(params.get('$top') ?? defaultPageSize) || defaultPageSize, 5000);
    // $skip is ignored for list items, exactly like SharePoint; only $skiptoken continues.
    const token = params.get('$skiptoken');
    let start = 0;
    if (token) {
      const lastId = Number(/p_ID=(\d+)/.exec(token)?.[1]);
      start = items.findIndex((item) => item.Id === lastId) + 1;
    }
    const page = items.slice(start, start + top);
    let next: string | undefined;
    if (start + top < items.length && page.length > 0) {
      const link = new URL(request.url.href);
      link.searchParams.delete('$skiptoken');
      link.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].Id}`);
      next = link.href;
    }
    const values = page.map((item) => itemJson(list, item, flavour));
    if (flavour === 'verbose')
      return json(200, flavour, { d: { results: values, ...(next ? { __next: next } : {}) } });
    if (flavour === 'v4')
      return json(200, flavour, {
        '@odata.context': `${siteUrl}/_api/$metadata#Collection`,
        value: values,
        ...(next ? { '@odata.nextLink': next } : {}),
      });
    if (flavour === 'minimal')
      return json(200, flavour, {
        'odata.metadata': `${siteUrl}/_api/$metadata#SP.ListData`,
        value: values,
        ...(next ? { 'odata.nextLink': next } : {}),
      });
    return json(200, flavour, { value: values, ...(next ? { 'odata.nextLink': next } : {}) });
  }

  function readFields(request: MockRequest, list: MockList, flavour: Flavour): Json | MockResponse {
    let body: Json;
    try {
      body = request.body ? (JSON.parse(request.body) as Json) : {};
    } catch {
      return error(
        400,
        flavour,
        '-1, Microsoft.OData.Core.ODataException',
        'Invalid JSON. A token was not recognized in the JSON content.',
      );
    }
    const contentType = (request.headers.get('Content-Type') ?? '').toLowerCase();
    const fields: Json = {};
    for (const [name, value] of Object.entries(body)) {
      if (name === '__metadata') {
        if (!contentType.includes('odata=verbose')) {
          return error(
            400,
            flavour,
            '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
            "The property '__metadata' does not exist on type '" +
              list.entityType +
              "'. Make sure to only use property names that are defined by the type.",
          );
        }
        const type = (value as Json | null)?.type;
        if (type !== list.entityType) {
          return error(
            400,
            flavour,
            '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
            `A type named '${String(type)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
          );
        }
        continue;
      }
      if (name.startsWith('@odata.') || name.startsWith('odata.')) continue;
      if (!list.fields.has(name)) {
        return error(
          400,
          flavour,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `The property '${name}' does not exist on type '${list.entityType}'. Make sure to only use property names that are defined by the type.`,
        );
      }
      fields[name] = value;
    }
    if (contentType.includes('odata=verbose') && !('__metadata' in body)) {
      return error(
        400,
        flavour,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        'The type of the entity is missing: add __metadata.type.',
      );
    }
    return fields;
  }

  function listRoute(request: MockRequest, flavour: Flavour, title: string, rest: string): MockResponse {
    const list = findList(title);
    const method =
      request.method === 'POST'
        ? (request.headers.get('X-HTTP-Method') ?? 'POST').toUpperCase()
        : request.method;
    if (!list) {
      return error(
        404,
        flavour,
        '-1, System.ArgumentException',
        `List '${title}' does not exist at site with URL '${siteUrl}'.`,
      );
    }
    if (rest === '' && method === 'GET') {
      return entity(flavour, 'SP.List', {
        Id: '00000000-0000-0000-0000-000000000000',
        Title: list.title,
        ListItemEntityTypeFullName: list.entityType,
      });
    }
    if (rest === '' && method === 'MERGE') {
      // Item-level permissions (`ReadSecurity`/`WriteSecurity` 2: own items only), set by provisioning.
      const body = JSON.parse(request.body || '{}') as Json;
      if (typeof body.ReadSecurity === 'number') list.readSecurity = body.ReadSecurity;
      if (typeof body.WriteSecurity === 'number') list.writeSecurity = body.WriteSecurity;
      return { status: 204, body: '', headers: {} };
    }
    if (rest === '/items' && method === 'GET') return listItems(request, list, flavour);
    if (rest === '/items' && method === 'POST') {
      const fields = readFields(request, list, flavour);
      if ('status' in fields && 'body' in fields && typeof fields.status === 'number')
        return fields as unknown as MockResponse;
      const item = addItem(list, fields as Json);
      if (flavour === 'verbose')
        return json(201, flavour, { d: itemJson(list, item, flavour) }, { ETag: `"${item.version}"` });
      return json(201, flavour, itemJson(list, item, flavour), { ETag: `"${item.version}"` });
    }
    const itemMatch = /^\/items\((\d+)\)$/.exec(rest);
    if (itemMatch) {
      const item = list.items.find((entry) => entry.Id === Number(itemMatch[1]));
      if (!item)
        return error(
          404,
          flavour,
          '-2147024809, System.ArgumentException',
          'Item does not exist. It may have been deleted by another user.',
        );
      if (method === 'GET') {
        const body = itemJson(list, item, flavour);
        return json(200, flavour, flavour === 'verbose' ? { d: body } : body, { ETag: `"${item.version}"` });
      }
      const ifMatch = request.headers.get('If-Match');
      if (!ifMatch)
        return error(
          400,
          flavour,
          '-1, Microsoft.SharePoint.Client.ClientServiceException',
          'The If-Match header is required.',
        );
      if (ifMatch !== '*' && ifMatch !== `"${item.version}"`) {
        return error(
          412,
          flavour,
          '-1, Microsoft.SharePoint.Client.ClientServiceException',
          `The request ETag value '${ifMatch}' does not match the object's ETag value '"${item.version}"'.`,
        );
      }
      if (method === 'MERGE') {
        const fields = readFields(request, list, flavour);
        if ('status' in fields && 'body' in fields && typeof fields.status === 'number')
          return fields as unknown as MockResponse;
        Object.assign(item.fields, fields);
        item.version += 1;
        item.Modified = new Date(now()).toISOString();
        return { status: 204, headers: { ETag: `"${item.version}"` }, body: '' };
      }
      if (method === 'DELETE') {
        list.items.splice(list.items.indexOf(item), 1);
        return { status: 200, headers: {}, body: '' };
      }
    }
    if (rest === '/fields' && method === 'POST') {
      const body = JSON.parse(request.body || '{}') as Json;
      list.fields.add(String(body.Title));
      return entity(
        flavour,
        'SP.Field',
        { Title: body.Title, InternalName: body.Title, FieldTypeKind: body.FieldTypeKind },
        201,
      );
    }
    const fieldMatch = /^\/fields\/getbyinternalnameortitle\('([^']+)'\)$/.exec(rest);
    if (fieldMatch && method === 'GET') {
      if (!list.fields.has(fieldMatch[1]))
        return error(
          404,
          flavour,
          '-2147024809, System.ArgumentException',
          `Column '${fieldMatch[1]}' does not exist.`,
        );
      return entity(flavour, 'SP.Field', { Id: fieldMatch[1], InternalName: fieldMatch[1] });
    }
    return error(
      400,
      flavour,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `Unsupported ${method} ${rest}`,
    );
  }

  // ---------------------------------------------------------------- batch

  function parseBatchRequest(body: string, boundary: string): MockRequest[] {
    const parts = body.replace(/\r\n/g, '\n').split(`--${boundary}`).slice(1);
    const requests: MockRequest[] = [];
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const embedded = part.slice(part.indexOf('\n\n') + 2);
      const [head, ...bodyParts] = embedded.split('\n\n');
      const [requestLine, ...headerLines] = head.split('\n');
      const [method, url] = requestLine.split(' ');
      const headers = new Headers();
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      requests.push({
        method,
        url: new URL(url),
        headers,
        body: bodyParts.join('\n\n').trim(),
        inBatch: true,
      });
    }
    return requests;
  }

  async function batch(request: MockRequest, flavour: Flavour): Promise<MockResponse> {
    const boundary = /boundary=([^;\s]+)/.exec(request.headers.get('Content-Type') ?? '')?.[1];
    if (!boundary)
      return error(
        400,
        flavour,
        '-1, Microsoft.Data.OData.ODataException',
        'The content type of a batch request must be multipart/mixed with a boundary.',
      );
    const parts = parseBatchRequest(request.body, boundary);
    state.batchParts += parts.length;
    const responseBoundary = `batchresponse_${crypto.randomUUID()}`;
    const chunks: string[] = [];
    for (const part of parts) {
      if (!part.url.href.startsWith(siteUrl)) {
        return error(
          400,
          flavour,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          'All requests of a batch must target the same site.',
        );
      }
      const answer = await route(part);
      const lines = [
        `--${responseBoundary}`,
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ''}`,
        ...Object.entries(answer.headers).map(([name, value]) => `${name.toUpperCase()}: ${value}`),
        '',
        answer.body,
      ];
      chunks.push(lines.join('\r\n'));
    }
    chunks.push(`--${responseBoundary}--`, '');
    return {
      status: 200,
      headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` },
      body: chunks.join('\r\n'),
    };
  }

  // ---------------------------------------------------------------- router

  function digestValid(request: MockRequest): boolean {
    if (request.headers.get('Authorization')?.startsWith('Bearer ')) return true;
    const value = request.headers.get('X-RequestDigest');
    const expiry = value ? digests.get(value) : undefined;
    return expiry !== undefined && now() < expiry;
  }

  async function route(request: MockRequest): Promise<MockResponse> {
    const flavour = flavourOf(request.headers);
    const fault = faults.find(
      (candidate) =>
        candidate.left > 0 &&
        (candidate.match?.({ method: request.method, url: request.url.href, inBatch: request.inBatch }) ??
          true),
    );
    if (fault) {
      fault.left -= 1;
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
      return fault.status === 500
        ? error(
            500,
            flavour,
            '-2146233088, Microsoft.SharePoint.SPException',
            'Unexpected server error.',
            headers,
          )
        : error(
            fault.status,
            flavour,
            '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
            'The request has been throttled. Please try again later.',
            headers,
          );
    }
    const path = decodeURIComponent(request.url.pathname).slice(sitePath.length);
    if (!path.startsWith('/_api/'))
      return error(404, flavour, '-1, System.IO.FileNotFoundException', 'File Not Found.');
    const api = path.slice('/_api/'.length);
    const method = request.method.toUpperCase();

    if (method !== 'GET' && api !== 'contextinfo' && !digestValid(request)) {
      return error(403, flavour, '-2130575251, Microsoft.SharePoint.SPException', SECURITY_VALIDATION);
    }
    if (api === 'contextinfo' && method === 'POST') {
      const value = `0x${(++digestCounter).toString(16).padStart(8, '0')}${'AB'.repeat(60)},${new Date(now()).toUTCString().replace('GMT', '-0000')}`;
      digests.set(value, now() + lifetime * 1000);
      const info = {
        FormDigestTimeoutSeconds: lifetime,
        FormDigestValue: value,
        LibraryVersion: '16.0.25409.12004',
        SiteFullUrl: siteUrl,
        SupportedSchemaVersions: arr(flavour, ['14.0.0.0', '15.0.0.0']),
        WebFullUrl: siteUrl,
      };
      if (flavour === 'verbose')
        return json(200, flavour, {
          d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } },
        });
      return entity(flavour, 'SP.ContextWebInformation', info);
    }
    if (api === 'web/currentuser' && method === 'GET') {
      return entity(flavour, 'SP.User', {
        Id: 11,
        IsHiddenInUI: false,
        LoginName: accountFor(me.email),
        Title: me.name,
        PrincipalType: 1,
        Email: me.email,
        IsSiteAdmin: false,
        UserId: { NameId: '1003bffd8a1b2c3d', NameIdIssuer: 'urn:federation:microsoftonline' },
        UserPrincipalName: me.email.toLowerCase(),
      });
    }
    if (
      api.startsWith('SP.UserProfiles.PeopleManager/GetPropertiesFor(accountName=@v)') &&
      method === 'GET'
    ) {
      return profile(request, flavour);
    }
    if (api === 'search/query' && method === 'GET') return search(request, flavour);
    if (api === '$batch' && method === 'POST') return batch(request, flavour);
    if (api === 'web/lists' && method === 'POST') {
      const body = JSON.parse(request.body || '{}') as Json;
      const list = createList(String(body.Title), []);
      return entity(
        flavour,
        'SP.List',
        { Title: list.title, ListItemEntityTypeFullName: list.entityType },
        201,
      );
    }
    const listMatch = /^web\/lists\/getbytitle\('((?:[^']|'')+)'\)(.*)$/i.exec(api);
    if (listMatch) return listRoute(request, flavour, listMatch[1].replace(/''/g, "'"), listMatch[2]);
    return error(
      404,
      flavour,
      '-1, Microsoft.SharePoint.Client.ResourceNotFoundException',
      `Cannot find resource for the request ${api}.`,
    );
  }

  const handler = http.all(`${siteUrl}/_api/*`, async ({ request }) => {
    state.requests.push({ method: request.method, url: request.url });
    // Kudos are seeded only when the kudos list is first touched (a profile-only page never pays for it).
    if (decodeURIComponent(request.url).includes(seeded.kudos.title) || request.url.includes('$batch')) {
      await seedKudos();
    }
    if (decodeURIComponent(request.url).includes(seeded.badges.title) || request.url.includes('$batch')) {
      await seedEarned();
    }
    const answer = await route({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.method === 'GET' ? '' : await request.text(),
      inBatch: false,
    });
    return new HttpResponse(answer.status === 204 ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  });

  const control: SharePointMockControl = {
    get requests() {
      return state.requests;
    },
    get batchParts() {
      return state.batchParts;
    },
    lists,
    get digestsIssued() {
      return digestCounter;
    },
    currentUserEmail: me.email.toLowerCase(),
    expireDigests() {
      for (const key of digests.keys()) digests.set(key, 0);
    },
    failNext(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    resetCounts() {
      state.requests.length = 0;
      state.batchParts = 0;
    },
  };
  // The photos the profiles point at, from the My Site host (here the site's origin).
  const photos = http.get(`${site.origin}/User*`, ({ request }) => {
    const email = emailFromSharePointPhotoPath(new URL(request.url).pathname);
    const person = email ? personByEmail.get(email.toLowerCase()) : undefined;
    if (!person || !pictureOf(person)) return new HttpResponse(null, { status: 404 });
    return new HttpResponse(demoPhotoSvg(person.email), { headers: { 'Content-Type': DEMO_PHOTO_TYPE } });
  });
  return { handlers: [handler, photos], control };
}

/** The handlers alone, for Storybook and pages that need no control over the mock. */
export function createSharePointHandlers(options: SharePointMockOptions): HttpHandler[] {
  return createSharePointMock(options).handlers;
}
