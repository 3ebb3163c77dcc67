import type { Person, PersonMatch } from '../model.js';

// The card's own event has a file of its own: the script-tag core carries it, and only it (a class with a
// static name is kept wherever its module is bundled).
export { KringPersonLoadEvent, type PersonLoadDetail } from './person-load.js';

export interface PeopleChangeDetail {
  /** Chosen person ids, in the order they were added. */
  readonly ids: string[];
  readonly people: Person[];
}

/** `<kring-people-picker>`: the chosen people changed (added, removed, cleared). */
export class KringPeopleChangeEvent extends Event {
  static readonly eventName = 'kring-people-change';
  constructor(readonly detail: PeopleChangeDetail) {
    super(KringPeopleChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface PersonSelectDetail {
  readonly person: Person;
  /** Why this person matched (score, matched skills). */
  readonly match: PersonMatch;
}

/**
 * `<kring-expertise-finder>`: a result was chosen (click, Enter). Cancelable: `preventDefault()` stops
 * the link in `href-template` mode.
 */
export class KringPersonSelectEvent extends Event {
  static readonly eventName = 'kring-person-select';
  constructor(readonly detail: PersonSelectDetail) {
    super(KringPersonSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

export interface EndorseDetail {
  readonly personId: string;
  readonly skill: string;
  /** True when the endorsement was confirmed, false when it was withdrawn. */
  readonly endorsed: boolean;
  /** The skill's endorsement count after the change. */
  readonly endorsements: number;
}

/** `<kring-skill-list>`: the backend confirmed an endorsement or its withdrawal. */
export class KringEndorseEvent extends Event {
  static readonly eventName = 'kring-endorse';
  constructor(readonly detail: EndorseDetail) {
    super(KringEndorseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-people-change': KringPeopleChangeEvent;
    'kring-person-select': KringPersonSelectEvent;
    'kring-endorse': KringEndorseEvent;
  }
}
