/**
 * The core that the script tag loads (`dist/core.js`): `<kring-community>` and `<kring-profile-card>`,
 * the built-in backends, an autoloader that imports every other element on first use, and the part of
 * the public API a page calls without waiting for `Kring.ready` (settings, languages, backends,
 * sign-out). Everything shares one copy of lit, so Trusted Types sees one `lit-html` policy.
 */
import { registerBuiltinBackends } from './backends/builtin.js';
import { defineCommunity } from './elements/community/register.js';
import { defineElement } from './define.js';
import { KringProfileCard } from './elements/profile-card/profile-card.js';
import { installAutoloader } from './autoload.js';
import { LAZY_ELEMENTS } from './lazy-elements.js';
import { configure } from './configure.js';
import { takeQueuedOptions } from './pending-options.js';

/**
 * Exported here (on `window.Kring` once the core has loaded): what a page calls without waiting for
 * `Kring.ready`. The rest of the public API (event classes, the client, the model's value lists…)
 * comes with `loadApi`, which the loader calls when `Kring.ready` is first read: its names alone were
 * 0.6 KB gzip in this file, on every page (issue 18). `src/api.ts` is the whole API, as before.
 */
export { configure, type KringOptions } from './configure.js';
export { registerLanguage, overrideStrings, availableLanguages, LANGUAGES } from './i18n/index.js';
export { registerBackend, type BackendSettings } from './backends/registry.js';
export { signOut } from './sign-out.js';
export { provisionSharePointLists } from './provision.js';

/** The whole public API (`src/api.ts`), loaded on first use; `Kring.ready` resolves with it. */
export const loadApi = (): Promise<typeof import('./api.js')> => import('./api.js');

// Settings given before this module arrived (see pending-options.ts) apply first.
for (const options of takeQueuedOptions()) configure(options);

registerBuiltinBackends();
// Before the first define: elements that upgrade now may ask it for the tags they render (requireElement).
installAutoloader(LAZY_ELEMENTS);
defineCommunity();
defineElement('kring-profile-card', KringProfileCard);
