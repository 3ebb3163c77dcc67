import type { Person } from '../model.js';

export interface PersonLoadDetail {
  readonly person: Person;
}

/** `<kring-profile-card>` loaded its person. */
export class KringPersonLoadEvent extends Event {
  static readonly eventName = 'kring-person-load';
  constructor(readonly detail: PersonLoadDetail) {
    super(KringPersonLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-person-load': KringPersonLoadEvent;
  }
}
