import type { CommunityMetrics } from '../../model.js';
import { FIGURE_KEYS } from '../pulse/metrics-format.js';

type Cell = string | number | boolean | null;

/**
 * Spreadsheets run cells that start with = + - @ as formulas; department names and skills are
 * user data, so such text is prefixed with an apostrophe.
 */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The month's metrics as CSV: one row per figure, funnel step, week, top entry and matrix cell. */
export function metricsToCsv(metrics: CommunityMetrics): string {
  const rows: Cell[][] = [['month', 'section', 'name', 'value', 'previous', 'change', 'suppressed']];
  const row = (
    section: string,
    name: string,
    value: Cell,
    previous: Cell = null,
    change: Cell = null,
    suppressed = false,
  ) => rows.push([metrics.month, section, name, value, previous, change, suppressed]);
  for (const key of FIGURE_KEYS) {
    const figure = metrics[key];
    row('figure', key, figure.value, figure.previous, figure.change, figure.suppressed === true);
  }
  row('invite-funnel', 'sent', metrics.inviteFunnel.sent);
  row('invite-funnel', 'accepted', metrics.inviteFunnel.accepted);
  row('invite-funnel', 'active-within-30-days', metrics.inviteFunnel.activeWithin30Days);
  for (const week of metrics.newMembersPerWeek) {
    row('new-members-week', week.weekStart, week.count);
    row('new-members-week-invited', week.weekStart, week.invited);
  }
  for (const point of metrics.memberHistory ?? []) {
    row('members-history', point.month, point.members);
    row('members-history-invited', point.month, point.invited);
  }
  for (const skill of metrics.topSkills) row('top-skill', skill.value, skill.count);
  for (const value of metrics.topValues) row('top-value', value.value, value.count);
  const { departments, counts } = metrics.departmentMatrix;
  departments.forEach((from, rowIndex) =>
    departments.forEach((to, columnIndex) => {
      const count = counts[rowIndex][columnIndex];
      row('kudos-departments', `${from} → ${to}`, count, null, null, count === null);
    }),
  );
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function metricsToJson(metrics: CommunityMetrics): string {
  return `${JSON.stringify(metrics, null, 2)}\n`;
}
