// The pictures in docs/images/: each element's main states. Shared by the screenshot script (Node)
// and the harness page (bundled for the browser), so both agree on names and markup.

/** The day the pictures' demo data ends on, and the frozen clock of the page (like the tests' TEST_NOW). */
export const SHOT_NOW = '2026-11-20T10:00:00.000Z';

/** Page widths: a desktop column for the element, and a phone. */
export const PHONE_WIDTH = 390;

/**
 * One element in one arrangement. `attributes` go on the element; `person` sets the `person`
 * property to a demo colleague (`<kring-skill-list>` takes no attribute); `type` is typed into the
 * element's text field once it has settled (an open list of suggestions); `width` is the desktop page width.
 */
export const ELEMENTS = [
  { name: 'profile-card', tag: 'kring-profile-card', attributes: { person: 'me', view: 'full' }, width: 560 },
  { name: 'kudos-feed', tag: 'kring-kudos-feed', attributes: { limit: '3' }, width: 640 },
  { name: 'kudos-composer', tag: 'kring-kudos-composer', attributes: {}, width: 560 },
  {
    name: 'people-picker',
    tag: 'kring-people-picker',
    attributes: { label: '' },
    type: 'de',
    width: 480,
    height: 420,
  },
  {
    name: 'expertise-finder',
    tag: 'kring-expertise-finder',
    attributes: { query: 'excel', limit: '4' },
    width: 640,
  },
  { name: 'skill-list', tag: 'kring-skill-list', attributes: { view: 'full' }, person: true, width: 560 },
  {
    name: 'ambassador-badge',
    tag: 'kring-ambassador-badge',
    attributes: { person: 'me', size: 'l' },
    width: 560,
  },
  { name: 'ambassador-programme', tag: 'kring-ambassador-programme', attributes: {}, width: 720 },
  { name: 'invite', tag: 'kring-invite', attributes: {}, width: 640 },
  { name: 'welcome', tag: 'kring-welcome', attributes: {}, welcomeToken: 'pending', width: 640 },
  { name: 'pulse', tag: 'kring-pulse', attributes: {}, width: 1100 },
  { name: 'report', tag: 'kring-report', attributes: {}, width: 880 },
  { name: 'pioneers', tag: 'kring-pioneers', attributes: { limit: '5' }, width: 640 },
  { name: 'community', tag: 'kring-community', attributes: {}, problem: true, width: 560 },
];

/** Light in English, dark in Dutch, and a phone (light, Dutch): three pictures per element. */
export const STATES = [
  { name: 'light-en', colorScheme: 'light', lang: 'en', phone: false },
  { name: 'dark-nl', colorScheme: 'dark', lang: 'nl', phone: false },
  { name: 'phone-nl', colorScheme: 'light', lang: 'nl', phone: true },
];

/** The element and states that make a picture, with its file name under docs/images/. */
export function allShots() {
  return ELEMENTS.flatMap((element) =>
    STATES.filter((state) => !element.problem || state.name !== 'phone-nl').map((state) => ({
      element,
      state,
      file: `${element.name}-${state.name}.png`,
    })),
  );
}
