/**
 * An in-memory people index for "who knows about X?": built once, updated on writes, queried in
 * a few milliseconds at tens of thousands of people. Pure: no DOM, no network.
 */
import type { FacetCount, Kudos, PeopleQuery, PeopleSearchResult, Person, PersonMatch } from '../model.js';
import {
  createIndexCache,
  departmentKey,
  indexPerson,
  type IndexedField,
  type IndexedPerson,
  type IndexedSkill,
} from './entry.js';
import { departmentFacet, relatedSkillFacet } from './facets.js';
import { compactKey, foldText, paddedWords, skillKey } from './normalize.js';
import { lowerBound, SkillNames } from './skill-dictionary.js';
import { TopK } from './top-k.js';
import { DAY_MS } from '../time.js';
import { parseQuery, type SkillDictionary } from './query.js';
import {
  compareRanked,
  explainPerson,
  RECENT_KUDOS_DAYS,
  scoreUnit,
  skillKindTable,
  skillStrength,
  TIER_POINTS,
  WHOLE_WORD_POINTS,
  type QueryUnit,
} from './rank.js';

/** What the index reads from a kudos. */
export type KudosText = Pick<Kudos, 'to' | 'message' | 'value' | 'createdAt'>;

export interface PeopleIndexOptions {
  /** Kudos, for the "recent kudos naming the skill" bonus. */
  kudos?: readonly KudosText[];
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

const FIELD_KINDS = ['name', 'title', 'about', 'department'] as const;
type FieldKind = (typeof FIELD_KINDS)[number];

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 200;

export class PeopleIndex implements SkillDictionary {
  private readonly entries: (IndexedPerson | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  /** Per field, term → slots of the people whose field has that word (each slot once per term). */
  private readonly fieldPostings: Record<FieldKind, Map<string, number[]>> = {
    name: new Map(),
    title: new Map(),
    about: new Map(),
    department: new Map(),
  };
  /** Per skill id, the slots of the people who declared it. */
  private readonly skillHolders: number[][] = [];
  private sortedTerms: string[] = [];
  /** Stable small integers per term, for the per-query match tables. */
  private readonly termIds = new Map<string, number>();
  private termsDirty = true;
  private readonly skills = new SkillNames();
  /** Recent kudos texts (folded tokens joined by spaces, padded) by receiver id. */
  private readonly kudosTextsByPerson = new Map<string, string[]>();
  private sortRank: Int32Array = new Int32Array(0);
  private sortRankDirty = true;
  /** Stable small integers per skill key and per department, for facet counting in typed arrays. */
  private readonly skillIds = new Map<string, number>();
  /** One indexed skill per id: the first seen; its keys are the same for every holder. */
  private readonly skillsById: (IndexedSkill | undefined)[] = [];
  /** Per slot, the distinct skill ids of the person (tight loops for facet counts). */
  private readonly skillIdsBySlot: Int32Array[] = [];
  private readonly departmentIds = new Map<string, number>();
  private readonly marks: number[] = [];
  private readonly cache = createIndexCache();
  private scratchSums = new Float64Array(0);
  private scratchBest = new Float64Array(0);
  private scratchMatchedUnits = new Uint16Array(0);
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
    const entry = indexPerson(person, this.cache);
    this.assignIds(entry);
    for (const field of [entry.name, entry.title, entry.about, entry.department]) {
      // Shared title and department fields get their ids once.
      if (field && !field.ids) {
        field.ids = Int32Array.from(field.joined.slice(1).split(' '), (term) => this.termId(term));
      }
    }
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
    if (previous) this.skills.forget(previous);
    this.skills.learn(entry);
    this.replacePostings(slot, previous, entry);
    this.skillIdsBySlot[slot] = Int32Array.from(new Set(entry.skills.map((skill) => skill.id)));
    if (!previous || previous.name.joined !== entry.name.joined || previous.person.name !== person.name) {
      this.sortRankDirty = true;
    }
  }

