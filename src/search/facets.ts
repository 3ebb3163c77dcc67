import type { FacetCount } from '../model.js';
import type { IndexedPerson, IndexedSkill } from './entry.js';
import { isQueriedSkill, type QueryUnit } from './rank.js';

/** Most common first, then alphabetically. */
export function sortFacets(facets: FacetCount[]): FacetCount[] {
  return facets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The departments of the matched people, with counts. */
export function departmentFacet(
  matched: readonly number[],
  entries: readonly (IndexedPerson | undefined)[],
  departments: number,
): FacetCount[] {
  const counts = new Int32Array(departments);
  const firstSlot = new Int32Array(departments).fill(-1);
  for (const slot of matched) {
    const id = entries[slot]!.departmentId;
    if (id < 0) continue;
    if (counts[id]++ === 0) firstSlot[id] = slot;
  }
  const facets: FacetCount[] = [];
  counts.forEach((count, id) => {
    if (count) facets.push({ value: entries[firstSlot[id]]!.person.department!.trim(), count });
  });
  return sortFacets(facets);
}

/** Other skills the matched people hold, most common first: "people who know X also know…". */
export function relatedSkillFacet(
  matched: readonly number[],
  units: readonly QueryUnit[],
  skills: {
    count: number;
    bySlot: readonly Int32Array[];
    byId: readonly (IndexedSkill | undefined)[];
    display: (key: string) => string | undefined;
  },
  limit: number,
): FacetCount[] {
  const counts = new Int32Array(skills.count);
  for (const slot of matched) {
    const ids = skills.bySlot[slot];
    for (let at = 0; at < ids.length; at++) counts[ids[at]]++;
  }
  const facets: FacetCount[] = [];
  counts.forEach((count, id) => {
    const skill = skills.byId[id];
    // The skills the query itself asked for are not "related".
    if (!count || !skill || isQueriedSkill(units, skill)) return;
    facets.push({ value: skills.display(skill.key) ?? skill.skill.name, count });
  });
  return sortFacets(facets).slice(0, limit);
}
