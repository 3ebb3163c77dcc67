import { withLaterStrings, type StringBundle } from './index.js';

export type CommunityStringKey =
  | 'community.connecting'
  | 'community.failed'
  | 'community.badAttribute'
  | 'community.retry'
  | 'community.notConnected'
  | 'community.notStarted';

export const communityStrings: StringBundle<CommunityStringKey> = withLaterStrings({
  en: {
    'community.connecting': 'Connecting to the community…',
    'community.failed': 'The community could not be loaded: {reason}',
    'community.badAttribute': 'Configuration problem: {problem}',
    'community.retry': 'Try again',
    // For visitors: the fix (a page-wide <kring-community>) goes to the console, for the page's author.
    'community.notConnected': 'This part of the page cannot load right now.',
    'community.notStarted':
      "The community is not connected, so this cannot load yet. If it stays this way, the community's message says why.",
  },
  // Loaded on first use (preloaded for the page's language): the script-tag core carries English only.
  nl: () => import('./nl/community.js').then((module) => module.communityNl),
  de: () => import('./de/community.js').then((module) => module.communityDe),
  fr: () => import('./fr/community.js').then((module) => module.communityFr),
});
