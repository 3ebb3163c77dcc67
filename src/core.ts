/**
 * The core that the script tag loads (`dist/core.js`): the public API, `<kring-community>` and
 * `<kring-profile-card>`, the built-in backends, and an autoloader that imports every other element
 * on first use. Everything shares one copy of lit, so Trusted Types sees one `lit-html` policy.
 */
import { registerBuiltinBackends } from './backends/builtin.js';
import { defineCommunity } from './elements/community/register.js';
import { defineElement } from './define.js';
import { KringProfileCard } from './elements/profile-card/profile-card.js';
import { installAutoloader } from './autoload.js';
import { LAZY_ELEMENTS } from './lazy-elements.js';
import { configure } from './configure.js';
import { takeQueuedOptions } from './pending-options.js';

export * from './api.js';

// Settings given before this module arrived (see pending-options.ts) apply first.
for (const options of takeQueuedOptions()) configure(options);

registerBuiltinBackends();
// Before the first define: elements that upgrade now may ask it for the tags they render (requireElement).
installAutoloader(LAZY_ELEMENTS);
defineCommunity();
defineElement('kring-profile-card', KringProfileCard);
