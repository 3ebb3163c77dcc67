import type {
  FacetCount,
  MatchEvidence,
  PeopleQuery,
  PeopleSearchResult,
  Person,
  PersonMatch,
  Skill,
} from '../../model.js';
import type { CallOptions } from '../backend.js';
import type { Http } from '../http/index.js';
import { membersForSearch, withMembership } from '../lists/membership.js';
import type { MemberMap } from '../lists/community.js';
import {
  cellMap,
  kqlPhrase,
  personFromSearchRow,
  searchRows,
  SEARCH_PROPERTIES,
  splitMultiValue,
  type EndorsementTally,
} from './profiles.js';

/** SharePoint's built-in "Local People Results" result source. */
export const PEOPLE_SOURCE_ID = 'b09a7990-05ea-4af9-81ef-edfab16c4e31';

export interface PeopleSearchSettings {
  http: Http;
  headers: Record<string, string>;
  /** Spaces search requests (SharePoint allows ten per second per user). */
  gate: (signal?: AbortSignal) => Promise<void>;
  /** Endorsement counts from the Kring list; none while the lists do not exist. */
  readEndorsements: (signal?: AbortSignal) => Promise<EndorsementTally>;
  /** The community's members from the Kring list; none while the lists do not exist. */
  readMembers: (signal?: AbortSignal) => Promise<MemberMap>;
}

/**
 * People search and skill suggestions over SharePoint Search (KQL on the "Local People Results" source),
 * with the endorsement counts and membership from the Kring lists.
 */
export function createPeopleSearch({
  http,
  headers,
  gate,
  readEndorsements,
  readMembers,
}: PeopleSearchSettings): {
  searchPeople(query: PeopleQuery, call?: CallOptions): Promise<PeopleSearchResult>;
  suggestSkills(input: string, call?: CallOptions): Promise<string[]>;
} {
  const suggestionCache = new Map<string, Promise<string[]>>();

  async function searchPeople(query: PeopleQuery, call?: CallOptions): Promise<PeopleSearchResult> {
    await gate(call?.signal);
    const terms: string[] = [];
    if (query.text) terms.push(...words(query.text).map((word) => `${word}*`));
    if (query.skill) terms.push(`Skills:${kqlPhrase(query.skill)}`);
    if (query.department) terms.push(`Department:${kqlPhrase(query.department)}`);
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 500);
    const start = Math.min(Number(query.cursor ?? 0) || 0, 50_000);
    // Search knows the whole directory, the member list only the community: for members only, ask for
    // more rows and keep the members among them, so a page is not mostly empty.
    const rowLimit = query.membersOnly ? Math.min(limit * 4, 500) : limit;
    const [body, endorsements, members] = await Promise.all([
      http.request<unknown>('GET', searchPath(terms.join(' ') || '*', rowLimit, start, SEARCH_PROPERTIES), {
        headers,
        signal: call?.signal,
      }),
      readEndorsements(call?.signal),
      membersForSearch(readMembers(call?.signal), query.membersOnly),
    ]);
    const { rows, total: rowTotal } = searchRows(body);
    const people: Person[] = [];
    let rowsUsed = 0;
    for (const row of rows) {
      if (people.length === limit) break;
      rowsUsed += 1;
      const found = personFromSearchRow(cellMap(row), endorsements);
      if (!found) continue;
      const person = withMembership(found, members);
      if (query.membersOnly && !person.isMember) continue;
      people.push(person);
    }
    // The directory's count says nothing about how many of them are members.
    const total = query.membersOnly ? undefined : rowTotal;
    const items: PersonMatch[] = people.map((person, index) => ({
      person,
      score: people.length - index,
      evidence: evidenceFor(person, query.text, query.skill),
    }));
    const departments = new Map<string, number>();
    const related = new Map<string, number>();
    for (const person of people) {
      if (person.department)
        departments.set(person.department, (departments.get(person.department) ?? 0) + 1);
      for (const skill of person.skills) {
        if (query.skill && skill.name.toLowerCase() === query.skill.toLowerCase()) continue;
        related.set(skill.name, (related.get(skill.name) ?? 0) + 1);
      }
    }
    const facet = (counts: Map<string, number>): FacetCount[] =>
      [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 10);
    const seen = start + rowsUsed;
    const more = rowTotal !== undefined && seen < rowTotal;
    return {
      items,
      total,
      next: more && rowsUsed > 0 ? String(seen) : undefined,
      facets: { departments: facet(departments), relatedSkills: facet(related) },
    };
  }

  async function suggestSkills(input: string, call?: CallOptions): Promise<string[]> {
    const term = words(input).join(' ');
    if (!term) return [];
    const key = term.toLowerCase();
    let pending = suggestionCache.get(key);
    if (!pending) {
      pending = (async () => {
        await gate(call?.signal);
        const body = await http.request<unknown>('GET', searchPath(`Skills:${term}*`, 50, 0, ['Skills']), {
          headers,
          signal: call?.signal,
        });
        const counts = new Map<string, number>();
        for (const row of searchRows(body).rows) {
          for (const skill of splitMultiValue(cellMap(row).get('Skills'))) {
            if (skill.toLowerCase().includes(key)) counts.set(skill, (counts.get(skill) ?? 0) + 1);
          }
        }
        return [...counts]
          .sort(
            ([a, countA], [b, countB]) =>
              Number(b.toLowerCase().startsWith(key)) - Number(a.toLowerCase().startsWith(key)) ||
              countB - countA ||
              a.localeCompare(b),
          )
          .map(([name]) => name)
          .slice(0, 10);
      })();
      pending.catch(() => suggestionCache.delete(key));
      suggestionCache.set(key, pending);
    }
    return pending;
  }

  return { searchPeople, suggestSkills };
}

