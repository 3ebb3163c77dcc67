/**
 * The published community metrics (definitions in docs/metrics.md): one pure implementation that
 * every backend without server-side metrics uses, so the figures mean the same everywhere.
 */
import type { CommunityMetrics, FacetCount, IsoMonth, Person } from '../model.js';
import { scanActivity } from './activity-scan.js';
import { growthFigures, growthTallies, type GrowthTallies } from './growth.js';
import { inviteFunnel, inviteTallies, inviteWindows, monthInvites, type InviteTallies } from './invites.js';
import {
  countedTallies,
  kudosColumns,
  kudosFigures,
  kudosTallies,
  topByPeople,
  type FacetTally,
  type KudosTallies,
} from './kudos.js';
import { monthParticipation, participationFigures, type MonthParticipation } from './participation.js';
import { PeopleIndex } from './people-index.js';
import { daysInMonth, monthIndexOf } from './time.js';
import type { MetricsInput } from './types.js';
import { SkillNames } from '../search/skill-dictionary.js';

export type { MetricsInput, EndorsementAct } from './types.js';
export { computePioneers, type PioneerOptions } from './pioneers.js';
export { MIN_PEOPLE, relativeChange } from './figure.js';
export { NINETY_NINE_ONE } from './participation.js';
export { ACTIVE_WITHIN_DAYS } from './invites.js';
export { ACTIVITY_LEVEL } from './activity-scan.js';
export { emptyGrowthTallies, HISTORY_MONTHS, type GrowthTallies, type JoinCount } from './growth.js';
export { type InviteTallies } from './invites.js';
export {
  kudosTallies,
  type FacetTally,
  type KudosColumns,
  type KudosMonthTallies,
  type KudosTallies,
} from './kudos.js';
export { PeopleIndex as MetricsPeopleIndex } from './people-index.js';
export { type MonthParticipation } from './participation.js';
export { daysInMonth, lastFullMonth, monthIndexOf, monthOfIndex, monthStartMs } from './time.js';

/**
 * Everything the published figures rest on, already counted: the one input of `metricsFromTallies`.
 * `computeMetrics` counts it from raw people, events, kudos and invitations (`talliesOf`); a backend
 * that keeps roll-ups (Kring Server) counts the same in its database, and gets the same figures from the
 * same definitions.
 */
export interface MetricsTallies {
  participation: { current: MonthParticipation; previous: MonthParticipation };
  growth: GrowthTallies;
  invites: InviteTallies;
  kudos: KudosTallies;
  /** The month's skill searches by term (trimmed, lower case), with their distinct searchers. */
  searches: FacetTally[];
  /** Skill names as profiles spell them, with how many people hold each: gives searched terms their name. */
  skillSpellings: readonly (readonly [string, number])[];
}

/** Every metric for `month` (`YYYY-MM`, UTC), each with the previous month and the change. */
export function computeMetrics(input: MetricsInput, month: IsoMonth): CommunityMetrics {
  return metricsFromTallies(talliesOf(input, month), month);
}

/** Counts what the figures of `month` rest on from the raw rows, in one pass over the events. */
export function talliesOf(input: MetricsInput, month: IsoMonth): MetricsTallies {
  const monthIndex = monthIndexOf(month);
  const index = new PeopleIndex(input.people);
  const invites = monthInvites(input.invites, monthIndex, index);
  const scan = scanActivity(input.events, index, monthIndex, inviteWindows(invites, index));
  return {
    participation: {
      current: monthParticipation(scan.current, index),
      previous: monthParticipation(scan.previous, index),
    },
    growth: growthTallies(input.people, monthIndex),
    invites: inviteTallies(invites, scan.activeInWindow, index),
    kudos: kudosTallies(kudosColumns(input.kudos, monthIndex, index), index),
    searches: countedTallies(scan.searches),
    skillSpellings: skillSpellings(input.people),
  };
}

export function metricsFromTallies(tallies: MetricsTallies, month: IsoMonth): CommunityMetrics {
  const monthIndex = monthIndexOf(month);
  const participation = participationFigures(
    tallies.participation.current,
    tallies.participation.previous,
    daysInMonth(monthIndex),
    daysInMonth(monthIndex - 1),
  );
  const growth = growthFigures(tallies.growth, monthIndex);
  const kudos = kudosFigures(tallies.kudos);
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
    inviteFunnel: inviteFunnel(tallies.invites),
    kudosGiven: kudos.kudosGiven,
    kudosGivers: kudos.kudosGivers,
    kudosReceivers: kudos.kudosReceivers,
    crossDepartmentShare: kudos.crossDepartmentShare,
    reciprocity: kudos.reciprocity,
    managementParticipation: participation.managementParticipation,
    topSkills: withSkillNames(topByPeople(tallies.searches), tallies.skillSpellings),
    topValues: kudos.topValues,
    departmentMatrix: kudos.departmentMatrix,
    memberHistory: growth.memberHistory,
  };
}

/** Each skill name as profiles spell it (trimmed), with how many people list it. */
function skillSpellings(people: readonly Person[]): [string, number][] {
  const holders = new Map<string, number>();
  for (const person of people)
    for (const spelling of new Set((person.skills ?? []).map((skill) => skill.name.trim())))
      if (spelling) holders.set(spelling, (holders.get(spelling) ?? 0) + 1);
  return [...holders];
}

/**
 * Search terms are counted case-insensitively ("power bi", "Power BI"); charts show the skill's name as
 * the expertise finder knows it (src/search's skill dictionary: accents, case and punctuation folded, so
 * "powerbi" and "Power-BI" are "Power BI" too), the spelling most holders use. Terms no profile lists
 * stay as searched. Spellings are learnt in name order, so a tie goes the same way on every backend.
 */
function withSkillNames(
  top: FacetCount[],
  spellingHolders: readonly (readonly [string, number])[],
): FacetCount[] {
  if (top.length === 0) return top;
  const names = new SkillNames();
  for (const [spelling, holders] of [...spellingHolders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    names.learnSpelling(spelling, holders);
  return top.map((entry) => {
    const name = names.skillName(entry.value);
    return name ? { ...entry, value: name } : entry;
  });
}
