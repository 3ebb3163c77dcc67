/**
 * English and Dutch strings. Each feature keeps its strings in its own bundle module
 * (`src/i18n/<feature>.ts`) so that an element only pulls in what it shows.
 */

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export type StringTable = Record<string, string>;
/** A feature's strings: every key in English, and in Dutch. */
export interface StringBundle<K extends string = string> {
  en: Record<K, string>;
  nl: Record<K, string>;
}

const overrides: Record<Language, StringTable> = { en: {}, nl: {} };

/** Lets an integrator replace any string, e.g. `{ nl: { 'card.retry': 'Nog eens' } }`. */
export function overrideStrings(tables: Partial<Record<Language, StringTable>>): void {
  for (const lang of LANGUAGES) Object.assign(overrides[lang], tables[lang] ?? {});
}

/** Maps `nl-BE`, `NL`, `en_GB`… to a supported language, or undefined. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined;
}

/** Walks up from a node through shadow roots to the nearest element with a `lang` attribute. */
function closestLang(start: Element, stopAtDocumentElement: boolean): string | undefined {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) {
      if (stopAtDocumentElement && node === document.documentElement) return undefined;
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * The language for an element: its own or nearest ancestor's `lang` (below `<html>`), then the
 * community's configured `lang`, then the document's, then the browser's; English otherwise.
 */
export function resolveLanguage(element: Element, configuredLang?: string): Language {
  return (
    toLanguage(closestLang(element, true)) ??
    toLanguage(configuredLang) ??
    toLanguage(document.documentElement.lang) ??
    toLanguage(navigator.language) ??
    'en'
  );
}

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; numbers are formatted for the language. */
function fill(template: string, lang: Language, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** Looks a key up in a bundle, after integrator overrides; falls back to English, then the key. */
export function translate<K extends string>(
  bundle: StringBundle<K>,
  lang: Language,
  key: K,
  params?: MessageParams,
): string {
  const template = overrides[lang][key] ?? bundle[lang][key] ?? overrides.en[key] ?? bundle.en[key] ?? key;
  return fill(template, lang, params);
}

// Intl formatters are costly to create (a card list makes hundreds of calls): one per language.
const pluralRulesByLanguage = new Map<Language, Intl.PluralRules>();
function pluralRules(lang: Language): Intl.PluralRules {
  let rules = pluralRulesByLanguage.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRulesByLanguage.set(lang, rules);
  }
  return rules;
}

/**
 * Picks the plural form: keys `<key>.one` and `<key>.other` in the bundle, `{count}` filled in.
 */
export function translatePlural<K extends string>(
  bundle: StringBundle<K>,
  lang: Language,
  key: string,
  count: number,
  params?: MessageParams,
): string {
  const form = pluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return translate(bundle, lang, `${key}.${form}` as K, { count, ...params });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(lang: Language, value: number, options?: Intl.NumberFormatOptions): string {
  const cacheKey = lang + JSON.stringify(options ?? {});
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(lang, options);
    numberFormats.set(cacheKey, format);
  }
  return format.format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function formatDate(
  lang: Language,
  value: string | Date,
  options?: Intl.DateTimeFormatOptions,
): string {
  const resolved = options ?? { dateStyle: 'medium' };
  const cacheKey = lang + JSON.stringify(resolved);
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, resolved);
    dateFormats.set(cacheKey, format);
  }
  return format.format(new Date(value));
}

const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();
function relativeTimeFormat(lang: Language): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    relativeFormats.set(lang, format);
  }
  return format;
}

/** "3 days ago" / "3 dagen geleden", with the unit chosen from the distance. */
export function formatRelativeTime(lang: Language, value: string | Date, now: Date = new Date()): string {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = relativeTimeFormat(lang);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
