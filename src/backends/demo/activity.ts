/**
 * Activity and metrics: `track` appends events; `metrics` and `pioneers` hand the demo data to the
 * published pure functions in src/metrics, so the demo shows the same figures every backend computes.
 */
import {
  computeMetrics,
  computePioneers,
  type EndorsementAct,
  type MetricsInput,
} from '../../metrics/index.js';
import {
  ACTIVITY_TYPES,
  type ActivityEvent,
  type CommunityMetrics,
  type Invite,
  type MetricsQuery,
  type PioneerRank,
} from '../../model.js';
import { BackendError } from '../../errors.js';
import type { DemoContext } from './context.js';
import type { InviteRecord } from './seed.js';
import { TRACK_OP } from './op-log.js';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_EVENTS_PER_CALL = 1000;

interface TrackPayload {
  events: ActivityEvent[];
}

export function createActivityModule(context: DemoContext, toInvite: (record: InviteRecord) => Invite) {
  const { store } = context;
  const appendEvents = store.defineOp<TrackPayload>(TRACK_OP, ({ events }) =>
    store.trackedEvents.push(...events),
  );
  let cached: { version: number; tracked: number; input: MetricsInput } | undefined;

  /**
   * The metrics input, rebuilt only when the state changed. People carry what metrics read: their skills
   * only give searched terms their display name ("power bi" → "Power BI").
   */
  function metricsInput(): MetricsInput {
    if (cached && cached.version === store.version && cached.tracked === store.trackedEvents.length)
      return cached.input;
    const { generated, tracked } = store.activityEvents();
    const people = [...store.people.values()].map((person) => ({
      id: person.id,
      name: person.name,
      email: person.email,
      department: person.department,
      managerId: person.managerId,
      isManagement: person.isManagement,
      isMember: person.isMember,
      joinedAt: person.joinedAt,
      invitedBy: person.invitedBy,
      skills: person.skills.map((skill) => ({ ...skill, endorsements: 0, endorsedByMe: false })),
      links: [],
    }));
    const kudos = store.kudos.map((item) => ({ ...item, reactions: [] }));
    const endorsements: EndorsementAct[] = [];
    for (const endorsement of store.allEndorsements()) {
      endorsements.push({
        from: endorsement.endorserId,
        to: endorsement.personId,
        skill: endorsement.skill,
        at: endorsement.at,
      });
    }
    const input: MetricsInput = {
      people,
      events: tracked.length === 0 ? generated : generated.concat(tracked),
      kudos,
      invites: store.invites.map(toInvite),
      endorsements,
    };
    cached = { version: store.version, tracked: store.trackedEvents.length, input };
    return input;
  }

  return {
    track(events: readonly ActivityEvent[]): void {
      if (events.length > MAX_EVENTS_PER_CALL) {
        throw new BackendError('invalid', `At most ${MAX_EVENTS_PER_CALL} events per call.`, {
          code: 'activity.too-many',
        });
      }
      const clean: ActivityEvent[] = events.map((event) => {
        if (
          !ACTIVITY_TYPES.includes(event.type) ||
          typeof event.actorId !== 'string' ||
          Number.isNaN(Date.parse(event.at))
        ) {
          throw new BackendError('invalid', 'An activity event needs a known type, an actor and a time.', {
            code: 'activity.event',
          });
        }
        // Keep only the fields the contract allows: nothing else personal is stored.
        return event.subject === undefined
          ? { type: event.type, actorId: event.actorId, at: event.at }
          : { type: event.type, actorId: event.actorId, at: event.at, subject: String(event.subject) };
      });
      if (clean.length > 0) appendEvents({ events: clean });
    },

    metrics(query: MetricsQuery): CommunityMetrics {
      if (!MONTH_PATTERN.test(query.month ?? '')) {
        throw new BackendError('invalid', `"${query.month}" is not a month (YYYY-MM).`, {
          code: 'metrics.month',
        });
      }
      return computeMetrics(metricsInput(), query.month);
    },

    pioneers(query: { limit?: number }): PioneerRank[] {
      return computePioneers(metricsInput(), { now: store.now().getTime(), limit: query.limit ?? 10 });
    },
  };
}
