import type { FacetCount } from '../model.js';
import type { IndexedPerson } from './entry.js';
import { sortFacets } from './facets.js';
import { compactKey, skillKey } from './normalize.js';
import type { SkillDictionary } from './query.js';

interface SkillHolders {
  /** The spelling most people use, for facets and suggestions. */
  display: string;
  spellings: Map<string, number>;
  holders: number;
}

/** Binary search: first position in a sorted array whose value is >= target. */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, target: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The skills people hold, by normalised key: how many hold each and the spelling most of them use.
 * The query parser asks it what is a skill; suggestions and "did you mean" come from it.
 */
export class SkillNames implements SkillDictionary {
  private readonly skills = new Map<string, SkillHolders>();
  private readonly skillKeyByCompact = new Map<string, string>();
  private sortedSkillKeys: string[] = [];
  private skillsDirty = true;

  get size(): number {
    return this.skills.size;
  }

  learn(entry: IndexedPerson): void {
    for (const { key, compact, skill } of new Map(entry.skills.map((s) => [s.key, s])).values()) {
      this.add(key, compact, skill.name, 1);
    }
  }

  /** `holders` people list a skill spelled `spelling` (each counted once, as `learn` counts them). */
  learnSpelling(spelling: string, holders: number): void {
    const key = skillKey(spelling);
    if (key) this.add(key, compactKey(spelling), spelling, holders);
  }

  private add(key: string, compact: string, name: string, count: number): void {
    let holders = this.skills.get(key);
    if (!holders) {
      holders = { display: name, spellings: new Map(), holders: 0 };
      this.skills.set(key, holders);
      this.skillsDirty = true;
    }
    holders.holders += count;
    const spelling = name.trim();
    holders.spellings.set(spelling, (holders.spellings.get(spelling) ?? 0) + count);
    if ((holders.spellings.get(spelling) ?? 0) > (holders.spellings.get(holders.display) ?? 0)) {
      holders.display = spelling;
    }
    if (compact && !this.skillKeyByCompact.has(compact)) this.skillKeyByCompact.set(compact, key);
  }

  forget(entry: IndexedPerson): void {
    for (const { key, skill } of new Map(entry.skills.map((s) => [s.key, s])).values()) {
      const holders = this.skills.get(key);
      if (!holders) continue;
      holders.holders--;
      const spelling = skill.name.trim();
      const count = (holders.spellings.get(spelling) ?? 1) - 1;
      if (count > 0) holders.spellings.set(spelling, count);
      else holders.spellings.delete(spelling);
      if (holders.holders <= 0) {
        this.skills.delete(key);
        const compact = compactKey(key);
        if (this.skillKeyByCompact.get(compact) === key) this.skillKeyByCompact.delete(compact);
        this.skillsDirty = true;
      }
    }
  }

  hasSkill(key: string): boolean {
    return this.skills.has(key) || this.skillKeyByCompact.has(compactKey(key));
  }

  hasSkillStartingWith(text: string): boolean {
    const keys = this.skillKeys();
    const at = lowerBound(keys, text);
    return at < keys.length && keys[at].startsWith(text);
  }

  /** The display name of a known skill, or undefined: "power bi" → "Power BI". */
  skillName(text: string): string | undefined {
    const key = skillKey(text);
    const holders =
      this.skills.get(key) ?? this.skills.get(this.skillKeyByCompact.get(compactKey(text)) ?? '');
    return holders?.display;
  }

  /** The spelling most holders of the skill with this key use. */
  display(key: string): string | undefined {
    return this.skills.get(key)?.display;
  }

  /** Skill names that start with, then contain, the text; most-held first. */
  suggest(text: string, limit = 10): string[] {
    const needle = skillKey(text);
    if (!needle) return [];
    const starts: SkillHolders[] = [];
    const contains: SkillHolders[] = [];
    for (const [key, holders] of this.skills) {
      if (key.startsWith(needle)) starts.push(holders);
      else if (key.includes(needle)) contains.push(holders);
    }
    const byHolders = (a: SkillHolders, b: SkillHolders) =>
      b.holders - a.holders || (a.display < b.display ? -1 : 1);
    return [...starts.sort(byHolders), ...contains.sort(byHolders)].slice(0, limit).map((s) => s.display);
  }

  /**
   * For a search without results: known skills that contain a query word or are one or two typos
   * away from it, so the empty state can offer "did you mean…".
   */
  nearby(words: readonly string[], limit: number): FacetCount[] {
    const found = new Map<string, number>();
    for (const word of words) {
      if (word.length < 2) continue;
      const maxDistance = word.length >= 6 ? 2 : word.length >= 3 ? 1 : 0;
      for (const [key, holders] of this.skills) {
        if (found.has(key)) continue;
        const near =
          key.includes(word) ||
          (maxDistance > 0 &&
            [key, ...key.split(' ')].some((candidate) => editDistanceWithin(word, candidate, maxDistance)));
        if (near) found.set(key, holders.holders);
      }
    }
    const facets = [...found].map(([key, count]) => ({ value: this.skills.get(key)!.display, count }));
    return sortFacets(facets).slice(0, limit);
  }

  private skillKeys(): string[] {
    if (this.skillsDirty) {
      this.sortedSkillKeys = [...this.skills.keys()].sort();
      this.skillsDirty = false;
    }
    return this.sortedSkillKeys;
  }
}

/** Whether two strings are at most `max` single-character edits apart (banded Levenshtein). */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}
