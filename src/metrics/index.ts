/**
 * The published community metrics (definitions in docs/metrics.md): one pure implementation that
 * every backend without server-side metrics uses, so the figures mean the same everywhere.
 */
import type { CommunityMetrics, FacetCount, IsoMonth, Person } from '../model.js';
import { scanActivity, type ActivityScan } from './activity-scan.js';
import { growthFigures } from './growth.js';
import { inviteFunnel, inviteWindows, monthInvites, type MonthInvites } from './invites.js';
import { kudosFigures, topByPeople } from './kudos.js';
import { participationFigures } from './participation.js';
import { PeopleIndex } from './people-index.js';
import { daysInMonth, monthIndexOf } from './time.js';
import type { MetricsInput } from './types.js';

export type { MetricsInput, EndorsementAct } from './types.js';
export { computePioneers, type PioneerOptions } from './pioneers.js';
export { MIN_PEOPLE, relativeChange } from './figure.js';
export { NINETY_NINE_ONE } from './participation.js';
export { ACTIVE_WITHIN_DAYS } from './invites.js';
export { ACTIVITY_LEVEL, type ActivityScan, type MonthActivity, type SearchTally } from './activity-scan.js';
export { monthInvites, type MonthInvites } from './invites.js';
export { PeopleIndex as MetricsPeopleIndex, grown } from './people-index.js';
export { lastFullMonth, monthIndexOf, monthOfIndex } from './time.js';

/** Every metric for `month` (`YYYY-MM`, UTC), each with the previous month and the change. */
export function computeMetrics(input: MetricsInput, month: IsoMonth): CommunityMetrics {
  const monthIndex = monthIndexOf(month);
  const index = new PeopleIndex(input.people);
  const invites = monthInvites(input.invites, monthIndex, index);
  const scan = scanActivity(input.events, index, monthIndex, inviteWindows(invites, index));
  return metricsFromScan({ people: input.people, kudos: input.kudos, index, invites, scan }, month);
}

/**
 * What `computeMetrics` derives from the events, handed in already summed: a backend that keeps
 * per-person, per-month roll-ups (Kring Server) builds `scan` from them instead of reading every event,
 * and gets the same figures from the same definitions.
 */
export interface ScannedMetricsInput {
  people: readonly Person[];
  kudos: MetricsInput['kudos'];
  /** Built over `people`; the scan's person numbers come from it. */
  index: PeopleIndex;
  /** `monthInvites(invites, month, index)`. */
  invites: MonthInvites;
  scan: ActivityScan;
}

export function metricsFromScan(input: ScannedMetricsInput, month: IsoMonth): CommunityMetrics {
  const monthIndex = monthIndexOf(month);
  const { index, invites, scan } = input;
  const participation = participationFigures(
    scan.current,
    scan.previous,
    daysInMonth(monthIndex),
    daysInMonth(monthIndex - 1),
    index,
  );
  const growth = growthFigures(input.people, monthIndex);
  const kudos = kudosFigures(input.kudos, monthIndex, index);
  return {
    month,
    members: growth.members,
    visitors: participation.visitors,
    readers: participation.readers,
    contributors: participation.contributors,
    creators: participation.creators,
    stickiness: participation.stickiness,
    invitedShare: growth.invitedShare,
    newMembersPerWeek: growth.newMembersPerWeek,
    inviteFunnel: inviteFunnel(invites, scan.activeInWindow, index),
    kudosGiven: kudos.kudosGiven,
    kudosGivers: kudos.kudosGivers,
    kudosReceivers: kudos.kudosReceivers,
    crossDepartmentShare: kudos.crossDepartmentShare,
    reciprocity: kudos.reciprocity,
    managementParticipation: participation.managementParticipation,
    topSkills: withSkillNames(topByPeople(scan.searches), input.people),
    topValues: kudos.topValues,
    departmentMatrix: kudos.departmentMatrix,
    memberHistory: growth.memberHistory,
  };
}

/**
 * Search terms are counted case-insensitively ("power bi", "Power BI"); charts show the skill's
 * name as colleagues list it on their profiles ("Power BI", "UX/UI"), the most common spelling when
 * several exist. Terms no profile lists stay as searched.
 */
function withSkillNames(top: FacetCount[], people: readonly Person[]): FacetCount[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const person of people)
    for (const skill of person.skills ?? []) {
      const name = skill.name.trim();
      const key = name.toLowerCase();
      if (!key) continue;
      let counts = spellings.get(key);
      if (!counts) spellings.set(key, (counts = new Map()));
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  return top.map((entry) => {
    const counts = spellings.get(entry.value);
    if (!counts) return entry;
    const [name] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    return { ...entry, value: name };
  });
}
