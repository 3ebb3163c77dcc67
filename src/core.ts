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
import { configure, type KringOptions } from './configure.js';

export * from './api.js';

// Settings given to `Kring.configure` before this module arrived (see iife.ts) apply first.
const pendingKey = Symbol.for('kring.pendingOptions');
const holder = globalThis as unknown as Record<symbol, KringOptions[] | undefined>;
for (const options of holder[pendingKey]?.splice(0) ?? []) configure(options);

registerBuiltinBackends();
// Before the first define: cards that upgrade now register their shadow roots with it.
installAutoloader(LAZY_ELEMENTS);
defineCommunity();
defineElement('kring-profile-card', KringProfileCard);
