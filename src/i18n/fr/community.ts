import type { CommunityStringKey } from '../community.js';

export const communityFr: Record<CommunityStringKey, string> = {
  'community.connecting': 'Connexion à la communauté…',
  'community.failed': 'La communauté n’a pas pu être chargée\u00a0: {reason}',
  'community.badAttribute': 'Problème de configuration\u00a0: {problem}',
  'community.retry': 'Réessayer',
  'community.notConnected': 'Cette partie de la page ne peut pas se charger pour le moment.',
  'community.notStarted':
    'La communauté n’est pas connectée, ceci ne peut donc pas encore se charger. Si cela persiste, le message de la communauté en donne la raison.',
};
