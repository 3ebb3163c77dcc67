import type { StringBundle } from './index.js';

export type CommunityStringKey =
  | 'community.connecting'
  | 'community.failed'
  | 'community.badAttribute'
  | 'community.retry'
  | 'community.notConnected'
  | 'community.notStarted';

export const communityStrings: StringBundle<CommunityStringKey> = {
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
  nl: {
    'community.connecting': 'Verbinden met de community…',
    'community.failed': 'De community kon niet worden geladen: {reason}',
    'community.badAttribute': 'Configuratieprobleem: {problem}',
    'community.retry': 'Opnieuw proberen',
    'community.notConnected': 'Dit deel van de pagina kan nu niet laden.',
    'community.notStarted':
      'De community is niet verbonden, dus dit kan nog niet laden. Blijft dit zo, dan zegt de melding van de community waarom.',
  },
  // Loaded on first use: the script-tag core carries English and Dutch only.
  de: () => import('./de/community.js').then((module) => module.communityDe),
  fr: () => import('./fr/community.js').then((module) => module.communityFr),
};
