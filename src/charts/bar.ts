import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText, type Drawing } from './frame.js';
import { charsThatFit, textWidth } from './measure.js';

export interface BarRow {
  label: string;
  /** null when withheld; drawn as an empty, outlined bar. */
  value: number | null;
  /** The value as the reader should see it ("128", "fewer than 5"). */
  display: string;
}

const ROW_HEIGHT = 26;
const BAR_HEIGHT = 18;

/** Horizontal bars, one per row, longest scaled to the available width; names left, values at the bar ends. */
export function barChart(
  text: ChartText,
  rows: readonly BarRow[],
  columns: readonly [string, string],
): TemplateResult {
  const max = Math.max(1, ...rows.map((row) => row.value ?? 0));
  const valueSpace = Math.max(
    24,
    ...rows.filter((row) => row.value !== null).map((row) => textWidth(row.display) + 8),
  );
  const layout = (width: number): Drawing => {
    const labelWidth = Math.round(Math.min(170, width * 0.36));
    const barSpace = width - labelWidth - valueSpace;
    const labelChars = charsThatFit(labelWidth - 8);
    const content = svg`${rows.map((row, index) => {
      const y = index * ROW_HEIGHT;
      const length = row.value === null ? barSpace : Math.max(1, (row.value / max) * barSpace);
      return svg`
        ${label(labelWidth - 8, y + 17, clip(row.label, labelChars), 'end')}
        <rect x=${labelWidth} y=${y + (ROW_HEIGHT - BAR_HEIGHT) / 2} width=${length} height=${BAR_HEIGHT} rx="2"
          class=${row.value === null ? 'chart-withheld' : 'chart-mark'}></rect>
        ${label(labelWidth + (row.value === null ? 6 : length + 4), y + 17, row.display)}`;
    })}
      <line x1=${labelWidth} y1="0" x2=${labelWidth} y2=${rows.length * ROW_HEIGHT} class="chart-axis"></line>`;
    return { width, height: Math.max(ROW_HEIGHT, rows.length * ROW_HEIGHT), content };
  };
  return chartFigure(text, layout, {
    header: columns,
    rows: rows.map((row) => [row.label, row.display]),
  });
}
