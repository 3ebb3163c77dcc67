import { compactKey, foldText, tokenize } from './normalize.js';
import type { QueryUnit } from './rank.js';

/** What the parser needs to know about the skill dictionary. */
export interface SkillDictionary {
  /** Whether a skill with exactly this key exists. */
  hasSkill(key: string): boolean;
  /** Whether some skill key starts with this text. */
  hasSkillStartingWith(text: string): boolean;
}

/**
 * Splits query text into units that must each match. Consecutive words that together name a known
 * skill stay one unit ("power bi" in "power bi utrecht"); at the end of the query a prefix of a
 * multi-word skill counts too, so results do not jump while someone types "power b".
 */
export function parseQuery(text: string, skills: SkillDictionary): QueryUnit[] {
  const tokens = tokenize(foldText(text));
  const units: QueryUnit[] = [];
  let start = 0;
  while (start < tokens.length) {
    let end = start + 1;
    for (let candidate = tokens.length; candidate > start + 1; candidate--) {
      const phrase = tokens.slice(start, candidate).join(' ');
      const atEnd = candidate === tokens.length;
      if (skills.hasSkill(phrase) || (atEnd && skills.hasSkillStartingWith(phrase))) {
        end = candidate;
        break;
      }
    }
    const phrase = tokens.slice(start, end).join(' ');
    units.push({ text: phrase, compact: compactKey(phrase) });
    start = end;
  }
  return dedupeUnits(units);
}

function dedupeUnits(units: QueryUnit[]): QueryUnit[] {
  const seen = new Set<string>();
  return units.filter((unit) => (seen.has(unit.text) ? false : (seen.add(unit.text), true)));
}
