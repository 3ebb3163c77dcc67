import type { StringBundle } from './index.js';
import { hoverCardDe } from './de/hover-card.js';
import { hoverCardFr } from './fr/hover-card.js';

export type HoverCardStringKey = 'hover.card' | 'hover.giveKudos' | 'hover.close';

/**
 * The hover card's own strings (elements/shared/person-hover-card.ts): they load with its code, on the
 * first hover or focus of a name, every language at once, so the card never waits for them (issue 18).
 */
export const hoverCardStrings: StringBundle<HoverCardStringKey> = {
  en: {
    'hover.card': 'Card of {name}',
    'hover.giveKudos': 'Give kudos',
    'hover.close': 'Close the card',
  },
  nl: {
    'hover.card': 'Kaartje van {name}',
    'hover.giveKudos': 'Geef een compliment',
    'hover.close': 'Sluit het kaartje',
  },
  de: hoverCardDe,
  fr: hoverCardFr,
};
