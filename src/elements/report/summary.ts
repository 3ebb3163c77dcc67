import type { Language } from '../../i18n/index.js';
import type { CommunityMetrics } from '../../model.js';
import {
  FIGURE_KEYS,
  formatChangeNumber,
  formatValue,
  monthName,
  percent,
  previousMonth,
  t,
  type FigureKey,
} from '../pulse/metrics-format.js';

/** A figure changed enough to be named in "what changed": 10% or more either way. */
export const NOTABLE_CHANGE = 0.1;

/**
 * The report's plain-language summary, one sentence per topic, from the figures alone. Withheld
 * figures are never named; a topic whose figures are all withheld is left out.
 */
export function reportSummary(metrics: CommunityMetrics, lang: Language): string[] {
  const sentences: string[] = [kudosSentence(metrics, lang)];
  const value = (key: FigureKey) => formatValue(lang, key, metrics[key].value, metrics[key].suppressed);

  if (metrics.members.value !== null) {
    sentences.push(t(lang, 'summary.members', { members: value('members'), invited: value('invitedShare') }));
  }
  if (metrics.visitors.value !== null) {
    sentences.push(
      t(lang, 'summary.participation', {
        visitors: value('visitors'),
        creators: value('creators'),
        contributors: value('contributors'),
      }),
    );
  }
  const funnel = metrics.inviteFunnel;
  if (funnel.sent > 0) {
    sentences.push(
      t(lang, 'summary.invites', {
        sent: funnel.sent,
        accepted: funnel.accepted,
        active: funnel.activeWithin30Days,
      }),
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

/** Figures whose change is 10% or more, largest first, as sentences. */
export function notableChanges(metrics: CommunityMetrics, lang: Language): string[] {
  return FIGURE_KEYS.filter((key) => {
    const change = metrics[key].change;
    return change !== null && Math.abs(change) >= NOTABLE_CHANGE;
  })
    .sort((a, b) => Math.abs(metrics[b].change!) - Math.abs(metrics[a].change!))
    .map((key) => {
      const figure = metrics[key];
      return t(lang, figure.change! > 0 ? 'report.changeLine.up' : 'report.changeLine.down', {
        metric: t(lang, `metric.${key}`),
        change: formatChangeNumber(lang, figure.change).replace(/^[+−]/, ''),
        previous: formatValue(lang, key, figure.previous),
        value: formatValue(lang, key, figure.value),
      });
    });
}
