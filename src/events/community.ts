import type { CommunityClientApi } from '../client/types.js';

export interface ReadyDetail {
  /** The client the community created; the elements inside it use the same one. */
  readonly client: CommunityClientApi;
}

/** `<kring-community>` connected its backend. */
export class KringReadyEvent extends Event {
  static readonly eventName = 'kring-ready';
  constructor(readonly detail: ReadyDetail) {
    super(KringReadyEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface ErrorDetail {
  /** What is wrong, naming the element and attribute (the same text as the console error). */
  readonly message: string;
  /** The attribute at fault, when one is (e.g. `backend`). */
  readonly attribute?: string;
}

/** `<kring-community>` could not create its backend (a bad attribute, a failing factory). */
export class KringErrorEvent extends Event {
  static readonly eventName = 'kring-error';
  constructor(readonly detail: ErrorDetail) {
    super(KringErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-ready': KringReadyEvent;
    'kring-error': KringErrorEvent;
  }
}
