/**
 * The user signed out: dispatch it on `window` (the host page's sign-out does, or `Kring.signOut()`),
 * and every Kring client forgets that user's unsent writes and cached reads, in every tab.
 */
export class KringSignedOutEvent extends Event {
  static readonly eventName = 'kring-signed-out';
  constructor() {
    super(KringSignedOutEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-signed-out': KringSignedOutEvent;
  }
  interface WindowEventMap {
    'kring-signed-out': KringSignedOutEvent;
  }
}
