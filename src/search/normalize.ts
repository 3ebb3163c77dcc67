/**
 * Text normalisation for people search: accent and case folding, and tokenising that keeps
 * skill names with punctuation ("C#", "C++", "Node.js", "UX/UI", ".NET") whole.
 * Pure functions, no DOM.
 */

/** Letters that Unicode decomposition does not split into a base letter plus a mark. */
const SPECIAL_FOLDS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ẞ: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
  ŋ: 'n',
  ĸ: 'k',
};
const SPECIAL_FOLD_PATTERN = /[øæœßẞłđðþıħŀŋĸ]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Folds case and accents: "Müller" → "muller", "Bjørn" → "bjorn", "Straße" → "strasse",
 * "İstanbul" → "istanbul". Other characters (punctuation, spaces) are kept as they are.
 */
export function foldText(text: string): string {
  // Fast path: most names and skills are plain ASCII.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  // Lower-case first so "Ø" and "İ" become "ø" and "i̇" (i + combining dot, removed below).
  return text
    .toLowerCase()
    .replace(SPECIAL_FOLD_PATTERN, (letter) => SPECIAL_FOLDS[letter] ?? letter)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

/**
 * Characters that separate tokens. `#`, `+`, `.`, `/`, `-` and `&` are not separators: they are part
 * of skill names like "C#", "C++", "Node.js", "UX/UI", "R&D"; they are trimmed from token edges below.
 */
const SEPARATORS = /[\s,;:!?()[\]{}<>"'`«»“”‘’|*=~^$%@\\]+/u;
/** Edge punctuation that is never meaningful: "Node.js." at the end of a sentence, "(UX/UI)". */
const LEADING_TRIM = /^[/&\-_]+/;
const TRAILING_TRIM = /[./&\-_]+$/;
/** Joiners inside a token after which the parts are words of their own ("ux/ui" → "ux", "ui"). */
const INNER_JOINERS = /[./&\-_]+/;

/**
 * Splits folded text into search tokens. Skill-like tokens keep their punctuation:
 * `tokenize('I love C#, Node.js and UX/UI (.NET)')` → `['i', 'love', 'c#', 'node.js', 'and', 'ux/ui', '.net']`.
 * The input should already be folded (see `foldText`).
 */
export function tokenize(folded: string): string[] {
  const tokens: string[] = [];
  for (const raw of folded.split(SEPARATORS)) {
    if (!raw) continue;
    let token = raw.replace(TRAILING_TRIM, '').replace(LEADING_TRIM, '');
    // A leading dot is kept only when a word follows (".net"), not for "...".
    if (token.startsWith('.') && !/^\.[\p{L}\p{N}]/u.test(token)) token = token.replace(/^\.+/, '');
    if (token) tokens.push(token);
  }
  return tokens;
}

/**
 * The words inside a compound token, for partial matches: "node.js" → ["node", "js"],
 * "ux/ui" → ["ux", "ui"], ".net" → ["net"]; plain words give themselves.
 */
export function subTokens(token: string): string[] {
  if (!INNER_JOINERS.test(token)) return [token];
  return token.split(INNER_JOINERS).filter(Boolean);
}

/** Folds and tokenises in one go. */
export function normalizeTokens(text: string): string[] {
  return tokenize(foldText(text));
}

/**
 * The canonical key of a skill or of a whole query: folded tokens joined by one space.
 * "  Power  BI " → "power bi", "UX / UI" → "ux / ui" is avoided by tokenising first: "ux/ui".
 */
export function skillKey(text: string): string {
  return normalizeTokens(text).join(' ');
}

/**
 * A punctuation-free key so that "nodejs" finds "Node.js" and "ux ui" finds "UX/UI".
 * `#` and `+` are kept: "C", "C#" and "C++" are different skills.
 */
export function compactKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}#+]+/gu, '');
}

const SEPARATORS_GLOBAL = new RegExp(SEPARATORS.source, 'gu');
const WORD_EDGES = /(?<= )[/&\-_]+|[./&\-_]+(?= )/g;

/**
 * Folded words between single spaces, padded: "Thanks for the Power BI report!" →
 * " thanks for the power bi report ", so `includes(' ' + skillKey + ' ')` finds whole skill names.
 * The words `tokenize` gives (except that runs of leading dots stay), with three replaces instead
 * of a split, for the many kudos messages the index reads.
 */
export function paddedWords(text: string): string {
  const spaced = ' ' + foldText(text).replace(SEPARATORS_GLOBAL, ' ') + ' ';
  return spaced.replace(WORD_EDGES, '').replace(/ {2,}/g, ' ');
}
