import type { Person, PersonLink, Skill } from '../../model.js';
import { htmlToText } from './html-text.js';
import { isRecord, results, text, type JsonRecord } from './odata.js';

/**
 * Person ids in the SharePoint adapter are lower-case sign-in names (`adelev@contoso.com`), the part after
 * the last `|` of a claims login; ids that already are claims logins (on-premises `i:0#.w|contoso\\adele`)
 * are kept as they are.
 */
export function personIdFromLogin(login: string): string {
  const membership = /\|membership\|(.+)$/i.exec(login);
  if (membership) return membership[1].toLowerCase();
  return login.includes('|') ? login : login.toLowerCase();
}

/** The claims login for an id or e-mail: SharePoint Online's forms-based membership claim. */
export function accountNameFor(id: string, claimsPrefix = 'i:0#.f|membership|'): string {
  return id.includes('|') ? id : `${claimsPrefix}${id.toLowerCase()}`;
}

/**
 * `…/GetPropertiesFor(accountName=@v)?@v='…'`: the claim is URL-encoded and single quotes are doubled
 * (an apostrophe in a name, `o'brien@contoso.com`, would otherwise end the literal).
 */
export function profilePath(accountName: string): string {
  const literal = encodeURIComponent(accountName.replace(/'/g, "''"));
  return `/_api/SP.UserProfiles.PeopleManager/GetPropertiesFor(accountName=@v)?@v='${literal}'`;
}

/** `UserProfileProperties` as a map; verbose nests the array in `{results}`. */
export function profileProperties(profile: JsonRecord): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of results(profile.UserProfileProperties)) {
    if (isRecord(entry) && typeof entry.Key === 'string') {
      map.set(entry.Key, typeof entry.Value === 'string' ? entry.Value : '');
    }
  }
  return map;
}

/** Multi-value profile properties are pipe-joined; search cells use `;` (and sometimes `|`). */
export function splitMultiValue(value: string | undefined): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of value.split(/[|;]/)) {
    const name = piece.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

export interface EndorsementTally {
  count(personId: string, skill: string): number;
  byMe(personId: string, skill: string): boolean;
}

export const NO_ENDORSEMENTS: EndorsementTally = { count: () => 0, byMe: () => false };

function skillsFrom(names: string[], personId: string, tally: EndorsementTally): Skill[] {
  return names.map((name) => ({
    name,
    level: 'practitioner',
    tags: [],
    endorsements: tally.count(personId, name),
    endorsedByMe: tally.byMe(personId, name),
  }));
}

function linksFor(email: string | undefined, profileUrl: string | undefined): PersonLink[] {
  const links: PersonLink[] = [];
  if (email) {
    links.push({ kind: 'mail', url: `mailto:${email}` });
    links.push({
      kind: 'chat',
      url: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(email)}`,
    });
  }
  if (profileUrl) links.push({ kind: 'profile', url: profileUrl });
  return links;
}

/** A `PersonProperties` payload as a Person; `null` for an unknown account (`odata.null`, or null fields). */
export function personFromProfile(
  profile: unknown,
  tally: EndorsementTally = NO_ENDORSEMENTS,
): Person | null {
  if (!isRecord(profile) || profile['odata.null'] === true) return null;
  const account = text(profile, 'AccountName');
  if (!account) return null;
  const properties = profileProperties(profile);
  const id = personIdFromLogin(account);
  const email = text(profile, 'Email') ?? properties.get('WorkEmail') ?? undefined;
  const prop = (key: string) => properties.get(key) || undefined;
  return {
    id,
    name: text(profile, 'DisplayName') ?? prop('PreferredName') ?? id,
    email: email || undefined,
    title: text(profile, 'Title') ?? prop('Title') ?? prop('SPS-JobTitle'),
    department: prop('Department') ?? prop('SPS-Department'),
    location: prop('Office') ?? prop('SPS-Location'),
    photoUrl: text(profile, 'PictureUrl') ?? prop('PictureURL'),
    about: htmlToText(prop('AboutMe')),
    skills: skillsFrom(splitMultiValue(prop('SPS-Skills')), id, tally),
    managerId: prop('Manager') ? personIdFromLogin(prop('Manager')!) : undefined,
    isManagement: false,
    links: linksFor(email, text(profile, 'UserUrl') ?? text(profile, 'PersonalUrl')),
  };
}

/** The managed properties the people search is asked for. */
export const SEARCH_PROPERTIES = [
  'PreferredName',
  'JobTitle',
  'Department',
  'WorkEmail',
  'AccountName',
  'PictureURL',
  'Skills',
  'Interests',
  'PastProjects',
  'AboutMe',
  'OfficeNumber',
  'Path',
] as const;

/** A search row's `Cells` (Key/Value pairs, values always strings) as a map. */
export function cellMap(row: unknown): Map<string, string> {
  const map = new Map<string, string>();
  const cells = isRecord(row) ? results(row.Cells) : [];
  for (const cell of cells) {
    if (isRecord(cell) && typeof cell.Key === 'string') {
      map.set(cell.Key, typeof cell.Value === 'string' ? cell.Value : '');
    }
  }
  return map;
}

export function personFromSearchRow(
  cells: Map<string, string>,
  tally: EndorsementTally = NO_ENDORSEMENTS,
): Person | null {
  const get = (key: string) => cells.get(key) || undefined;
  const account = get('AccountName');
  const email = get('WorkEmail');
  const id = account ? personIdFromLogin(account) : email?.toLowerCase();
  if (!id) return null;
  return {
    id,
    name: get('PreferredName') ?? id,
    email,
    title: get('JobTitle'),
    department: get('Department'),
    location: get('OfficeNumber'),
    photoUrl: get('PictureURL'),
    about: htmlToText(get('AboutMe')),
    skills: skillsFrom(splitMultiValue(get('Skills')), id, tally),
    isManagement: false,
    links: linksFor(email, get('Path')),
  };
}

/** The rows of a `search/query` (GET, `d.query`) or `search/postquery` (`d.postquery`) answer. */
export function searchRows(body: unknown): { rows: unknown[]; total?: number } {
  let root: unknown = body;
  if (isRecord(root) && isRecord(root.d)) root = root.d.query ?? root.d.postquery ?? root.d;
  const primary = isRecord(root) ? root.PrimaryQueryResult : undefined;
  const relevant = isRecord(primary) ? primary.RelevantResults : undefined;
  if (!isRecord(relevant)) return { rows: [] };
  const table = isRecord(relevant.Table) ? relevant.Table : undefined;
  const total = Number(relevant.TotalRows);
  return { rows: table ? results(table.Rows) : [], total: Number.isFinite(total) ? total : undefined };
}

/** Text for a KQL phrase inside `querytext='…'`: double quotes removed, single quotes doubled. */
export function kqlPhrase(value: string): string {
  return `"${value.replace(/"/g, '').replace(/'/g, "''")}"`;
}
