/** Text folding shared by search and suggestions: accent- and case-insensitive comparison. */

const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** "Bjørn Öztürk" → "bjorn ozturk". Punctuation is kept ("c#", "node.js", "ux/ui"). */
export function foldText(text: string): string {
  // Most text is plain ASCII: skip the costly Unicode normalisation for it.
  if (ASCII_ONLY.test(text)) return text.toLowerCase().trim();
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæœßłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/[\u2019']/g, "'")
    .trim();
}

/** Words of a folded text; separators are white space only, so "c#" and "node.js" stay whole. */
export function words(folded: string): string[] {
  return folded.split(/\s+/).filter((word) => word.length > 0);
}

/** Code-point order: fast, and the same on every machine (for ISO dates and ids). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