  /** Removes a person; unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const entry = this.entries[slot];
    if (entry) {
      this.skills.forget(entry);
      this.replacePostings(slot, entry, undefined);
      this.skillIdsBySlot[slot] = new Int32Array(0);
    }
    this.entries[slot] = undefined;
    this.slotById.delete(id);
    this.sortRankDirty = true;
  }

  /** Counts new kudos (one or many) towards their receivers' skills. */
  addKudos(kudos: KudosText | readonly KudosText[]): void {
    const list: readonly KudosText[] = Array.isArray(kudos) ? kudos : [kudos as KudosText];
    const receivers = new Set<string>();
    for (const item of list) if (this.rememberKudos(item)) for (const id of item.to) receivers.add(id);
    // Each receiver is recounted once, however many kudos they got.
    for (const receiverId of receivers) {
      const slot = this.slotById.get(receiverId);
      const entry = slot === undefined ? undefined : this.entries[slot];
      if (entry) this.countRecentKudos(entry);
    }
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      this.termIds.set(term, (id = this.termIds.size));
      this.termsDirty = true;
    }
    return id;
  }

  /** Per word of the unit: how every known term matches it (see `QueryUnit.wordTables`). */
  private wordTables(unit: QueryUnit): Uint8Array[] {
    const words = unit.text.split(' ');
    const terms = this.terms();
    return words.map((word, index) => {
      const table = new Uint8Array(this.termIds.size);
      if (index < words.length - 1) {
        const id = this.termIds.get(word);
        if (id !== undefined) table[id] = 2;
        return table;
      }
      for (let at = lowerBound(terms, word); at < terms.length && terms[at].startsWith(word); at++) {
        const id = this.termIds.get(terms[at]);
        if (id !== undefined) table[id] = terms[at] === word ? 2 : 1;
      }
      return table;
    });
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

  private rememberKudos(kudos: KudosText): boolean {
    const age = this.now() - Date.parse(kudos.createdAt);
    if (!(age <= RECENT_KUDOS_DAYS * DAY_MS)) return false;
    const text = paddedWords(`${kudos.value ?? ''} ${kudos.message}`);
    for (const receiverId of kudos.to) {
      const texts = this.kudosTextsByPerson.get(receiverId);
      if (texts) texts.push(text);
      else this.kudosTextsByPerson.set(receiverId, [text]);
    }
    return true;
  }

  /** Counts recent kudos naming each skill, and settles each skill's ranking strength. */
  private countRecentKudos(entry: IndexedPerson): void {
    // Most people have no recent kudos: no map for them.
    entry.recentKudosBySkill = undefined;
    const texts = this.kudosTextsByPerson.get(entry.person.id);
    for (const skill of entry.skills) {
      if (!texts) {
        skill.strength = skillStrength(skill, 0);
        continue;
      }
      const needle = ' ' + skill.key + ' ';
      let count = 0;
      for (const text of texts) if (text.includes(needle)) count++;
      if (count) (entry.recentKudosBySkill ??= new Map()).set(skill.key, count);
      skill.strength = skillStrength(skill, count);
    }
  }

  /** Moves a person's slot between posting lists; fields and skills that did not change are skipped. */
  private replacePostings(
    slot: number,
    previous: IndexedPerson | undefined,
    next: IndexedPerson | undefined,
  ): void {
    for (const kind of FIELD_KINDS) {
      const before = previous?.[kind];
      const after = next?.[kind];
      if (before?.joined === after?.joined) continue;
      const map = this.fieldPostings[kind];
      if (before) {
        const keep = new Set(after?.terms);
        for (const term of before.terms) if (!keep.has(term)) removeSlot(map.get(term), slot);
      }
      const had = before ? new Set(before.terms) : undefined;
      for (const term of after?.terms ?? []) {
        if (had?.has(term)) continue;
        const list = map.get(term);
        if (list) list.push(slot);
        else map.set(term, [slot]);
      }
    }
    const skillsBefore = new Set(previous?.skills.map((skill) => skill.id));
    const skillsAfter = new Set(next?.skills.map((skill) => skill.id));
    for (const id of skillsBefore) if (!skillsAfter.has(id)) removeSlot(this.skillHolders[id], slot);
    for (const id of skillsAfter) {
      if (skillsBefore.has(id)) continue;
      (this.skillHolders[id] ??= []).push(slot);
    }
  }

  // ------------------------------------------------------------------ skill dictionary

  hasSkill(key: string): boolean {
    return this.skills.hasSkill(key);
  }

  hasSkillStartingWith(text: string): boolean {
    return this.skills.hasSkillStartingWith(text);
  }

  hasTermStartingWith(text: string): boolean {
    const terms = this.terms();
    const at = lowerBound(terms, text);
    return at < terms.length && terms[at].startsWith(text);
  }

  /** The display name of a known skill, or undefined: "power bi" → "Power BI". */
  skillName(text: string): string | undefined {
    return this.skills.skillName(text);
  }

  /** Skill names that start with, then contain, the text; most-held first. */
  suggestSkills(text: string, limit = 10): string[] {
    return this.skills.suggest(text, limit);
  }

  // ------------------------------------------------------------------ search

  /** Runs a query: matches, ranked, with evidence and facets. No text and no filters lists everyone by name. */
  search(query: PeopleQuery): PeopleSearchResult {
    const units: QueryUnit[] = parseQuery(query.text ?? '', this);
    const skillFilter = query.skill?.trim() ? skillKey(query.skill) : '';
    if (skillFilter)
      units.push({ text: skillFilter, compact: compactKey(skillFilter), exactSkillOnly: true });
    const wantedDepartment = departmentKey(query.department);
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit ?? DEFAULT_LIMIT)));
    const offset = Math.max(0, Number.parseInt(query.cursor ?? '0', 10) || 0);
    for (const unit of units) {
      unit.skillKinds = skillKindTable(unit, this.skillsById);
      if (!unit.exactSkillOnly) unit.wordTables = this.wordTables(unit);
    }
    const rank = this.sortRanks();
    // Scores only in this pass; evidence only for the page shown.
    const top = new TopK(offset + limit, rank);
    const matched: number[] = [];
    const accept = (slot: number, score: number) => {
      const entry = this.entries[slot];
      if (!entry) return;
      if (wantedDepartment && entry.departmentKey !== wantedDepartment) return;
      if (query.membersOnly && entry.person.isMember !== true) return;
      matched.push(slot);
      top.offer(slot, score);
    };
    if (!units.length) {
      for (let slot = 0; slot < this.entries.length; slot++) accept(slot, 0);
    } else {
      const { slots, sums } = this.scoreUnits(units);
      for (const slot of slots) accept(slot, sums[slot] / units.length);
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
        departments: departmentFacet(matched, this.entries, this.departmentIds.size),
        relatedSkills: matched.length
          ? this.relatedSkills(matched, units)
          : this.skills.nearby(
              units.map((unit) => unit.text),
              this.relatedSkillsLimit,
            ),
      },
    };
    if (offset + limit < matched.length) result.next = String(offset + limit);
    return result;
  }

  /**
   * Scores every unit and keeps the people who match all of them: `sums[slot]` is the sum of their
   * unit scores. Same numbers as `scorePerson`, computed from the posting lists rather than person by
   * person, so a broad query ("a") costs a pass over its postings, not a string search per person.
   */
  private scoreUnits(units: readonly QueryUnit[]): { slots: number[]; sums: Float64Array } {
    const size = this.entries.length;
    // Reused between queries: a query allocates no arrays the size of the index.
    if (this.scratchSums.length < size) {
      this.scratchSums = new Float64Array(size * 2);
      this.scratchBest = new Float64Array(size * 2);
      this.scratchMatchedUnits = new Uint16Array(size * 2);
    }
    const sums = this.scratchSums;
    const best = this.scratchBest;
    const matchedUnits = this.scratchMatchedUnits;
    sums.fill(0, 0, size);
    matchedUnits.fill(0, 0, size);
    let slots: number[] = [];
    units.forEach((unit, index) => {
      best.fill(-1, 0, size);
      const seen: number[] = [];
      if (unit.text.includes(' ')) this.scorePhraseUnit(unit, best, seen);
      else this.scoreWordUnit(unit, best, seen);
      const next: number[] = [];
      for (const slot of seen) {
        // A person who missed an earlier unit is out.
        if (matchedUnits[slot] !== index) continue;
        matchedUnits[slot]++;
        sums[slot] += best[slot];
        next.push(slot);
      }
      slots = next;
    });
    return { slots, sums };
  }

  /** One word: best score per person from the skill holders and the field postings. */
  private scoreWordUnit(unit: QueryUnit, best: Float64Array, seen: number[]): void {
    const offer = (slot: number, score: number) => {
      if (score <= best[slot]) return;
      if (best[slot] < 0) seen.push(slot);
      best[slot] = score;
    };
    const kinds = unit.skillKinds!;
    for (let id = 0; id < kinds.length; id++) {
      const kind = kinds[id] === 1 ? 'skill-exact' : kinds[id] === 2 ? 'skill-prefix' : undefined;
      if (!kind) continue;
      for (const slot of this.skillHolders[id] ?? []) {
        let strength = 0;
        for (const skill of this.entries[slot]!.skills)
          if (skill.id === id && skill.strength > strength) strength = skill.strength;
        offer(slot, TIER_POINTS[kind] + strength);
      }
    }
    if (unit.exactSkillOnly) return;
    const terms = this.terms();
    const word = unit.text;
    for (const kind of FIELD_KINDS) {
      const map = this.fieldPostings[kind];
      for (let at = lowerBound(terms, word); at < terms.length && terms[at].startsWith(word); at++) {
        const list = map.get(terms[at]);
        if (!list) continue;
        const score = TIER_POINTS[kind] + (terms[at] === word ? WHOLE_WORD_POINTS : 0);
        for (const slot of list) offer(slot, score);
      }
    }
  }

  /** Several words forming a skill: candidates from the postings, then scored person by person. */
  private scorePhraseUnit(unit: QueryUnit, best: Float64Array, seen: number[]): void {
    const generation = ++this.markGeneration;
    const consider = (slot: number) => {
      if (this.marks[slot] === generation) return;
      this.marks[slot] = generation;
      const entry = this.entries[slot];
      const score = entry ? scoreUnit(unit, entry) : -1;
      if (score < 0) return;
      best[slot] = score;
      seen.push(slot);
    };
    const kinds = unit.skillKinds!;
    for (let id = 0; id < kinds.length; id++)
      if (kinds[id]) for (const slot of this.skillHolders[id] ?? []) consider(slot);
    const first = unit.text.split(' ')[0];
    const terms = this.terms();
    for (const kind of FIELD_KINDS) {
      const map = this.fieldPostings[kind];
      for (let at = lowerBound(terms, first); at < terms.length && terms[at].startsWith(first); at++) {
        for (const slot of map.get(terms[at]) ?? []) consider(slot);
      }
    }
  }

  private terms(): string[] {
    if (this.termsDirty) {
      this.sortedTerms = [...this.termIds.keys()].sort();
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

  private relatedSkills(matched: readonly number[], units: readonly QueryUnit[]): FacetCount[] {
    const skills = {
      count: this.skillIds.size,
      bySlot: this.skillIdsBySlot,
      byId: this.skillsById,
      display: (key: string) => this.skills.display(key),
    };
    return relatedSkillFacet(matched, units, skills, this.relatedSkillsLimit);
  }

  /** Sizes, for the bench and for debugging. */
  stats(): PeopleIndexStats {
    let postings = 0;
    for (const map of Object.values(this.fieldPostings))
      for (const list of map.values()) postings += list.length;
    for (const list of this.skillHolders) postings += list?.length ?? 0;
    let termChars = 0;
    for (const term of this.termIds.keys()) termChars += term.length;
    let entryBytes = 0;
    for (const entry of this.entries) {
      if (!entry) continue;
      const fields: (IndexedField | undefined)[] = [entry.name, entry.title, entry.about, entry.department];
      entryBytes += 160 + entry.skills.length * 120;
      for (const field of fields)
        if (field)
          entryBytes += 64 + 2 * field.joined.length + 4 * (field.ids?.length ?? 0) + 16 * field.terms.length;
    }
    // Per term: map entries in the term maps and the sorted list (~64 B) + characters; per posting 4 B
    // (small integers in packed arrays); per person the folded fields, term ids and skills.
    const estimatedBytes = this.termIds.size * 64 + termChars * 2 + postings * 4 + entryBytes;
    return {
      people: this.size,
      terms: this.termIds.size,
      postings,
      distinctSkills: this.skills.size,
      estimatedBytes,
    };
  }
}

function removeSlot(list: number[] | undefined, slot: number): void {
  if (!list) return;
  const at = list.indexOf(slot);
  if (at >= 0) list.splice(at, 1);
}

/** Builds an index in one call: `buildPeopleIndex(people, { kudos })`. */
export function buildPeopleIndex(people: readonly Person[], options?: PeopleIndexOptions): PeopleIndex {
  return new PeopleIndex(people, options);
}
