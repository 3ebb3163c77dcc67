/**
 * An in-memory people index for "who knows about X?": built once, updated on writes, queried in
 * a few milliseconds at tens of thousands of people. Pure: no DOM, no network.
 */
import type { FacetCount, Kudos, PeopleQuery, PeopleSearchResult, Person, PersonMatch } from '../model.js';
import { departmentKey, indexPerson, termsOf, type IndexedPerson, type IndexedSkill } from './entry.js';
import { compactKey, foldText, skillKey, tokenize } from './normalize.js';
import { parseQuery, type SkillDictionary } from './query.js';
import {
  compareRanked,
  explainPerson,
  isQueriedSkill,
  RECENT_KUDOS_DAYS,
  scorePerson,
  skillKindTable,
  skillStrength,
  type QueryUnit,
} from './rank.js';

export interface PeopleIndexOptions {
  /** Kudos, for the "recent kudos naming the skill" bonus. */
  kudos?: readonly Kudos[];
  /** Clock for "recent"; default `Date.now`. */
  now?: () => number;
  /** How many related skills a result carries as a facet. Default 12. */
  relatedSkillsLimit?: number;
}

export interface PeopleIndexStats {
  people: number;
  /** Distinct searchable terms. */
  terms: number;
  /** Person references across all term postings. */
  postings: number;
  distinctSkills: number;
  /** A rough estimate of the index's own memory, in bytes (people objects excluded). */
  estimatedBytes: number;
}

