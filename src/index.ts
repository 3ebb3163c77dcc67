/**
 * The script-tag entry: registers every element and exposes the public API (`window.Kring` in the IIFE).
 * Element entries append their `define.js` import below.
 */
export * from './model.js';
export * from './backends/backend.js';
export { BackendError, isBackendError, toBackendError } from './backends/errors.js';
export type * from './client/types.js';
export { clientContext, configContext, type KringConfig } from './context.js';
export { overrideStrings, LANGUAGES, type Language } from './i18n/index.js';
export { defineElement, KRING_VERSION } from './define.js';
export { configure, type KringOptions } from './configure.js';
export {
  registerBackend,
  BACKEND_NAMES,
  type BackendName,
  type BackendFactory,
} from './backends/registry.js';
export { createClient, CommunityClient } from './client/community-client.js';
export { createDemoBackend } from './backends/demo/index.js';

import './elements/community/define.js';
import './elements/profile-card/define.js';
import './elements/pulse/define.js';
import './elements/report/define.js';
import './elements/pioneers/define.js';
export { KringPulse, MetricsLoadEvent } from './elements/pulse/pulse.js';
export { KringReport, ReportDownloadEvent } from './elements/report/report.js';
export { KringPioneers } from './elements/pioneers/pioneers.js';
export { computeMetrics, computePioneers, type MetricsInput, type EndorsementAct } from './metrics/index.js';
export { SeenController } from './tracking/index.js';
import './elements/invite/define.js';
import './elements/welcome/define.js';
import './elements/ambassador-badge/define.js';
import './elements/ambassador-programme/define.js';
export { KringInvite, KringInviteSentEvent, KringInviteRevokedEvent } from './elements/invite/invite.js';
export { KringWelcome, KringInviteAcceptedEvent, KringInviteDeclinedEvent } from './elements/welcome/welcome.js';
export { KringAmbassadorBadge, KringBadgeDownloadEvent } from './elements/ambassador-badge/ambassador-badge.js';
export {
  KringAmbassadorProgramme,
  KringAmbassadorRolesChangeEvent,
  KringBadgeChangeEvent,
} from './elements/ambassador-programme/ambassador-programme.js';
export { validateInviteEmail, parseAllowedDomains, canonicalEmail } from './invites/email.js';
export { monthlyInviteQuota, DEFAULT_INVITE_QUOTA } from './invites/quota.js';
export { inviteTokenState } from './invites/token.js';
export {
  buildInviteTree,
  inviteTreeFigures,
  invitedShare,
  activationWithin30Days,
  type InviteTreeFigures,
} from './invites/tree.js';
export { AMBASSADOR_CRITERIA, type AmbassadorActivity } from './ambassadors/criteria.js';
export { computeRoleProgress } from './ambassadors/progress.js';
export { buildOpenBadgeCredential, type OpenBadgeCredential } from './ambassadors/open-badges.js';
