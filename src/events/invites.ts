import type { Invite, InviteTokenInfo } from '../model.js';

export interface InviteDetail {
  readonly invite: Invite;
}

/** `<kring-invite>`: the backend confirmed an invitation. */
export class KringInviteSentEvent extends Event {
  static readonly eventName = 'kring-invite-sent';
  constructor(readonly detail: InviteDetail) {
    super(KringInviteSentEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `<kring-invite>`: the member revoked one of their invitations. */
export class KringInviteRevokedEvent extends Event {
  static readonly eventName = 'kring-invite-revoked';
  constructor(readonly detail: InviteDetail) {
    super(KringInviteRevokedEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface InviteAnswerDetail {
  /** The backend's answer for the invitation token. */
  readonly info: InviteTokenInfo;
}

/** `<kring-welcome>`: the invitee joined. */
export class KringInviteAcceptedEvent extends Event {
  static readonly eventName = 'kring-invite-accepted';
  constructor(readonly detail: InviteAnswerDetail) {
    super(KringInviteAcceptedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `<kring-welcome>`: the invitee declined. */
export class KringInviteDeclinedEvent extends Event {
  static readonly eventName = 'kring-invite-declined';
  constructor(readonly detail: InviteAnswerDetail) {
    super(KringInviteDeclinedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A request to open the invite form. `<kring-expertise-finder>` fires it when nobody was found;
 * `<kring-invite>` listens for it on `document`, so a page may dispatch it too.
 */
export interface InviteRequestDetail {
  /** The skill the colleague was sought for; pre-fills the message. */
  readonly skill?: string;
  /** A directory person to pre-select. */
  readonly personId?: string;
}

/** Nobody was found: the user asks to invite someone who knows the skill. */
export class KringInviteRequestEvent extends Event {
  static readonly eventName = 'kring-invite-request';
  constructor(readonly detail: InviteRequestDetail) {
    super(KringInviteRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-invite-sent': KringInviteSentEvent;
    'kring-invite-revoked': KringInviteRevokedEvent;
    'kring-invite-accepted': KringInviteAcceptedEvent;
    'kring-invite-declined': KringInviteDeclinedEvent;
    'kring-invite-request': KringInviteRequestEvent;
  }
}
