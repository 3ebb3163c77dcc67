/**
 * The expertise ranking, exactly as documented in docs/expertise-ranking.md.
 * Keep the two in step: the constants below are quoted there.
 */
import type { MatchEvidence, MatchKind, SkillLevel, SkillTag } from '../model.js';
import type { IndexedField, IndexedPerson, IndexedSkill } from './entry.js';

/**
 * Points per kind of match. Tiers are 100 apart and every bonus together stays below 100,
 * so a better kind of match always wins over any amount of endorsements.
 */
export const TIER_POINTS: Record<MatchKind, number> = {
  'skill-exact': 500,
  'skill-prefix': 400,
  name: 300,
  title: 200,
  about: 100,
  department: 50,
};

export const LEVEL_POINTS: Record<SkillLevel, number> = { learning: 0, practitioner: 10, expert: 20 };
/** Endorsements: 8 × log2(1 + n), at most 40 (reached at 31 endorsements). */
export const ENDORSEMENT_FACTOR = 8;
export const ENDORSEMENT_CAP = 40;
export const TAG_POINTS: Partial<Record<SkillTag, number>> = { askMeAbout: 8, ableToMentor: 8 };
/** Recent kudos naming the skill: 6 × log2(1 + k), at most 18. */
export const KUDOS_FACTOR = 6;
export const KUDOS_CAP = 18;
/** A field match on a whole word rather than the start of one. */
export const WHOLE_WORD_POINTS = 10;
/** Kudos count as recent for this long. */
export const RECENT_KUDOS_DAYS = 90;

/** One part of a query that must match: a word, or several words that form a known skill. */
export interface QueryUnit {
  /** Folded tokens joined by a space. */
  text: string;
  /** Punctuation-free form, for "nodejs" → "Node.js". */
  compact: string;
  /** Matches skills only, and only exactly (the `skill` filter). */
  exactSkillOnly?: boolean;
  /**
   * Optional precomputed match kind per skill id (see `skillKindTable`), so scoring thousands of
   * people compares integers instead of strings. Same result as without it.
   */
  skillKinds?: Int8Array;
  /**
   * Optional, per word of the unit, the match of every indexed term by term id (2 equal, 1 starts
   * with the word, 0 neither; only the last word may match as a prefix). Used with `IndexedField.ids`.
   */
  wordTables?: Uint8Array[];
}

const KIND_CODES: (MatchKind | undefined)[] = [undefined, 'skill-exact', 'skill-prefix'];

/** Match kind of every distinct skill for one unit, indexed by skill id. */
export function skillKindTable(
  unit: QueryUnit,
  skillsById: readonly (IndexedSkill | undefined)[],
): Int8Array {
  const table = new Int8Array(skillsById.length);
  skillsById.forEach((skill, id) => {
    if (!skill) return;
    const kind = skillMatchKind(unit, skill);
    table[id] = kind ? KIND_CODES.indexOf(kind) : 0;
  });
  return table;
}

/** Where the best match of a unit was found; reused between calls so scoring allocates nothing. */
export interface MatchSlot {
  kind?: MatchKind;
  skill?: IndexedSkill;
  field?: IndexedField;
}

/** The bonus a declared skill earns, 0 to 94. */
export function skillStrength(skill: IndexedSkill, recentKudos: number): number {
  const { level, endorsements, tags } = skill.skill;
  let points = LEVEL_POINTS[level] ?? 0;
  points += Math.min(ENDORSEMENT_CAP, ENDORSEMENT_FACTOR * Math.log2(1 + Math.max(0, endorsements || 0)));
  for (const tag of tags ?? []) points += TAG_POINTS[tag] ?? 0;
  points += Math.min(KUDOS_CAP, KUDOS_FACTOR * Math.log2(1 + recentKudos));
  return points;
}

function skillMatchKind(unit: QueryUnit, skill: IndexedSkill): MatchKind | undefined {
  if (skill.key === unit.text || (unit.compact !== '' && skill.compact === unit.compact))
    return 'skill-exact';
  if (unit.exactSkillOnly) return undefined;
  if (skill.key.startsWith(unit.text)) return 'skill-prefix';
  if (unit.compact !== '' && skill.compact.startsWith(unit.compact)) return 'skill-prefix';
  for (const word of skill.words) if (word.startsWith(unit.text)) return 'skill-prefix';
  return undefined;
}

