// The script-tag build's load graph, made flat (issue 18): every file a page needs is asked for by the
// loader at once, instead of one module level at a time (each level is a network round trip).
//
// Two parts:
// - `chunkGroups`: everything the core (`src/core.ts`) imports statically goes into the core's own file
//   (`core.js`), which the other entries import, instead of one chunk per combination of entries that
//   use it (21 files).
// - `preloadManifest`: after the build, makes `dist/index.js` import every file it needs itself (one
//   level), and writes `dist/preload-manifest.json`: for the core, each element
//   and each backend entry, the files it imports statically (transitively), in load order. The script-tag
//   loader (vite.iife.config.ts inlines the manifest) emits `<link rel="modulepreload">` for them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'preload-manifest.json';

/** The module ids `entry` reaches through static imports (including itself). */
function staticClosure(entry, getModuleInfo) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const imported of getModuleInfo(id)?.importedIds ?? []) stack.push(imported);
  }
  return seen;
}

/**
 * `output.codeSplitting` for the script-tag ESM build:
 * - the core's static graph (`src/core.ts` and all it imports) as one file, the core's entry `core.js`,
 *   which lazily loaded elements, backends and `index.js` import what they share with it from. A
 *   separate shared chunk (with `core.js` a small file of imports and re-exports beside it) cost a
 *   file and 0.55 KB gzip on every page; importing `core.js` runs the core's start-up (define
 *   `<kring-community>` and the profile card, install the autoloader), which every script-tag page
 *   has already run, and which `index.js` does too (the autoloader's imports are files it has loaded);
 * - modules every adapter that talks HTTP uses (all but `demo`, which runs in the browser): the HTTP
 *   layer, in the core too. Every page with a real backend needs it; as a chunk of its own it was one
 *   file more and 0.5 KB gzip more on each of them. A demo page (a trial) carries it for nothing (2.5 KB);
 * - other modules only backend adapters use (no element, not the core), one chunk per set of two or more
 *   adapters that share them (group `backend-graph-sharepoint`; files are named by hash), so an adapter
 *   is its entry file plus a chunk, not a dozen. A module one adapter alone uses stays in that adapter's
 *   entry file (one file less to load: REST is `backends/rest.js` alone).
 * - what the public API (`src/api.ts`, loaded on demand) shares with two or more adapters: in the core too;
 * - the event classes the core does not fire: one chunk (`events`).
 * Everything else keeps the default splitting. `index` (every element at once) is left out of the count.
 */
export function chunkGroups({ core, api, backends, elements }) {
  const httpAdapters = Object.keys(backends).filter((name) => name !== 'demo');
  let closures;
  const groupOf = (id, getModuleInfo) => {
    closures ??= {
      core: staticClosure(core, getModuleInfo),
      api: api ? staticClosure(api, getModuleInfo) : new Set(),
      backends: Object.entries(backends).map(([name, entry]) => [name, staticClosure(entry, getModuleInfo)]),
      elements: Object.values(elements).map((entry) => staticClosure(entry, getModuleInfo)),
    };
    if (closures.core.has(id)) return 'kring';
    if (Object.values(backends).includes(id)) return null;
    const users = closures.backends.filter(([, closure]) => closure.has(id)).map(([name]) => name);
    // The public API loads on demand (`Kring.ready`), but what it shares with two or more adapters (the
    // capability defaults) stays in the core, as when the core held the API: else a chunk more for REST.
    if (users.length > 1 && closures.api.has(id)) return 'kring';
    if (users.length <= 1 || closures.elements.some((closure) => closure.has(id))) return null;
    if (httpAdapters.length > 1 && httpAdapters.every((name) => users.includes(name))) return 'kring';
    return `backend-${users.sort().join('-')}`;
  };
  const name = (id, context) => groupOf(id, (moduleId) => context.getModuleInfo(moduleId));
  return {
    groups: [
      // The core first; its static graph is closed (and so is the HTTP layer's, with the core), so
      // taking dependencies along changes nothing. The group holds the core's entry module, so it is
      // the entry's file (`core.js`), not a chunk.
      {
        debugName: 'kring core',
        priority: 2,
        name: (id, context) => (name(id, context) === 'kring' ? 'kring' : null),
      },
      // The event classes the core does not fire (invitations, kudos, ambassadors, metrics): one small file
      // for the elements that fire them and the full API (`Kring.ready`), not one file each. They import
      // nothing at run time, so the group imports nothing either.
      {
        debugName: 'kring events',
        priority: 1,
        name: (id, context) =>
          /[\\/]src[\\/]events[\\/]/.test(id) && name(id, context) !== 'kring' ? 'events' : null,
      },
      // A module's dependencies are used by at least the same adapters (or the core), so their groups
      // only ever import the core or wider groups: no cycles without taking dependencies along.
      {
        debugName: 'kring adapters',
        priority: 1,
        includeDependenciesRecursively: false,
        name: (id, context) => {
          const group = name(id, context);
          return group === 'kring' ? null : group;
        },
      },
    ],
  };
}

