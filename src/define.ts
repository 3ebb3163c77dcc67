/** The version stamped into every build, so double-loading warnings can name both. */
export const KRING_VERSION = '0.1.0';

const versionKey = Symbol.for('kring.definedVersions');
type VersionRegistry = Map<string, string>;

function registry(): VersionRegistry {
  const holder = globalThis as unknown as Record<symbol, VersionRegistry | undefined>;
  return (holder[versionKey] ??= new Map());
}

function warnedPairs(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (holder[Symbol.for('kring.warnedDuplicates')] ??= new Set());
}

/**
 * Defines a custom element unless the tag is taken. Two bundles or two versions on one page
 * must not throw: the first definition wins and a warning names both versions.
 */
export function defineElement(
  tag: string,
  constructor: CustomElementConstructor,
  version = KRING_VERSION,
): void {
  // Node (SSR, tests, static generation) imports the package without a DOM: nothing to define there.
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      const first = registry().get(tag) ?? 'unknown';
      // One warning per duplicate copy, not one per element it would have defined.
      const pair = `${first}→${version}`;
      if (warnedPairs().has(pair)) return;
      warnedPairs().add(pair);
      console.warn(
        `[kring] <${tag}> and the other Kring elements are already defined (Kring ${first}); ` +
          `this copy (Kring ${version}) is ignored. ` +
          'Load Kring once per page.',
      );
    }
    return;
  }
  customElements.define(tag, constructor);
  registry().set(tag, version);
}
