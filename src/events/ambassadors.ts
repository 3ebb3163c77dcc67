import type { AmbassadorRole, BadgeAward } from '../model.js';

export interface RolesChangeDetail {
  readonly roles: AmbassadorRole[];
}

/** `<kring-ambassador-programme>`: the member saved their roles. */
export class KringAmbassadorRolesChangeEvent extends Event {
  static readonly eventName = 'kring-ambassador-roles-change';
  constructor(readonly detail: RolesChangeDetail) {
    super(KringAmbassadorRolesChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface BadgeChangeDetail {
  readonly award: BadgeAward;
  readonly action: 'award' | 'revoke';
}

/** `<kring-ambassador-programme>`: a community manager awarded or revoked a badge. */
export class KringBadgeChangeEvent extends Event {
  static readonly eventName = 'kring-badge-change';
  constructor(readonly detail: BadgeChangeDetail) {
    super(KringBadgeChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface BadgeDownloadDetail {
  readonly award: BadgeAward;
}

/** `<kring-ambassador-badge>`: a badge was downloaded as an Open Badges 3.0 file. */
export class KringBadgeDownloadEvent extends Event {
  static readonly eventName = 'kring-badge-download';
  constructor(readonly detail: BadgeDownloadDetail) {
    super(KringBadgeDownloadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-ambassador-roles-change': KringAmbassadorRolesChangeEvent;
    'kring-badge-change': KringBadgeChangeEvent;
    'kring-badge-download': KringBadgeDownloadEvent;
  }
}