function searchPath(querytext: string, rowLimit: number, startRow: number, select: readonly string[]) {
  const literal = (value: string) => `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
  return (
    `/_api/search/query?querytext=${literal(querytext)}&sourceid=${literal(PEOPLE_SOURCE_ID)}` +
    `&selectproperties=${literal(select.join(','))}&rowlimit=${rowLimit}&startrow=${startRow}`
  );
}

const words = (value: string): string[] =>
  value
    .split(/\s+/)
    .map((word) => word.replace(/["'():*\\]/g, ''))
    .filter(Boolean);

function evidenceFor(
  person: Person,
  textQuery: string | undefined,
  skill: string | undefined,
): MatchEvidence[] {
  const evidence: MatchEvidence[] = [];
  const lower = (value: string) => value.toLocaleLowerCase();
  const asSkillEvidence = (found: Skill, kind: 'skill-exact' | 'skill-prefix'): MatchEvidence => ({
    kind,
    value: found.name,
    level: found.level,
    endorsements: found.endorsements,
    tags: found.tags,
  });
  for (const term of [skill, textQuery].filter((value): value is string => Boolean(value))) {
    const exact = person.skills.find((s) => lower(s.name) === lower(term));
    const prefix = person.skills.find((s) => lower(s.name).startsWith(lower(term)));
    if (exact) evidence.push(asSkillEvidence(exact, 'skill-exact'));
    else if (prefix) evidence.push(asSkillEvidence(prefix, 'skill-prefix'));
    else if (lower(person.name).includes(lower(term))) evidence.push({ kind: 'name', value: person.name });
    else if (person.title && lower(person.title).includes(lower(term)))
      evidence.push({ kind: 'title', value: person.title });
    else if (person.department && lower(person.department).includes(lower(term)))
      evidence.push({ kind: 'department', value: person.department });
    else if (person.about && lower(person.about).includes(lower(term)))
      evidence.push({ kind: 'about', value: term });
  }
  return evidence;
}
