import type { Person, PersonMatch } from '../../model.js';

/** A result was chosen (click, Enter). Cancel it to stop the link in `href-template` mode. */
export class PersonSelectEvent extends Event {
  static readonly eventName = 'kring-person-select';
  constructor(
    readonly person: Person,
    readonly match: PersonMatch,
  ) {
    super(PersonSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
  get detail(): { person: Person; match: PersonMatch } {
    return { person: this.person, match: this.match };
  }
}

/**
 * Nobody was found: the user asks to invite someone who knows the skill. An invite widget on the
 * page can listen for it (`detail.skill`).
 */
export class InviteRequestEvent extends Event {
  static readonly eventName = 'kring-invite-request';
  constructor(readonly skill: string) {
    super(InviteRequestEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { skill: string } {
    return { skill: this.skill };
  }
}

declare global {
  interface HTMLElementEventMap {
    'kring-person-select': PersonSelectEvent;
    'kring-invite-request': InviteRequestEvent;
  }
}
