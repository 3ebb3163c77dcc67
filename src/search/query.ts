import { compactKey, foldText, tokenize } from './normalize.js';
import type { QueryUnit } from './rank.js';

/** What the parser needs to know about the skill dictionary. */
export interface SkillDictionary {
  /** Whether a skill with exactly this key exists. */
  hasSkill(key: string): boolean;
  /** Whether some skill key starts with this text. */
  hasSkillStartingWith(text: string): boolean;
  /** Whether some word of a name, title, "about" or department starts with this text. */
  hasTermStartingWith?(text: string): boolean;
}

/**
 * Words that carry no subject in a question such as "wie kan mij helpen met excel" or "who can help me
 * with Power BI". Dropped from a query that has other words left, unless they name a skill.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  // nl
  'wie',
  'wat',
  'kan',
  'kunnen',
  'mij',
  'me',
  'ik',
  'je',
  'jij',
  'iemand',
  'helpen',
  'hulp',
  'met',
  'bij',
  'van',
  'over',
  'in',
  'op',
  'voor',
  'een',
  'de',
  'het',
  'en',
  'of',
  'die',
  'weet',
  'kent',
  'heeft',
  'ervaring',
  'kennis',
  'zoek',
  'zoeken',
  'nodig',
  'verstand',
  // en
  'who',
  'what',
  'can',
  'could',
  'help',
  'i',
  'me',
  'with',
  'about',
  'on',
  'at',
  'for',
  'a',
  'an',
  'the',
  'and',
  'or',
  'someone',
  'somebody',
  'anyone',
  'knows',
  'know',
  'has',
  'experience',
  'need',
  'looking',
  'is',
  'there',
  'of',
  'to',
  // de
  'wer',
  'kann',
  'mir',
  'mit',
  'bei',
  'hat',
  'kennt',
  'sich',
  'aus',
  'jemand',
  'helfen',
  'der',
  'die',
  'das',
  'und',
  'oder',
  'ein',
  'eine',
  // fr
  'qui',
  'peut',
  "m'aider",
  'aider',
  'avec',
  'en',
  'le',
  'la',
  'les',
  'un',
  'une',
  'et',
  'ou',
  'de',
  'du',
  'des',
  'connait',
  'quelqu’un',
]);

/** Dutch (and similar) endings removed by the light stemmer, longest first: "boekhouding" → "boekhoud". */
const ENDINGS = ['ingen', 'heden', 'ing', 'heid', 'en'];
/** A stem keeps at least this many letters. */
const MIN_STEM = 4;

/** The word without a common ending, or undefined when none applies. */
export function lightStem(word: string): string | undefined {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending))
      return word.slice(0, -ending.length);
  }
  return undefined;
}

/** German spellings without umlauts: "mueller" → "muller" (as "Müller" folds), "schoen" → "schon". */
export function umlautSpelling(word: string): string | undefined {
  const spelled = word.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  return spelled === word ? undefined : spelled;
}

/**
 * A word that matches nothing as typed, in a form that does: its light stem ("boekhouding" finds the
 * skill "Boekhouden"), else its umlaut spelling ("Mueller" finds "Müller"). As typed when neither helps.
 */
function matchableForm(word: string, skills: SkillDictionary): string {
  const known = (text: string) =>
    skills.hasSkill(text) || skills.hasSkillStartingWith(text) || skills.hasTermStartingWith?.(text) === true;
  if (!skills.hasTermStartingWith || known(word)) return word;
  for (const candidate of [lightStem(word), umlautSpelling(word), lightStem(umlautSpelling(word) ?? '')]) {
    if (candidate && known(candidate)) return candidate;
  }
  return word;
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
    const word = end === start + 1 ? matchableForm(phrase, skills) : phrase;
    units.push({ text: word, compact: compactKey(word) });
    start = end;
  }
  return dedupeUnits(withoutQuestionWords(units, skills));
}

/** "wie kan mij helpen met excel" → "excel": question words go when something else is asked for. */
function withoutQuestionWords(units: QueryUnit[], skills: SkillDictionary): QueryUnit[] {
  const isQuestionWord = (unit: QueryUnit) => QUESTION_WORDS.has(unit.text) && !skills.hasSkill(unit.text);
  const kept = units.filter((unit) => !isQuestionWord(unit));
  return kept.length ? kept : units;
}

function dedupeUnits(units: QueryUnit[]): QueryUnit[] {
  const seen = new Set<string>();
  return units.filter((unit) => (seen.has(unit.text) ? false : (seen.add(unit.text), true)));
}
