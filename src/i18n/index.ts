/**
 * Kring's strings and the languages they come in. Each feature keeps its strings in its own bundle
 * module (`src/i18n/<feature>.ts`) so that an element only pulls in what it shows. Kring ships
 * English, Dutch, German and French, complete; an integrator registers any other language (or a
 * regional variant) with `registerLanguage`, and every string it leaves out falls back: `de-at` →
 * `de` → `en`. Hand-rolled rather than `@lit/localize`: see docs/languages.md for why.
 */

/** The languages Kring ships, each with every string English has. */
export const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
export type BuiltInLanguage = (typeof LANGUAGES)[number];
/**
 * A language Kring renders in: a shipped one or one registered with `registerLanguage`, as a lower-case
 * BCP 47 tag (`de`, `de-at`, `pt-br`).
 */
export type Language = BuiltInLanguage | (string & {});

export type StringTable = Record<string, string>;
/**
 * A shipped language's strings for a feature, loaded on first use: Dutch, German and French for what
 * the script-tag core shows (a page needs one of them at most, and every page needs English, the last
 * fallback). Elements render nothing until the strings of their language are here (see `stringsToCome`).
 */
export type LaterStrings<K extends string = string> = () => Promise<Record<K, string>>;
/**
 * A feature's strings: every key in each shipped language (the compiler checks completeness). English
 * is always there; another language may be loaded on first use.
 */
export type StringBundle<K extends string = string> = { en: Record<K, string> } & Record<
  Exclude<BuiltInLanguage, 'en'>,
  Record<K, string> | LaterStrings<K>
>;

// Integrator strings per language: overrides of shipped strings, and whole registered languages.
const registered = new Map<string, StringTable>();
const changeListeners = new Set<() => void>();

const TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

// Every element asks on every update: the answers are kept (there are only a few tags on a page).
const normalizedTags = new Map<string, string | undefined>();

/** `de_AT`, ` DE-at ` → `de-at`; undefined for something that is not a language tag. */
function normalizeTag(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  if (normalizedTags.has(tag)) return normalizedTags.get(tag);
  let normalized: string | undefined = tag.trim().toLowerCase().replace(/_/g, '-');
  try {
    if (!TAG.test(normalized)) normalized = undefined;
    else Intl.getCanonicalLocales(normalized);
  } catch {
    normalized = undefined;
  }
  if (normalizedTags.size > 100) normalizedTags.clear();
  normalizedTags.set(tag, normalized);
  return normalized;
}

/**
 * Adds a language, or strings to one: `registerLanguage('es', { 'card.retry': 'Reintentar', … })`.
 * Keys are those of the English strings (docs/languages.md lists where to find them); a key left out
 * shows the next language in line (`es-mx` → `es` → `en`). Registering again adds to or replaces
 * earlier strings; elements on the page render again in the new wording.
 */
export function registerLanguage(tag: string, strings: StringTable = {}): void {
  const language = normalizeTag(tag);
  if (!language)
    throw new TypeError(
      `[kring] "${tag}" is not a language tag (e.g. "de" or "de-AT"): its strings are not used.`,
    );
  const table = registered.get(language) ?? {};
  for (const [key, value] of Object.entries(strings)) if (typeof value === 'string') table[key] = value;
  registered.set(language, table);
  for (const listener of changeListeners) listener();
}

/**
 * Replaces any string in any language, e.g. `{ nl: { 'card.retry': 'Nog eens' } }`. A language that
 * Kring does not ship is registered by it (as with `registerLanguage`).
 */
export function overrideStrings(tables: Partial<Record<Language, StringTable>>): void {
  for (const [tag, strings] of Object.entries(tables)) {
    if (!strings) continue;
    // Reached from `configure`, also for settings queued before the core loaded: log, never throw.
    try {
      registerLanguage(tag, strings);
    } catch (error) {
      console.error(error);
    }
  }
}

/** Every language an element can render in: the shipped ones and the registered ones. */
export function availableLanguages(): Language[] {
  return [...new Set<Language>([...LANGUAGES, ...registered.keys()])];
}

/** Calls `listener` after strings or languages were registered; returns the unsubscribe function. */
export function onStringsChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

const isAvailable = (tag: string) => (LANGUAGES as readonly string[]).includes(tag) || registered.has(tag);

/** A normalized tag and its shorter forms, longest first: `de-at` → `de-at`, `de`. */
function tagAndParents(tag: string): string[] {
  const parts = tag.split('-');
  return parts.map((_part, index) => parts.slice(0, parts.length - index).join('-'));
}

/** The value kept under `key`, made by `make` the first time it is asked for. */
function cached<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/**
 * Maps a language tag to the most specific available language: `de-AT` → `de-at` when that is
 * registered, else `de`; `nl-BE`, `NL`, `en_GB` → `nl`, `nl`, `en`; undefined when none is available.
 */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  const normalized = normalizeTag(tag);
  return normalized ? tagAndParents(normalized).find(isAvailable) : undefined;
}

