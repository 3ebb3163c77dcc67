/**
 * The files each script-tag entry needs, for `<link rel="modulepreload">` (see `src/preload.ts`). This
 * file is a stand-in: the script-tag build (vite.iife.config.ts) replaces it with
 * `dist/preload-manifest.json`, which the ESM build of `dist/` writes (scripts/lib/preload-manifest.mjs).
 * Under the dev server and in tests there is nothing to preload.
 */
export interface PreloadManifest {
  /** `core.js` and its static imports. */
  core: readonly string[];
  /** Per lazily loaded tag, the files its entry needs beyond the core. */
  elements: Readonly<Record<string, readonly string[]>>;
  /** Per built-in backend name, the files its adapter needs beyond the core. */
  backends: Readonly<Record<string, readonly string[]>>;
  /**
   * Per built-in backend name, the files its adapter loads on first use (kudos, invitations, search,
   * writes: all but a card's reads). Preloaded when the page also has a lazily loaded element.
   */
  backendsWithElements?: Readonly<Record<string, readonly string[]>>;
  /** Per shipped language the core loads on first use (`nl`, `de`, `fr`), the files of its strings. */
  languages?: Readonly<Record<string, readonly string[]>>;
  /**
   * Per module the core loads on first use that a page does not need at load (`person-hover-card`:
   * the open hover card; `outbox`), its files. Never preloaded; listed so tests and tools know them (only
   * in `dist/preload-manifest.json`: the script tag's copy leaves it out).
   */
  onDemand?: Readonly<Record<string, readonly string[]>>;
}

export const PRELOAD_MANIFEST: PreloadManifest | null = null;
