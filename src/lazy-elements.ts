import type { ElementLoader } from './autoload.js';

/**
 * Every element the script tag loads on first use. `npm run lint` checks that each
 * `src/elements/<name>/define.ts` (except the core's community and profile card) is listed.
 */
export const LAZY_ELEMENTS: Readonly<Record<string, ElementLoader>> = {
  'kring-ambassador-badge': () => import('./elements/ambassador-badge/define.js'),
  'kring-ambassador-programme': () => import('./elements/ambassador-programme/define.js'),
  'kring-expertise-finder': () => import('./elements/expertise-finder/define.js'),
  'kring-invite': () => import('./elements/invite/define.js'),
  'kring-kudos-composer': () => import('./elements/kudos-composer/define.js'),
  'kring-kudos-feed': () => import('./elements/kudos-feed/define.js'),
  'kring-people-picker': () => import('./elements/people-picker/define.js'),
  'kring-pioneers': () => import('./elements/pioneers/define.js'),
  'kring-pulse': () => import('./elements/pulse/define.js'),
  'kring-report': () => import('./elements/report/define.js'),
  'kring-skill-list': () => import('./elements/skill-list/define.js'),
  'kring-welcome': () => import('./elements/welcome/define.js'),
};
