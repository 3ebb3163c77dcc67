import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText } from './frame.js';

export interface BarRow {
  label: string;
  /** null when withheld; drawn as an empty, outlined bar. */
  value: number | null;
  /** The value as the reader should see it ("128", "fewer than 5"). */
  display: string;
}

const WIDTH = 320;
const LABEL_WIDTH = 110;
const ROW_HEIGHT = 22;
const VALUE_SPACE = 54;

/** Horizontal bars, one per row, longest scaled to the available width. */
export function barChart(
  text: ChartText,
  rows: readonly BarRow[],
  columns: readonly [string, string],
): TemplateResult {
  const max = Math.max(1, ...rows.map((row) => row.value ?? 0));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const height = Math.max(ROW_HEIGHT, rows.length * ROW_HEIGHT) + 4;
  const drawing = svg`${rows.map((row, index) => {
    const y = index * ROW_HEIGHT + 2;
    const length = row.value === null ? barSpace : Math.max(1, (row.value / max) * barSpace);
    return svg`
      ${label(LABEL_WIDTH - 6, y + 14, clip(row.label, 18), 'end')}
      <rect x=${LABEL_WIDTH} y=${y + 3} width=${length} height=${ROW_HEIGHT - 8} rx="2"
        class=${row.value === null ? 'chart-withheld' : 'chart-mark'}></rect>
      ${label(LABEL_WIDTH + (row.value === null ? 6 : length + 4), y + 14, row.display)}`;
  })}`;
  return chartFigure(text, { width: WIDTH, height }, drawing, {
    header: columns,
    rows: rows.map((row) => [row.label, row.display]),
  });
}
