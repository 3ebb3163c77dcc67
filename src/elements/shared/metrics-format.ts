import { formatDate, formatNumber, translate, type Language, type MessageParams } from '../../i18n/index.js';
import { metricsStrings, type MetricsStringKey } from '../../i18n/metrics.js';
import { lastFullMonth, monthIndexOf, monthOfIndex } from '../../metrics/time.js';
import type { CommunityMetrics, IsoMonth, MetricFigure, NotMeasuredFigure } from '../../model.js';

/** Figures of CommunityMetrics that are MetricFigures, in the order reports list them. */
export const FIGURE_KEYS = [
  'members',
  'visitors',
  'readers',
  'contributors',
  'creators',
  'stickiness',
  'invitedShare',
  'kudosGiven',
  'kudosGivers',
  'kudosReceivers',
  'crossDepartmentShare',
  'reciprocity',
  'managementParticipation',
] as const satisfies readonly (keyof CommunityMetrics)[];
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The figures the pulse shows at the top. */
export const HEADLINE_KEYS: readonly FigureKey[] = [
  'members',
  'visitors',
  'stickiness',
  'kudosGiven',
  'crossDepartmentShare',
  'reciprocity',
  'invitedShare',
  'managementParticipation',
];

const SHARE_KEYS: ReadonlySet<FigureKey> = new Set([
  'stickiness',
  'invitedShare',
  'crossDepartmentShare',
  'reciprocity',
  'managementParticipation',
]);

export const isShare = (key: FigureKey) => SHARE_KEYS.has(key);

export function t(lang: Language, key: MetricsStringKey, params?: MessageParams): string {
  return translate(metricsStrings, lang, key, params);
}

export function percent(lang: Language, value: number): string {
  return formatNumber(lang, value, { style: 'percent', maximumFractionDigits: 0 });
}

/**
 * A figure's value as a reader sees it: a count, a percentage, "fewer than 5", or "not shown" for one
 * withheld so that a small figure cannot be worked out from it.
 */
/** Whether the backend did not measure this figure at all (see `CommunityMetrics.notMeasured`), as opposed to 0. */
export function notMeasured(metrics: CommunityMetrics, key: FigureKey | NotMeasuredFigure): boolean {
  return (metrics.notMeasured as readonly string[] | undefined)?.includes(key) ?? false;
}

export function formatValue(
  lang: Language,
  key: FigureKey,
  value: number | null,
  suppressed?: boolean,
  complementary?: boolean,
): string {
  if (suppressed) return t(lang, complementary ? 'metrics.withheld' : 'metrics.suppressed');
  if (value === null) return t(lang, 'metrics.noValue');
  return isShare(key) ? percent(lang, value) : formatNumber(lang, value);
}

/**
 * How a figure moved against last month, as a reader should see it: counts by their relative change
 * (+14%), shares by percentage points (41% after 38% is +3 points; "+8%" would mislead). The
 * relative change in `MetricFigure.change` stays what the CSV and JSON carry.
 */
export interface ShownChange {
  kind: 'relative' | 'points';
  /** Signed: 0.14 for +14%, or 3 for +3 points. Rounded to whole percent or points. */
  amount: number;
}

export function shownChange(key: FigureKey, figure: MetricFigure): ShownChange | null {
  if (isShare(key)) {
    if (figure.value === null || figure.previous === null) return null;
    // The difference of the two percentages as shown (23% and 26% read as −3 pt, never −2 pt).
    return { kind: 'points', amount: Math.round(figure.value * 100) - Math.round(figure.previous * 100) };
  }
  if (figure.change === null) return null;
  return { kind: 'relative', amount: Math.round(figure.change * 100) / 100 };
}

/** "+14%", "−3%", "+3 pt", "0%"; empty when there is nothing to compare. */
export function formatChangeNumber(lang: Language, key: FigureKey, figure: MetricFigure): string {
  const change = shownChange(key, figure);
  if (!change) return '';
  const sign = change.amount > 0 ? '+' : change.amount < 0 ? '−' : '';
  if (change.kind === 'points') {
    return `${sign}${t(lang, 'change.points', { points: formatNumber(lang, Math.abs(change.amount)) })}`;
  }
  return `${sign}${percent(lang, Math.abs(change.amount))}`;
}

/** "+14% on September" / "+3 pt t.o.v. september" / "same as September". */
export function formatChange(
  lang: Language,
  key: FigureKey,
  figure: MetricFigure,
  previousMonth: IsoMonth,
): string {
  const month = monthName(lang, previousMonth);
  const change = shownChange(key, figure);
  if (!change) return t(lang, 'change.none', { month });
  if (change.amount === 0) return t(lang, 'change.same', { month });
  const amount = formatChangeNumber(lang, key, figure).replace(/^[+−]/, '');
  return t(lang, change.amount > 0 ? 'change.up' : 'change.down', { change: amount, month });
}

const monthDate = (month: IsoMonth) => `${month}-01T00:00:00.000Z`;

/** "September" / "september". */
export function monthName(lang: Language, month: IsoMonth): string {
  return formatDate(lang, monthDate(month), { month: 'long', timeZone: 'UTC' });
}

/** "October 2026" / "oktober 2026". */
export function monthTitle(lang: Language, month: IsoMonth): string {
  return formatDate(lang, monthDate(month), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Oct 2026" for axis labels. */
export function monthShort(lang: Language, month: IsoMonth): string {
  return formatDate(lang, monthDate(month), { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function previousMonth(month: IsoMonth): IsoMonth {
  return monthOfIndex(monthIndexOf(month) - 1);
}

/** A valid `YYYY-MM`, or undefined. */
export function validMonth(value: string | null | undefined): IsoMonth | undefined {
  if (!value) return undefined;
  try {
    monthIndexOf(value.trim());
    return value.trim();
  } catch {
    return undefined;
  }
}

export { lastFullMonth };

/** A withheld count (funnel step, week, matrix cell) as a reader sees it. */
export function formatCount(lang: Language, value: number | null): string {
  return value === null ? t(lang, 'metrics.withheld') : formatNumber(lang, value);
}

/** True when nothing at all happened in the month: no members, activity, kudos or invitations. */
export function isEmptyMonth(metrics: CommunityMetrics): boolean {
  return (
    !metrics.members.value &&
    !metrics.members.suppressed &&
    !metrics.visitors.value &&
    !metrics.visitors.suppressed &&
    !metrics.kudosGiven.value &&
    !metrics.kudosGiven.suppressed &&
    metrics.inviteFunnel.sent === 0
  );
}
