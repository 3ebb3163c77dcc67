/**
 * The ESM entry: the public API plus every element, registered. Element entries append their
 * `define.js` import below. (The script-tag bundle is `iife.ts`: it loads elements on first use.)
 */
export * from './api.js';
// Every adapter factory; each is also its own entry, `kring/backends/<name>`.
export { createDemoBackend, type DemoBackend, type DemoBackendOptions } from './backends/demo/index.js';
export {
  createRestBackend,
  restBackendFactory,
  type RestBackend,
  type RestBackendOptions,
} from './backends/rest/index.js';
export {
  createSharePointBackend,
  sharePointBackendFactory,
  provisionSharePointLists,
  type SharePointBackend,
  type SharePointBackendOptions,
} from './backends/sharepoint/index.js';
export {
  createGraphBackend,
  graphBackendFactory,
  type GraphBackend,
  type GraphBackendOptions,
} from './backends/graph/index.js';

import './elements/community/define.js';
import './elements/profile-card/define.js';
import './elements/pulse/define.js';
import './elements/report/define.js';
import './elements/pioneers/define.js';
export { KringPulse } from './elements/pulse/pulse.js';
export { KringReport } from './elements/report/report.js';
export { KringPioneers } from './elements/pioneers/pioneers.js';
export { computeMetrics, computePioneers, type MetricsInput, type EndorsementAct } from './metrics/index.js';
export { SeenController } from './tracking/index.js';
import './elements/invite/define.js';
import './elements/welcome/define.js';
import './elements/ambassador-badge/define.js';
import './elements/ambassador-programme/define.js';
export { KringInvite } from './elements/invite/invite.js';
export { KringWelcome } from './elements/welcome/welcome.js';
export { KringAmbassadorBadge } from './elements/ambassador-badge/ambassador-badge.js';
export { KringAmbassadorProgramme } from './elements/ambassador-programme/ambassador-programme.js';
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

import './elements/people-picker/define.js';
import './elements/kudos-composer/define.js';
import './elements/kudos-feed/define.js';
export { KringPeoplePicker } from './elements/people-picker/people-picker.js';
export { KringKudosComposer } from './elements/kudos-composer/kudos-composer.js';
export { KringKudosFeed } from './elements/kudos-feed/kudos-feed.js';
export { parseMessage, type MessagePart } from './kudos/message.js';
export {
  checkKudos,
  KUDOS_RULE_CODES,
  DEFAULT_DAILY_LIMIT,
  MAX_RECEIVERS,
  type KudosRuleCode,
  type KudosViolation,
} from './kudos/fairness.js';

import './elements/expertise-finder/define.js';
import './elements/skill-list/define.js';
export { KringExpertiseFinder, type FinderRequest } from './elements/expertise-finder/expertise-finder.js';
export { KringSkillList } from './elements/skill-list/skill-list.js';
export {
  PeopleIndex,
  buildPeopleIndex,
  type PeopleIndexOptions,
  type PeopleIndexStats,
} from './search/index.js';
export { foldText, normalizeTokens, skillKey } from './search/normalize.js';

// Earlier names of event classes (every event class is exported above, through `api.js`).
export {
  /** @deprecated Use `KringMetricsLoadEvent`. */
  KringMetricsLoadEvent as MetricsLoadEvent,
  /** @deprecated Use `KringReportDownloadEvent`. */
  KringReportDownloadEvent as ReportDownloadEvent,
  /** @deprecated Use `KringPersonSelectEvent`. */
  KringPersonSelectEvent as PersonSelectEvent,
  /** @deprecated Use `KringInviteRequestEvent`. */
  KringInviteRequestEvent as InviteRequestEvent,
  /** @deprecated Use `KringEndorseEvent`. */
  KringEndorseEvent as EndorseEvent,
} from './events/index.js';