/** 0 when the field does not match; the whole-word bonus plus one when it does. */
function fieldMatch(unit: QueryUnit, field: IndexedField | undefined): number {
  if (!field) return 0;
  const needle = ' ' + unit.text;
  let from = field.joined.indexOf(needle);
  if (from < 0) return 0;
  // A whole-word hit anywhere beats a prefix hit.
  while (from >= 0) {
    const after = field.joined.charAt(from + needle.length);
    if (after === '' || after === ' ') return 1 + WHOLE_WORD_POINTS;
    from = field.joined.indexOf(needle, from + 1);
  }
  return 1;
}

/** `fieldMatch` over term ids: the same answer without string searches. */
function fieldMatchByIds(tables: readonly Uint8Array[], ids: Int32Array): number {
  const words = tables.length;
  const last = tables[words - 1];
  let best = 0;
  for (let at = 0; at + words <= ids.length; at++) {
    let inner = true;
    for (let word = 0; word < words - 1 && inner; word++) inner = tables[word][ids[at + word]] === 2;
    if (!inner) continue;
    const hit = last[ids[at + words - 1]];
    if (hit === 2) return 1 + WHOLE_WORD_POINTS;
    if (hit === 1) best = 1;
  }
  return best;
}

const NO_MATCH = -1;
const FIELD_KINDS = ['name', 'title', 'about', 'department'] as const;
const scratch: MatchSlot = {};

/**
 * The score of one query unit's best match in one person, or -1 when it does not match.
 * When `found` is given, it is told where the best match was.
 */
export function scoreUnit(unit: QueryUnit, entry: IndexedPerson, found: MatchSlot = scratch): number {
  let best = NO_MATCH;
  found.kind = undefined;
  found.skill = undefined;
  found.field = undefined;
  const table = unit.skillKinds;
  for (const skill of entry.skills) {
    const kind =
      table && skill.id >= 0 && skill.id < table.length
        ? KIND_CODES[table[skill.id]]
        : skillMatchKind(unit, skill);
    if (!kind) continue;
    const score = TIER_POINTS[kind] + skill.strength;
    if (score > best) {
      best = score;
      found.kind = kind;
      found.skill = skill;
    }
  }
  // Any skill match outranks every field match.
  if (unit.exactSkillOnly || best >= TIER_POINTS['skill-prefix']) return best;
  for (const kind of FIELD_KINDS) {
    const field = entry[kind];
    if (!field) continue;
    const hit =
      unit.wordTables && field.ids ? fieldMatchByIds(unit.wordTables, field.ids) : fieldMatch(unit, field);
    if (!hit) continue;
    const score = TIER_POINTS[kind] + hit - 1;
    if (score > best) {
      best = score;
      found.kind = kind;
      found.skill = undefined;
      found.field = field;
    }
  }
  return best;
}

/**
 * A person's score for the whole query: the mean of the unit scores (every unit must match),
 * so multi-word queries stay on the same scale as one-word queries. -1 when a unit fails.
 */
export function scorePerson(units: readonly QueryUnit[], entry: IndexedPerson): number {
  if (!units.length) return 0;
  let total = 0;
  for (const unit of units) {
    const score = scoreUnit(unit, entry);
    if (score < 0) return NO_MATCH;
    total += score;
  }
  return total / units.length;
}

/** Why a person matched: the best match of each unit, strongest kind first, without repeats. */
export function explainPerson(units: readonly QueryUnit[], entry: IndexedPerson): MatchEvidence[] {
  const evidence: MatchEvidence[] = [];
  const found: MatchSlot = {};
  for (const unit of units) {
    if (scoreUnit(unit, entry, found) < 0 || !found.kind) continue;
    const item = toEvidence(found, entry);
    if (!evidence.some((known) => known.kind === item.kind && known.value === item.value))
      evidence.push(item);
  }
  return evidence.sort((a, b) => TIER_POINTS[b.kind] - TIER_POINTS[a.kind]);
}

function toEvidence(found: MatchSlot, entry: IndexedPerson): MatchEvidence {
  const kind = found.kind!;
  if (!found.skill) return { kind, value: found.field?.value ?? '' };
  const { name, level, endorsements, tags } = found.skill.skill;
  const evidence: MatchEvidence = { kind, value: name, level, endorsements, tags: [...(tags ?? [])] };
  const recentKudos = entry.recentKudosBySkill?.get(found.skill.key) ?? 0;
  if (recentKudos > 0) evidence.recentKudos = recentKudos;
  return evidence;
}

/** Whether a skill is one the query itself asked for (and so not a "related" skill). */
export function isQueriedSkill(units: readonly QueryUnit[], skill: IndexedSkill): boolean {
  return units.some((unit) => skillMatchKind(unit, skill) !== undefined);
}

/** Deterministic order: higher score first, then name (folded, then as written), then id. */
export function compareRanked(
  a: { score: number; sortName: string; id: string },
  b: { score: number; sortName: string; id: string },
): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
