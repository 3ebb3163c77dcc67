import { formatNumber, type Language } from '../../i18n/index.js';
import type { MetricsStringKey } from '../../i18n/metrics.js';
import type { CommunityMetrics } from '../../model.js';
import {
  FIGURE_KEYS,
  formatChangeNumber,
  isShare,
  notMeasured,
  percent,
  t,
} from '../shared/metrics-format.js';

/** Text we produced ourselves (numbers, percentages); never treated as a formula guard case. */
class Formatted {
  constructor(readonly text: string) {}
}

type Cell = string | Formatted | null;

/** Byte order mark: Excel on Windows reads the file as UTF-8 only when it starts with one. */
export const CSV_BOM = '\uFEFF';

/**
 * The separator Excel expects for a language: `;` where the decimal separator is a comma (Dutch,
 * German, French), `,` elsewhere (English).
 */
export function csvSeparator(lang: Language): ',' | ';' {
  const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal');
  return decimal?.value === ',' ? ';' : ',';
}

/**
 * Spreadsheets run cells that start with = + - @ as formulas; department names and skills are
 * user data, so such text is prefixed with an apostrophe.
 */
function csvCell(cell: Cell, separator: string): string {
  if (cell === null) return '';
  let text: string;
  if (cell instanceof Formatted) text = cell.text;
  else {
    text = cell;
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  }
  const quote = new RegExp(`["\\n\\r${separator}]`);
  return quote.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The month's metrics as CSV for people opening it in a spreadsheet in their language: a BOM,
 * the language's separator, translated headers and sections, counts without grouping, shares as
 * percentages, changes as the report shows them. One row per figure, funnel step, week, top entry
 * and matrix cell.
 */
export function metricsToCsv(metrics: CommunityMetrics, lang: Language = 'en'): string {
  const text = (key: MetricsStringKey) => t(lang, key);
  const count = (value: number) => new Formatted(formatNumber(lang, value, { useGrouping: false }));
  const rows: Cell[][] = [
    [
      text('col.month'),
      text('csv.section'),
      text('csv.item'),
      text('csv.value'),
      text('col.previousMonth'),
      text('col.change'),
      text('csv.note'),
    ],
  ];
  const row = (
    section: string,
    name: string,
    value: Cell,
    previous: Cell = null,
    change: Cell = null,
    note: Cell = null,
  ) => rows.push([metrics.month, section, name, value, previous, change, note]);
  const withheld = (value: number | null) => (value === null ? null : count(value));
  const withheldNote = (value: number | null) => (value === null ? text('metrics.withheld') : null);

  const figures = text('report.keyFigures');
  for (const key of FIGURE_KEYS) {
    const figure = metrics[key];
    const shown = (value: number | null) =>
      value === null ? null : isShare(key) ? new Formatted(percent(lang, value)) : count(value);
    const change = formatChangeNumber(lang, key, figure).replace('−', '-');
    const note = figure.suppressed
      ? text(figure.complementary ? 'metrics.withheld' : 'metrics.suppressed')
      : notMeasured(metrics, key)
        ? text('metrics.notMeasured')
        : figure.value === null
          ? text('metrics.noValue')
          : null;
    row(
      figures,
      text(`metric.${key}`),
      figure.suppressed ? null : shown(figure.value),
      figure.suppressed ? null : shown(figure.previous),
      figure.suppressed || !change ? null : new Formatted(change),
      note,
    );
  }
  const funnel = text('chart.funnel.title');
  row(
    funnel,
    text('funnel.sent'),
    withheld(metrics.inviteFunnel.sent),
    null,
    null,
    withheldNote(metrics.inviteFunnel.sent),
  );
  row(
    funnel,
    text('funnel.accepted'),
    withheld(metrics.inviteFunnel.accepted),
    null,
    null,
    withheldNote(metrics.inviteFunnel.accepted),
  );
  row(
    funnel,
    text('funnel.active'),
    withheld(metrics.inviteFunnel.activeWithin30Days),
    null,
    null,
    withheldNote(metrics.inviteFunnel.activeWithin30Days),
  );
  const weekly = text('chart.weekly.title');
  const weeklyInvited = text('csv.weeklyInvited');
  for (const week of metrics.newMembersPerWeek) {
    row(weekly, week.weekStart, withheld(week.count), null, null, withheldNote(week.count));
    row(weeklyInvited, week.weekStart, withheld(week.invited), null, null, withheldNote(week.invited));
  }
  const history = text('chart.members.title');
  const historyInvited = text('csv.membersInvited');
  for (const point of metrics.memberHistory ?? []) {
    row(history, point.month, withheld(point.members), null, null, withheldNote(point.members));
    row(historyInvited, point.month, withheld(point.invited), null, null, withheldNote(point.invited));
  }
  for (const skill of metrics.topSkills) row(text('chart.skills.title'), skill.value, count(skill.count));
  for (const value of metrics.topValues) row(text('chart.values.title'), value.value, count(value.count));
  const matrix = text('chart.matrix.title');
  const { departments, counts } = metrics.departmentMatrix;
  departments.forEach((from, rowIndex) =>
    departments.forEach((to, columnIndex) => {
      const cell = counts[rowIndex][columnIndex];
      row(matrix, `${from} → ${to}`, withheld(cell), null, null, withheldNote(cell));
    }),
  );
  const separator = csvSeparator(lang);
  return (
    CSV_BOM +
    rows.map((cells) => cells.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n') +
    '\r\n'
  );
}

export function metricsToJson(metrics: CommunityMetrics): string {
  return `${JSON.stringify(metrics, null, 2)}\n`;
}
