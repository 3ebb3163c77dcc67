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
import { configure, type KringOptions } from './configure.js';

export * from './api.js';

// Settings given to `Kring.configure` before this module arrived (see iife.ts) apply first.
const pendingKey = Symbol.for('kring.pendingOptions');
const holder = globalThis as unknown as Record<symbol, KringOptions[] | undefined>;
for (const options of holder[pendingKey]?.splice(0) ?? []) configure(options);

registerBuiltinBackends();
defineCommunity();
defineElement('kring-profile-card', KringProfileCard);
installAutoloader({
  'kring-ambassador-badge': () => import('./elements/ambassador-badge/define.js'),
  'kring-expertise-finder': () => import('./elements/expertise-finder/define.js'),
  'kring-invite': () => import('./elements/invite/define.js'),
  'kring-kudos-composer': () => import('./elements/kudos-composer/define.js'),
  'kring-kudos-feed': () => import('./elements/kudos-feed/define.js'),
  'kring-people-picker': () => import('./elements/people-picker/define.js'),
  'kring-pulse': () => import('./elements/pulse/define.js'),
  'kring-report': () => import('./elements/report/define.js'),
  'kring-skill-list': () => import('./elements/skill-list/define.js'),
});
