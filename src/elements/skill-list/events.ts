/** An endorsement was confirmed (`endorsed` true) or withdrawn (false) by the backend. */
export class EndorseEvent extends Event {
  static readonly eventName = 'kring-endorse';
  constructor(
    readonly personId: string,
    readonly skill: string,
    readonly endorsed: boolean,
    readonly endorsements: number,
  ) {
    super(EndorseEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { personId: string; skill: string; endorsed: boolean; endorsements: number } {
    return {
      personId: this.personId,
      skill: this.skill,
      endorsed: this.endorsed,
      endorsements: this.endorsements,
    };
  }
}

declare global {
  interface HTMLElementEventMap {
    'kring-endorse': EndorseEvent;
  }
}
