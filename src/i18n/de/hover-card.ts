import type { HoverCardStringKey } from '../hover-card.js';

export const hoverCardDe: Record<HoverCardStringKey, string> = {
  'hover.card': 'Karte von {name}',
  'hover.giveKudos': 'Kudos geben',
  'hover.close': 'Karte schließen',
};
