/**
 * Every event a Kring element fires: one class each, extending `Event` (`bubbles`, `composed`), with a
 * readonly typed `detail`, a static `eventName`, and its entry in `GlobalEventHandlersEventMap`, so
 * `document.addEventListener('kring-kudos-sent', (event) => event.detail.kudos)` is typed.
 */
export * from './community.js';
export * from './people.js';
export * from './kudos.js';
export * from './invites.js';
export * from './ambassadors.js';
export * from './metrics.js';
