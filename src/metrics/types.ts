import type { ActivityEvent, Invite, Kudos, Person } from '../model.js';

/** A public endorsement: `from` vouched for `to`'s skill. Used by the pioneers measure only. */
export interface EndorsementAct {
  from: string;
  to: string;
  skill?: string;
  at: string;
}

/** Everything the metrics are computed from. Backends that cannot compute server-side pass this. */
export interface MetricsInput {
  people: readonly Person[];
  events: readonly ActivityEvent[];
  kudos: readonly Kudos[];
  invites: readonly Invite[];
  /** Who endorsed whom, when the backend knows it (pioneers only; optional). */
  endorsements?: readonly EndorsementAct[];
}
