import type { Person, Skill } from '../model.js';
import { compactKey, foldText, subTokens, tokenize } from './normalize.js';

/** A skill with its search keys, computed once per index build or update. */
export interface IndexedSkill {
  skill: Skill;
  /** Folded tokens joined by a space: "power bi", "node.js", "c#". */
  key: string;
  /** Punctuation-free: "powerbi", "nodejs", "c#". */
  compact: string;
  /** Every word of the skill, compounds and their parts: "ux/ui", "ux", "ui". */
  words: string[];
  /** Ranking bonus from level, endorsements, tags and recent kudos; kept up to date by the index. */
  strength: number;
  /** Small integer the index assigns per distinct skill key, for fast facet counting. */
  id: number;
}

/** A text field ready for word-prefix matching. */
export interface IndexedField {
  /** The original text, for evidence. */
  value: string;
  /** Tokens (and parts of compound tokens) joined with a leading space: " anna de vries". */
  joined: string;
  /** Every distinct token and part, for the term postings. */
  terms: string[];
  /** The words of `joined` as term ids, assigned by the index, for matching without strings. */
  ids?: Int32Array;
}

/** One person as the index and the ranking see them. */
export interface IndexedPerson {
  person: Person;
  skills: IndexedSkill[];
  name: IndexedField;
  title?: IndexedField;
  about?: IndexedField;
  department?: IndexedField;
  /** Folded department, for the department filter and facet. */
  departmentKey?: string;
  /** Small integer the index assigns per distinct department, for fast facet counting. */
  departmentId: number;
  /** Kudos in the recent window naming each skill, by skill key. */
  recentKudosBySkill?: Map<string, number>;
}

export function indexField(value: string | undefined): IndexedField | undefined {
  if (!value || !value.trim()) return undefined;
  const tokens = tokenize(foldText(value));
  const parts: string[] = [];
  for (const token of tokens) {
    const inner = subTokens(token);
    if (inner.length > 1 || inner[0] !== token) parts.push(...inner);
  }
  const all = parts.length ? [...tokens, ...parts] : tokens;
  return { value, joined: ' ' + all.join(' '), terms: [...new Set(all)] };
}

/** Shares the work (and memory) for texts many people have: skill names, titles, departments. */
export interface IndexCache {
  skillKeys: Map<string, Pick<IndexedSkill, 'key' | 'compact' | 'words'>>;
  fields: Map<string, IndexedField>;
}

export function createIndexCache(): IndexCache {
  return { skillKeys: new Map(), fields: new Map() };
}

export function indexSkill(skill: Skill, cache?: IndexCache): IndexedSkill {
  let keys = cache?.skillKeys.get(skill.name);
  if (!keys) {
    const tokens = tokenize(foldText(skill.name));
    const words = new Set<string>();
    for (const token of tokens) {
      words.add(token);
      for (const part of subTokens(token)) words.add(part);
    }
    keys = { key: tokens.join(' '), compact: compactKey(skill.name), words: [...words] };
    cache?.skillKeys.set(skill.name, keys);
  }
  return { skill, key: keys.key, compact: keys.compact, words: keys.words, strength: 0, id: -1 };
}

/** A field whose text many people share; the result must be treated as read-only. */
function sharedField(value: string | undefined, cache?: IndexCache): IndexedField | undefined {
  if (!cache || !value) return indexField(value);
  let field = cache.fields.get(value);
  if (!field) {
    field = indexField(value);
    if (field) cache.fields.set(value, field);
  }
  return field;
}

/** The folded department used by the filter and the facet: "  Finance " → "finance". */
export function departmentKey(department: string | undefined): string | undefined {
  const trimmed = department?.trim().replace(/\s+/g, ' ');
  return trimmed ? foldText(trimmed) : undefined;
}

export function indexPerson(person: Person, cache?: IndexCache): IndexedPerson {
  const department = sharedField(person.department, cache);
  return {
    person,
    skills: (person.skills ?? [])
      .map((skill) => indexSkill(skill, cache))
      .filter((entry) => entry.key !== ''),
    name: indexField(person.name) ?? { value: person.name ?? '', joined: ' ', terms: [] },
    title: sharedField(person.title, cache),
    about: indexField(person.about),
    department,
    departmentKey: departmentKey(person.department),
    departmentId: -1,
    recentKudosBySkill: undefined,
  };
}

/** Every term under which the person can be found: skill keys, compact keys, skill words, field tokens. */
export function termsOf(entry: IndexedPerson): Set<string> {
  const terms = new Set<string>();
  for (const skill of entry.skills) {
    terms.add(skill.key);
    if (skill.compact) terms.add(skill.compact);
    for (const word of skill.words) terms.add(word);
  }
  for (const field of [entry.name, entry.title, entry.about, entry.department]) {
    if (field) for (const term of field.terms) terms.add(term);
  }
  return terms;
}
