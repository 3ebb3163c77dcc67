/**
 * The script-tag loader (`dist/kring.iife.js`): defines `window.Kring` at once, so page scripts can
 * call `Kring.configure(...)` straight away, and imports the core (`core.js`, beside this file),
 * which defines the elements and loads the rest on first use. Every file the page's elements and
 * backend need is asked for at once (`preload.ts`), so the first data request waits for two load levels.
 */
import { KRING_VERSION } from './define.js';
import type { KringOptions } from './configure.js';
import { queueOptions } from './pending-options.js';
import type * as Core from './core.js';
import type * as Api from './api.js';
import { PRELOAD_MANIFEST } from './preload-manifest.js';
import { preloadKringFiles } from './preload.js';

interface KringGlobal {
  version: string;
  /** Page-wide settings; buffered until the core has loaded. */
  configure(options: KringOptions): void;
  /** Adds a language or strings (`Kring.registerLanguage('es', {...})`); buffered until the core has loaded. */
  registerLanguage(tag: string, strings?: Record<string, string>): void;
  /**
   * Resolves with the full API (and puts it on `Kring`); reading it the first time loads the part of the
   * API the core leaves out (event classes, the client…), so a page that never reads it never loads it.
   */
  readonly ready: Promise<typeof Api>;
}

const holder = globalThis as unknown as { Kring?: KringGlobal };

const existing = holder.Kring;
if (existing) {
  // Two web parts each shipping Kring: the first copy wins, the page keeps working.
  console.warn(
    `[kring] Kring ${existing.version} is already loaded on this page; this copy (Kring ${KRING_VERSION}) is ignored. ` +
      'Load Kring once per page.',
  );
} else {
  const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;
  if (PRELOAD_MANIFEST) preloadKringFiles(PRELOAD_MANIFEST, scriptUrl);
  let core: typeof Core | undefined;
  let api: Promise<typeof Api> | undefined;
  /** Puts a module's exports on `Kring`, which keeps its own `configure`, `registerLanguage` and `version`. */
  const adopt = <M extends object>(module: M): M => (
    Object.assign(kring, module, {
      configure: kring.configure,
      registerLanguage: kring.registerLanguage,
      version: KRING_VERSION,
    }),
    module
  );
  const coreLoaded: Promise<typeof Core> = import(/* @vite-ignore */ new URL('core.js', scriptUrl).href).then(
    (module: typeof Core) => adopt((core = module)),
  );
  const kring: KringGlobal = {
    version: KRING_VERSION,
    configure(options) {
      if (core) core.configure(options);
      else queueOptions(options);
    },
    registerLanguage(tag, strings = {}) {
      if (core) core.registerLanguage(tag, strings);
      else queueOptions({ strings: { [tag]: strings } });
    },
    get ready() {
      return (api ??= coreLoaded.then((module) => module.loadApi()).then(adopt));
    },
  };
  coreLoaded.catch((error: unknown) => console.error('[kring] The Kring core could not be loaded.', error));
  holder.Kring = kring;
}
