import type { CommunityStringKey } from '../community.js';

export const communityDe: Record<CommunityStringKey, string> = {
  'community.connecting': 'Verbindung zur Community wird hergestellt…',
  'community.failed': 'Die Community konnte nicht geladen werden: {reason}',
  'community.badAttribute': 'Konfigurationsproblem: {problem}',
  'community.retry': 'Erneut versuchen',
  'community.notConnected': 'Dieser Teil der Seite kann gerade nicht geladen werden.',
  'community.notStarted':
    'Die Community ist nicht verbunden, daher kann dies noch nicht geladen werden. Bleibt es so, nennt die Meldung der Community den Grund.',
};