const chains = new Map<Language, string[]>();

/** Where a string is looked for, in order: `de-at` → `de` → `en`. */
function fallbackChain(lang: Language): string[] {
  return cached(chains, lang, () => {
    const chain = tagAndParents(lang);
    return chain.includes('en') ? chain : [...chain, 'en'];
  });
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

type ShippedTables<K extends string> = Partial<Record<string, Partial<Record<K, string>> | LaterStrings<K>>>;

// The bundles with a language that loads on first use, and the loads started, each settled once.
const laterBundles = new Set<StringBundle>();
const loads = new Map<LaterStrings, Promise<void>>();

/** Declares a bundle with languages that load on first use, so that `stringsToCome` knows of it. */
export function withLaterStrings<K extends string>(bundle: StringBundle<K>): StringBundle<K> {
  laterBundles.add(bundle as StringBundle);
  return bundle;
}

/**
 * A bundle's strings for a shipped language, loading them if they come later (for tests and for
 * anyone who needs the whole table).
 */
export async function shippedStrings<K extends string>(
  bundle: StringBundle<K>,
  lang: BuiltInLanguage,
): Promise<Record<K, string>> {
  const table = bundle[lang];
  if (typeof table !== 'function') return table;
  const loaded = await table();
  (bundle as Record<string, unknown>)[lang] = loaded;
  return loaded;
}

/**
 * Starts loading a language that comes later; elements render again when it is there. If it cannot be
 * loaded, the next language in line answers (English) from then on.
 */
function loadLater<K extends string>(
  bundle: StringBundle<K>,
  lang: BuiltInLanguage,
  later: LaterStrings<K>,
): Promise<void> {
  return cached(loads, later as LaterStrings, () =>
    shippedStrings(bundle, lang)
      .then(
        () => undefined,
        (error: unknown) => {
          (bundle as Record<string, unknown>)[lang] = {};
          console.error(`[kring] The "${lang}" strings could not be loaded; English is shown.`, error);
        },
      )
      .then(() => {
        for (const listener of changeListeners) listener();
      }),
  );
}

/**
 * Undefined when every shipped string `lang` falls back through (`de-at` → `de` → `en`) is here; else
 * starts loading what is missing and returns a promise that settles when it is (or has failed: then
 * English answers). Elements render nothing meanwhile, so a Dutch page never shows English first.
 */
export function stringsToCome(lang: Language): Promise<void> | undefined {
  const missing: Promise<void>[] = [];
  for (const bundle of laterBundles)
    for (const candidate of fallbackChain(lang)) {
      const table = (bundle as ShippedTables<string>)[candidate];
      if (typeof table === 'function') missing.push(loadLater(bundle, candidate as BuiltInLanguage, table));
    }
  return missing.length ? Promise.all(missing).then(() => undefined) : undefined;
}

/**
 * Looks a key up for a language: the integrator's strings first, then the shipped ones, string by
 * string along the fallback chain (`de-at` → `de` → `en`); the key itself when nothing has it. A
 * shipped language that is not loaded yet starts loading, and the next in the chain answers meanwhile.
 */
export function translate<K extends string>(
  bundle: StringBundle<K>,
  lang: Language,
  key: K,
  params?: MessageParams,
): string {
  const shipped = bundle as ShippedTables<K>;
  for (const candidate of fallbackChain(lang)) {
    let table = shipped[candidate];
    if (typeof table === 'function') {
      void loadLater(bundle, candidate as BuiltInLanguage, table);
      table = undefined;
    }
    const template = registered.get(candidate)?.[key] ?? table?.[key];
    if (template !== undefined) return fill(template, lang, params);
  }
  return key;
}

// Intl formatters are costly to create (a card list makes hundreds of calls): one per language.
const pluralRules = new Map<Language, Intl.PluralRules>();

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
  const rules = cached(pluralRules, lang, () => new Intl.PluralRules(lang));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return translate(bundle, lang, `${key}.${form}` as K, { count, ...params });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(lang: Language, value: number, options?: Intl.NumberFormatOptions): string {
  const cacheKey = lang + JSON.stringify(options ?? {});
  return cached(numberFormats, cacheKey, () => new Intl.NumberFormat(lang, options)).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function formatDate(
  lang: Language,
  value: string | Date,
  options?: Intl.DateTimeFormatOptions,
): string {
  const resolved = options ?? { dateStyle: 'medium' };
  const cacheKey = lang + JSON.stringify(resolved);
  return cached(dateFormats, cacheKey, () => new Intl.DateTimeFormat(lang, resolved)).format(new Date(value));
}
