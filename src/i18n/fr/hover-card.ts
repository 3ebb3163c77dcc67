import type { HoverCardStringKey } from '../hover-card.js';

export const hoverCardFr: Record<HoverCardStringKey, string> = {
  'hover.card': 'Carte de {name}',
  'hover.giveKudos': 'Envoyer des kudos',
  'hover.close': 'Fermer la carte',
};
