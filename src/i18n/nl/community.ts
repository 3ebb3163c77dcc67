import type { CommunityStringKey } from '../community.js';

export const communityNl: Record<CommunityStringKey, string> = {
  'community.connecting': 'Verbinden met de community…',
  'community.failed': 'De community kon niet worden geladen: {reason}',
  'community.badAttribute': 'Configuratieprobleem: {problem}',
  'community.retry': 'Opnieuw proberen',
  'community.notConnected': 'Dit deel van de pagina kan nu niet laden.',
  'community.notStarted':
    'De community is niet verbonden, dus dit kan nog niet laden. Blijft dit zo, dan zegt de melding van de community waarom.',
};
