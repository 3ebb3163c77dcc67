import type { Kudos, KudosInput } from '../model.js';
import type { BackendError } from '../errors.js';

export interface KudosSentDetail {
  readonly kudos: Kudos;
  readonly input: KudosInput;
}

/** `<kring-kudos-composer>` or `<kring-kudos-feed>`: the backend confirmed a kudos. */
export class KringKudosSentEvent extends Event {
  static readonly eventName = 'kring-kudos-sent';
  constructor(readonly detail: KudosSentDetail) {
    super(KringKudosSentEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface KudosFailedDetail {
  readonly input: KudosInput;
  readonly error: BackendError;
  /** The backend's rule code, e.g. `kudos.daily-limit`, when it gave one. */
  readonly code?: string;
  /** The outbox entry kept for retry, when the send failed for good after retries. */
  readonly outboxId?: string;
}

/** `<kring-kudos-composer>`: a kudos was refused (e.g. a fairness rule) or finally failed after retries. */
export class KringKudosFailedEvent extends Event {
  static readonly eventName = 'kring-kudos-failed';
  constructor(readonly detail: KudosFailedDetail) {
    super(KringKudosFailedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-kudos-sent': KringKudosSentEvent;
    'kring-kudos-failed': KringKudosFailedEvent;
  }
}
