import { secureToken } from '../secure-token.js';
import { computeMetrics, computePioneers, type MetricsInput } from '../../metrics/index.js';
import type { ActivityEvent, CommunityMetrics, NotMeasuredFigure, Person } from '../../model.js';
import type { Backend } from '../backend.js';
import type { ListContext } from './context.js';
import type { EndorsementLists } from './endorsements.js';
import { inviteFromItem } from './invites.js';
import { kudosFromItem } from './kudos.js';

export type ActivityLists = Pick<Backend, 'track' | 'metrics' | 'pioneers'>;

/** Activity batches (`Kring Activity`) and the metrics computed here from every list. */
export function createActivityLists<Item>(
  ctx: ListContext<Item>,
  endorsements: EndorsementLists,
): ActivityLists {
  const { lists, titles, meId, getPeople, text } = ctx;

  /** Everything the published metrics are computed from; lists have no server side to do it. */
  async function metricsInput(signal?: AbortSignal): Promise<MetricsInput> {
    const [memberList, activityItems, kudosItems, inviteItems, endorsementList, myId] = await Promise.all([
      ctx.memberRecords(signal),
      lists.all(titles.activity, { select: ['Id', 'KringEvents'] }, signal),
      lists.all(titles.kudos, {}, signal),
      lists.all(titles.invites, {}, signal),
      endorsements.records(signal),
      meId(signal),
    ]);
    const kudos = kudosItems.map((item) => kudosFromItem(ctx, item, myId));
    const ids = new Set<string>(memberList.map((member) => member.id));
    for (const given of kudos) [given.from, ...given.to].forEach((id) => ids.add(id));
    const profiles = await getPeople(
      [...ids].filter(Boolean),
      ctx.metricsPeopleDetails ? { signal, details: true } : { signal },
    );
    const memberById = new Map(memberList.map((member) => [member.id, member]));
    const people = profiles
      .filter((person): person is Person => person !== null)
      .map((person) => {
        const member = memberById.get(person.id);
        return member
          ? { ...person, isMember: true, joinedAt: member.joinedAt, invitedBy: member.invitedBy }
          : person;
      });
    return {
      people,
      // Each batch is its author's: an actor written into the JSON by the browser is not believed.
      events: activityItems.flatMap((item) => {
        const actorId = ctx.authorOf(item);
        return actorId
          ? ctx
              .parseJson<ActivityEvent[]>(text(item, 'KringEvents'), [])
              .map((event) => ({ ...event, actorId }))
          : [];
      }),
      kudos,
      invites: inviteItems.map((item) => inviteFromItem(ctx, item)),
      endorsements: endorsementList.map((record) => ({
        from: record.endorser,
        to: record.person,
        skill: record.skill,
        at: record.at,
      })),
    };
  }

  return {
    async track(events, call) {
      if (events.length === 0) return;
      // One item per batch of events: a page view costs one request, not one per event.
      await lists.create(
        titles.activity,
        { Title: `${events.length} events`, KringEvents: JSON.stringify(events) },
        secureToken(),
        call?.signal,
        true,
      );
    },

    async metrics(query, call) {
      const input = await metricsInput(call?.signal);
      const metrics = computeMetrics(input, query.month);
      return input.events.length ? metrics : withoutActivity(metrics);
    },

    async pioneers(query, call) {
      return computePioneers(await metricsInput(call?.signal), { limit: query.limit, now: ctx.now() });
    },
  };
}

const FROM_ACTIVITY = [
  'visitors',
  'readers',
  'contributors',
  'creators',
  'stickiness',
  'managementParticipation',
] as const satisfies readonly NotMeasuredFigure[];

/**
 * An empty activity list means visits were never recorded (tracking not on the pages yet), not that
 * nobody came: the figures that rest on activity are unknown rather than zero.
 */
function withoutActivity(metrics: CommunityMetrics): CommunityMetrics {
  const unknown = { value: null, previous: null, change: null };
  const figures = Object.fromEntries(FROM_ACTIVITY.map((key) => [key, unknown]));
  return {
    ...metrics,
    ...figures,
    inviteFunnel: { ...metrics.inviteFunnel, activeWithin30Days: null },
    topSkills: [],
    notMeasured: [...FROM_ACTIVITY, 'activeWithin30Days', 'topSkills'],
  };
}