/** The files `fileName` imports statically, transitively, dependencies first. */
function staticFiles(bundle, fileName, seen = new Set(), order = []) {
  for (const imported of bundle[fileName]?.imports ?? []) {
    if (seen.has(imported)) continue;
    seen.add(imported);
    staticFiles(bundle, imported, seen, order);
    order.push(imported);
  }
  return order;
}

/**
 * Writes `preload-manifest.json`: `{ core: [files], elements: { tag: [files] }, backends: { name: [files] },
 * backendsWithElements: { name: [files] }, languages: { lang: [files] }, onDemand: { module: [files] } }`, each
 * list being the entry file and its static imports minus what the core already loads. `backendsWithElements`:
 * what an adapter loads on first use (its entry's dynamic imports), which lazily loaded elements need.
 */
export function preloadManifest() {
  return {
    name: 'kring-preload-manifest',
    generateBundle(_options, bundle) {
      const core = ['core.js', ...staticFiles(bundle, 'core.js')];
      const inCore = new Set(core);
      const forEntry = (fileName) =>
        [...staticFiles(bundle, fileName), fileName].filter((file) => !inCore.has(file));
      const manifest = {
        core,
        elements: {},
        backends: {},
        backendsWithElements: {},
        languages: {},
        onDemand: {},
      };
      // The elements the core loads on first use; the core defines the others itself.
      const lazy = new Set(core.flatMap((file) => bundle[file]?.dynamicImports ?? []));
      for (const fileName of Object.keys(bundle).sort()) {
        const chunk = bundle[fileName];
        // The core's strings in a language it loads on first use (src/i18n/<lang>/*.ts).
        const language = /[\\/]src[\\/]i18n[\\/]([a-z]{2,3})[\\/]/.exec(chunk.facadeModuleId ?? '');
        if (chunk.type === 'chunk' && language && lazy.has(fileName)) {
          manifest.languages[language[1]] = [
            ...(manifest.languages[language[1]] ?? []),
            ...forEntry(fileName),
          ];
        }
        // Code the core loads on first use that no page needs at load (the hover card, the outbox, the
        // announcer): never preloaded (a page of cards does not pay for it); listed so tests and tools
        // know it. A chunk that lazily loaded elements import too has no facade: named by its one module.
        const modules = chunk.type === 'chunk' ? modulesOf(chunk) : [];
        const onDemand = /[\\/]src[\\/](?:.+[\\/])?([\w-]+)\.ts$/.exec(
          chunk.facadeModuleId ?? (modules.length === 1 ? modules[0] : ''),
        );
        if (chunk.type === 'chunk' && !chunk.isEntry && !language && onDemand && lazy.has(fileName))
          manifest.onDemand[onDemand[1]] = forEntry(fileName);
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const element = /^elements\/([\w-]+)\.js$/.exec(fileName);
        if (element && lazy.has(fileName)) manifest.elements[`kring-${element[1]}`] = forEntry(fileName);
        const backend = /^backends\/([\w-]+)\.js$/.exec(fileName);
        if (backend) {
          manifest.backends[backend[1]] = forEntry(fileName);
          // What the adapter loads on first use (kudos, invitations, search, writes): elements need it.
          const own = new Set(manifest.backends[backend[1]]);
          const parts = (chunk.dynamicImports ?? []).flatMap(forEntry).filter((file) => !own.has(file));
          if (parts.length) manifest.backendsWithElements[backend[1]] = [...new Set(parts)];
        }
      }
      preloadOutboxWithWriters(bundle, manifest, forEntry);
      hoistImports(bundle, 'index.js');
      this.emitFile({
        type: 'asset',
        fileName: MANIFEST_FILE,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}

const modulesOf = (chunk) => chunk?.moduleIds ?? Object.keys(chunk?.modules ?? {});

/**
 * The outbox's code (`src/client/outbox.ts`) loads on first use, apart from the core. An element that
 * shows unsent writes (its files hold their strings, `src/i18n/outbox.ts`) writes: its page gets the
 * outbox's files preloaded with its own, so its first write does not wait for them.
 */
function preloadOutboxWithWriters(bundle, manifest, forEntry) {
  const isModule = (pattern) => (fileName) => modulesOf(bundle[fileName]).some((id) => pattern.test(id));
  const outboxCode = Object.keys(bundle).find(
    (fileName) =>
      bundle[fileName].type === 'chunk' &&
      /[\\/]src[\\/]client[\\/]outbox\.ts$/.test(bundle[fileName].facadeModuleId ?? ''),
  );
  if (!outboxCode) return;
  const showsUnsentWrites = isModule(/[\\/]src[\\/]i18n[\\/]outbox\.ts$/);
  for (const [tag, files] of Object.entries(manifest.elements)) {
    if (files.some(showsUnsentWrites))
      manifest.elements[tag] = [...new Set([...files, ...forEntry(outboxCode)])];
  }
}

/**
 * `dist/index.js` (every element, for `<script type="module">`) imports chunks that import chunks: the
 * browser finds each level only after the one before has arrived. Importing every file it needs from
 * the entry itself, dependencies first (a valid evaluation order), makes the graph one level deep.
 */
function hoistImports(bundle, fileName) {
  const chunk = bundle[fileName];
  if (chunk?.type !== 'chunk') return;
  const files = staticFiles(bundle, fileName);
  if (files.length === 0) return;
  const imports = files.map((file) => `import"./${file}";`).join('');
  chunk.code = `${imports}\n${chunk.code}`;
  // One line added at the top: the source map's lines move down by one.
  if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
  const mapAsset = bundle[`${fileName}.map`];
  if (mapAsset?.type === 'asset' && typeof mapAsset.source === 'string') {
    const map = JSON.parse(mapAsset.source);
    map.mappings = `;${map.mappings}`;
    mapAsset.source = JSON.stringify(map);
  }
}

/**
 * For the IIFE build, which runs after the ESM build: replaces `src/preload-manifest.ts` (an empty
 * manifest, for tests and the dev server) with the one the ESM build wrote.
 */
export function inlinePreloadManifest(distDir) {
  const target = /[\\/]src[\\/]preload-manifest\.ts$/;
  return {
    name: 'kring-inline-preload-manifest',
    enforce: 'pre',
    load(id) {
      if (!target.test(id)) return null;
      // `onDemand` is for tests and tools: the loader never preloads those files, so it does not carry them.
      const { onDemand: _forTools, ...manifest } = JSON.parse(
        readFileSync(join(distDir, MANIFEST_FILE), 'utf8'),
      );
      return `export const PRELOAD_MANIFEST = ${JSON.stringify(manifest)};\n`;
    },
  };
}
