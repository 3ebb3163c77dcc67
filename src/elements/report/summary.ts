import type { Language } from '../../i18n/index.js';
import type { CommunityMetrics } from '../../model.js';
import {
  FIGURE_KEYS,
  formatChangeNumber,
  formatValue,
  formatCount,
  monthName,
  percent,
  previousMonth,
  shownChange,
  t,
  type FigureKey,
} from '../shared/metrics-format.js';

/** A figure changed enough to be named in "what changed": 10% or more either way. */
export const NOTABLE_CHANGE = 0.1;

/**
 * The report's plain-language summary, one sentence per topic, from the figures alone. Withheld
 * figures are never named; a topic whose figures are all withheld is left out.
 */
export function reportSummary(metrics: CommunityMetrics, lang: Language): string[] {
  const sentences: string[] = [kudosSentence(metrics, lang)];
  const value = (key: FigureKey) =>
    formatValue(lang, key, metrics[key].value, metrics[key].suppressed, metrics[key].complementary);

  // A sentence stops before a withheld figure: "not shown of them joined…" is not a sentence.
  if (metrics.members.value !== null) {
    sentences.push(
      metrics.invitedShare.value === null
        ? t(lang, 'summary.members.plain', { members: value('members') })
        : t(lang, 'summary.members', { members: value('members'), invited: value('invitedShare') }),
    );
  }
  if (metrics.visitors.value !== null) {
    sentences.push(
      metrics.creators.value === null || metrics.contributors.value === null
        ? t(lang, 'summary.participation.plain', { visitors: value('visitors') })
        : t(lang, 'summary.participation', {
            visitors: value('visitors'),
            creators: value('creators'),
            contributors: value('contributors'),
          }),
    );
  }
  const { sent, accepted, activeWithin30Days: active } = metrics.inviteFunnel;
  if (sent) {
    const counts = {
      sent: formatCount(lang, sent),
      accepted: formatCount(lang, accepted),
      active: formatCount(lang, active),
    };
    sentences.push(
      accepted === null
        ? t(lang, 'summary.invites.sent', counts)
        : active === null
          ? t(lang, 'summary.invites.accepted', counts)
          : t(lang, 'summary.invites', counts),
    );
  }
  if (metrics.managementParticipation.value !== null) {
    sentences.push(t(lang, 'summary.management', { share: value('managementParticipation') }));
  }
  return sentences;
}

/** "This month 128 colleagues gave each other kudos, 14% more than in September; 41% crossed department boundaries." */
function kudosSentence(metrics: CommunityMetrics, lang: Language): string {
  const givers = metrics.kudosGivers;
  if (givers.value === null) return `${t(lang, 'summary.kudos.few')}.`;
  const params = {
    givers: givers.value,
    change: givers.change === null ? '' : percent(lang, Math.abs(givers.change)),
    previous: monthName(lang, previousMonth(metrics.month)),
  };
  const key =
    givers.change === null
      ? 'summary.kudos.plain'
      : Math.round(givers.change * 100) === 0
        ? 'summary.kudos.same'
        : givers.change > 0
          ? 'summary.kudos.more'
          : 'summary.kudos.fewer';
  const cross = metrics.crossDepartmentShare.value;
  const crossClause = cross === null ? '' : t(lang, 'summary.kudos.cross', { share: percent(lang, cross) });
  return `${t(lang, key, params)}${crossClause}.`;
}

/** Shares that moved this many points or more are named in "what changed". */
export const NOTABLE_POINTS = 5;

/** Figures that moved 10% or more (shares: 5 points or more), largest first, as sentences. */
export function notableChanges(metrics: CommunityMetrics, lang: Language): string[] {
  const weight = (key: FigureKey) => {
    const change = shownChange(key, metrics[key]);
    if (!change) return 0;
    // Points and percent on one scale: 5 points weigh as much as 10%.
    return change.kind === 'points'
      ? Math.abs(change.amount) / NOTABLE_POINTS
      : Math.abs(change.amount) / NOTABLE_CHANGE;
  };
  return FIGURE_KEYS.filter((key) => weight(key) >= 1)
    .sort((a, b) => weight(b) - weight(a))
    .map((key) => {
      const figure = metrics[key];
      const change = shownChange(key, figure)!;
      return t(lang, change.amount > 0 ? 'report.changeLine.up' : 'report.changeLine.down', {
        metric: t(lang, `metric.${key}`),
        change: formatChangeNumber(lang, key, figure).replace(/^[+−]/, ''),
        previous: formatValue(lang, key, figure.previous),
        value: formatValue(lang, key, figure.value),
      });
    });
}