interface SkillHolders {
  /** The spelling most people use, for facets and suggestions. */
  display: string;
  spellings: Map<string, number>;
  holders: number;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 200;
const DAY_MS = 86_400_000;

/** Binary search: first position in a sorted array whose value is >= target. */
function lowerBound(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class PeopleIndex implements SkillDictionary {
  private readonly entries: (IndexedPerson | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private sortedTerms: string[] = [];
  private termsDirty = true;
  private readonly skills = new Map<string, SkillHolders>();
  private readonly skillKeyByCompact = new Map<string, string>();
  private sortedSkillKeys: string[] = [];
  private skillsDirty = true;
  /** Recent kudos texts (folded tokens joined by spaces, padded) by receiver id. */
  private readonly kudosTextsByPerson = new Map<string, string[]>();
  private sortRank: Int32Array = new Int32Array(0);
  private sortRankDirty = true;
  /** Stable small integers per skill key and per department, for facet counting in typed arrays. */
  private readonly skillIds = new Map<string, number>();
  /** One indexed skill per id: the first seen; its keys are the same for every holder. */
  private readonly skillsById: (IndexedSkill | undefined)[] = [];
  private readonly departmentIds = new Map<string, number>();
  private readonly marks: number[] = [];
  private markGeneration = 0;
  private readonly now: () => number;
  private readonly relatedSkillsLimit: number;

  constructor(people: readonly Person[] = [], options: PeopleIndexOptions = {}) {
    this.now = options.now ?? Date.now;
    this.relatedSkillsLimit = options.relatedSkillsLimit ?? 12;
    for (const kudos of options.kudos ?? []) this.rememberKudos(kudos);
    for (const person of people) this.upsert(person);
  }

  /** Number of people in the index. */
  get size(): number {
    return this.slotById.size;
  }

  // ------------------------------------------------------------------ updates

  /** Adds a person or replaces the indexed copy (after an endorsement, a profile edit…). */
  upsert(person: Person): void {
    const entry = indexPerson(person);
    this.assignIds(entry);
    this.countRecentKudos(entry);
    let slot = this.slotById.get(person.id);
    const previous = slot === undefined ? undefined : this.entries[slot];
    if (slot === undefined) {
      slot = this.entries.length;
      this.slotById.set(person.id, slot);
      this.entries.push(entry);
      this.marks.push(0);
    } else {
      this.entries[slot] = entry;
    }
    if (previous) this.forgetSkills(previous);
    this.learnSkills(entry);
    this.replaceTerms(slot, previous ? termsOf(previous) : undefined, termsOf(entry));
    if (!previous || previous.name.joined !== entry.name.joined || previous.person.name !== person.name) {
      this.sortRankDirty = true;
    }
  }

  /** Removes a person; unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const entry = this.entries[slot];
    if (entry) this.forgetSkills(entry);
    if (entry) this.replaceTerms(slot, termsOf(entry), new Set());
    this.entries[slot] = undefined;
    this.slotById.delete(id);
    this.sortRankDirty = true;
  }

  /** Counts a new kudos towards its receivers' skills. */
  addKudos(kudos: Kudos): void {
    if (!this.rememberKudos(kudos)) return;
    for (const receiverId of kudos.to) {
      const slot = this.slotById.get(receiverId);
      const entry = slot === undefined ? undefined : this.entries[slot];
      if (entry) this.countRecentKudos(entry);
    }
  }

  private assignIds(entry: IndexedPerson): void {
    for (const skill of entry.skills) {
      let id = this.skillIds.get(skill.key);
      if (id === undefined) {
        this.skillIds.set(skill.key, (id = this.skillIds.size));
        this.skillsById.push(skill);
      }
      skill.id = id;
    }
    if (entry.departmentKey) {
      let id = this.departmentIds.get(entry.departmentKey);
      if (id === undefined) this.departmentIds.set(entry.departmentKey, (id = this.departmentIds.size));
      entry.departmentId = id;
    }
  }

  private rememberKudos(kudos: Kudos): boolean {
    const age = this.now() - Date.parse(kudos.createdAt);
    if (!(age <= RECENT_KUDOS_DAYS * DAY_MS)) return false;
    const text = ' ' + tokenize(foldText(`${kudos.value ?? ''} ${kudos.message}`)).join(' ') + ' ';
    for (const receiverId of kudos.to) {
      const texts = this.kudosTextsByPerson.get(receiverId);
      if (texts) texts.push(text);
      else this.kudosTextsByPerson.set(receiverId, [text]);
    }
    return true;
  }

  /** Counts recent kudos naming each skill, and settles each skill's ranking strength. */
  private countRecentKudos(entry: IndexedPerson): void {
    entry.recentKudosBySkill.clear();
    const texts = this.kudosTextsByPerson.get(entry.person.id);
    for (const skill of entry.skills) {
      if (!texts) {
        skill.strength = skillStrength(skill, 0);
        continue;
      }
      const needle = ' ' + skill.key + ' ';
      let count = 0;
      for (const text of texts) if (text.includes(needle)) count++;
      if (count) entry.recentKudosBySkill.set(skill.key, count);
      skill.strength = skillStrength(skill, count);
    }
  }

  private learnSkills(entry: IndexedPerson): void {
    for (const { key, compact, skill } of new Map(entry.skills.map((s) => [s.key, s])).values()) {
      let holders = this.skills.get(key);
      if (!holders) {
        holders = { display: skill.name, spellings: new Map(), holders: 0 };
        this.skills.set(key, holders);
        this.skillsDirty = true;
      }
      holders.holders++;
      const spelling = skill.name.trim();
      holders.spellings.set(spelling, (holders.spellings.get(spelling) ?? 0) + 1);
      if ((holders.spellings.get(spelling) ?? 0) > (holders.spellings.get(holders.display) ?? 0)) {
        holders.display = spelling;
      }
      if (compact && !this.skillKeyByCompact.has(compact)) this.skillKeyByCompact.set(compact, key);
    }
  }

  private forgetSkills(entry: IndexedPerson): void {
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

  private replaceTerms(slot: number, previous: Set<string> | undefined, next: Set<string>): void {
    if (previous) {
      for (const term of previous) {
        if (next.has(term)) continue;
        const list = this.postings.get(term);
        if (!list) continue;
        const at = list.indexOf(slot);
        if (at >= 0) list.splice(at, 1);
        if (!list.length) {
          this.postings.delete(term);
          this.termsDirty = true;
        }
      }
    }
    for (const term of next) {
      if (previous?.has(term)) continue;
      const list = this.postings.get(term);
      if (list) list.push(slot);
      else {
        this.postings.set(term, [slot]);
        this.termsDirty = true;
      }
    }
  }

  // ------------------------------------------------------------------ skill dictionary

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

  /** Skill names that start with, then contain, the text; most-held first. */
  suggestSkills(text: string, limit = 10): string[] {
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

  private skillKeys(): string[] {
    if (this.skillsDirty) {
      this.sortedSkillKeys = [...this.skills.keys()].sort();
      this.skillsDirty = false;
    }
    return this.sortedSkillKeys;
  }

  // ------------------------------------------------------------------ search

  /** Runs a query: matches, ranked, with evidence and facets. */
  search(query: PeopleQuery): PeopleSearchResult {
    const units: QueryUnit[] = parseQuery(query.text ?? '', this);
    const skillFilter = query.skill?.trim() ? skillKey(query.skill) : '';
    if (skillFilter)
      units.push({ text: skillFilter, compact: compactKey(skillFilter), exactSkillOnly: true });
    const wantedDepartment = departmentKey(query.department);
    if (!units.length && !wantedDepartment) {
      return { items: [], total: 0, facets: { departments: [], relatedSkills: [] } };
    }

    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit ?? DEFAULT_LIMIT)));
    const offset = Math.max(0, Number.parseInt(query.cursor ?? '0', 10) || 0);
    for (const unit of units) unit.skillKinds = skillKindTable(unit, this.skillsById);
    const rank = this.sortRanks();
    // Scores only in this pass (no allocation per person); evidence only for the page shown.
    const top = new TopK(offset + limit, rank);
    const matched: number[] = [];
    for (const slot of this.candidates(units)) {
      const entry = this.entries[slot];
      if (!entry) continue;
      if (wantedDepartment && entry.departmentKey !== wantedDepartment) continue;
      if (query.membersOnly && entry.person.isMember !== true) continue;
      const score = scorePerson(units, entry);
      if (score < 0) continue;
      matched.push(slot);
      top.offer(slot, score);
    }

    const page = top.sorted().slice(offset);
    const items: PersonMatch[] = page.map(({ slot, score }) => {
      const entry = this.entries[slot]!;
      return { person: entry.person, score, evidence: explainPerson(units, entry) };
    });
    const result: PeopleSearchResult = {
      items,
      total: matched.length,
      facets: {
        departments: this.departmentFacet(matched),
        relatedSkills: matched.length
          ? this.relatedSkillFacet(matched, units)
          : this.nearbySkills(units.map((unit) => unit.text)),
      },
    };
    if (offset + limit < matched.length) result.next = String(offset + limit);
    return result;
  }

  /** The people worth scoring: those with a term starting with the first word of the most selective unit. */
  private candidates(units: readonly QueryUnit[]): Iterable<number> {
    if (!units.length) return this.allSlots();
    let best: number[] | undefined;
    for (const unit of units) {
      const slots = this.slotsForUnit(unit);
      if (!best || slots.length < best.length) best = slots;
      if (!best.length) break;
    }
    return best ?? [];
  }

  private *allSlots(): Iterable<number> {
    for (let slot = 0; slot < this.entries.length; slot++) if (this.entries[slot]) yield slot;
  }

  private slotsForUnit(unit: QueryUnit): number[] {
    const generation = ++this.markGeneration;
    const slots: number[] = [];
    const collect = (prefix: string) => {
      if (!prefix) return;
      const terms = this.terms();
      for (let at = lowerBound(terms, prefix); at < terms.length && terms[at].startsWith(prefix); at++) {
        for (const slot of this.postings.get(terms[at]) ?? []) {
          if (this.marks[slot] === generation) continue;
          this.marks[slot] = generation;
          slots.push(slot);
        }
      }
    };
    const firstWord = unit.text.split(' ')[0];
    collect(unit.exactSkillOnly ? unit.text : firstWord);
    if (unit.compact && unit.compact !== firstWord) collect(unit.compact);
    return slots;
  }

  private terms(): string[] {
    if (this.termsDirty) {
      this.sortedTerms = [...this.postings.keys()].sort();
      this.termsDirty = false;
    }
    return this.sortedTerms;
  }

  /** Position of every slot in name-then-id order, for deterministic ties without string compares. */
  private sortRanks(): Int32Array {
    if (this.sortRankDirty || this.sortRank.length !== this.entries.length) {
      const order: { slot: number; sortName: string; id: string; score: number }[] = [];
      this.entries.forEach((entry, slot) => {
        if (entry)
          order.push({
            slot,
            sortName: foldText(entry.person.name ?? '') + '\u0000' + (entry.person.name ?? ''),
            id: entry.person.id,
            score: 0,
          });
      });
      order.sort(compareRanked);
      this.sortRank = new Int32Array(this.entries.length);
      order.forEach((item, position) => (this.sortRank[item.slot] = position));
      this.sortRankDirty = false;
    }
    return this.sortRank;
  }

  private departmentFacet(matched: readonly number[]): FacetCount[] {
    const counts = new Int32Array(this.departmentIds.size);
    const firstSlot = new Int32Array(this.departmentIds.size).fill(-1);
    for (const slot of matched) {
      const id = this.entries[slot]!.departmentId;
      if (id < 0) continue;
      if (counts[id]++ === 0) firstSlot[id] = slot;
    }
    const facets: FacetCount[] = [];
    counts.forEach((count, id) => {
      if (count) facets.push({ value: this.entries[firstSlot[id]]!.person.department!.trim(), count });
    });
    return sortFacets(facets);
  }

  /** Other skills the matched people hold, most common first: "people who know X also know…". */
  private relatedSkillFacet(matched: readonly number[], units: readonly QueryUnit[]): FacetCount[] {
    const counts = new Int32Array(this.skillIds.size);
    const example: (IndexedSkill | undefined)[] = new Array(this.skillIds.size);
    for (const slot of matched) {
      for (const skill of this.entries[slot]!.skills) {
        if (counts[skill.id]++ === 0) example[skill.id] = skill;
      }
    }
    const facets: FacetCount[] = [];
    counts.forEach((count, id) => {
      const skill = example[id];
      // The skills the query itself asked for are not "related".
      if (!count || !skill || isQueriedSkill(units, skill)) return;
      facets.push({ value: this.skills.get(skill.key)?.display ?? skill.skill.name, count });
    });
    return sortFacets(facets).slice(0, this.relatedSkillsLimit);
  }

  /**
   * For a search without results: known skills that contain a query word or are one or two typos
   * away from it, so the empty state can offer "did you mean…".
   */
  private nearbySkills(words: readonly string[]): FacetCount[] {
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
    return sortFacets(facets).slice(0, this.relatedSkillsLimit);
  }

  /** Sizes, for the bench and for debugging. */
  stats(): PeopleIndexStats {
    let postings = 0;
    let termChars = 0;
    for (const [term, list] of this.postings) {
      postings += list.length;
      termChars += term.length;
    }
    let entryBytes = 0;
    for (const entry of this.entries) {
      if (!entry) continue;
      entryBytes +=
        120 +
        2 *
          (entry.name.joined.length + (entry.title?.joined.length ?? 0) + (entry.about?.joined.length ?? 0));
      entryBytes += entry.skills.length * 96;
    }
    // Per term: map slot and string header (~48 B) + chars; per posting 4 B (small integers);
    // per person the term set that allows updates (~16 B a term) and the folded fields.
    const estimatedBytes =
      this.postings.size * 48 + termChars * 2 + postings * 4 + postings * 16 + entryBytes;
    return {
      people: this.size,
      terms: this.postings.size,
      postings,
      distinctSkills: this.skills.size,
      estimatedBytes,
    };
  }
}

/** Keeps the best `capacity` (slot, score) pairs: higher score first, then lower name rank. */
class TopK {
  private readonly heap: { slot: number; score: number }[] = [];

  constructor(
    private readonly capacity: number,
    private readonly rank: Int32Array,
  ) {}

  /** Whether a ranks after b (worse). */
  private worse(a: { slot: number; score: number }, b: { slot: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && this.rank[a.slot] > this.rank[b.slot]);
  }

  offer(slot: number, score: number): void {
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push({ slot, score });
      this.siftUp(heap.length - 1);
    } else if (this.worse(heap[0], { slot, score })) {
      heap[0] = { slot, score };
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): { slot: number; score: number }[] {
    return [...this.heap].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }

  // A min-heap on "worse": the root is the worst kept item.
  private siftUp(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(heap[at], heap[parent])) break;
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && this.worse(heap[left], heap[worst])) worst = left;
      if (right < heap.length && this.worse(heap[right], heap[worst])) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst], heap[at]];
      at = worst;
    }
  }
}

function sortFacets(facets: FacetCount[]): FacetCount[] {
  return facets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
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

/** Builds an index in one call: `buildPeopleIndex(people, { kudos })`. */
export function buildPeopleIndex(people: readonly Person[], options?: PeopleIndexOptions): PeopleIndex {
  return new PeopleIndex(people, options);
}
