import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText } from './frame.js';

export interface HeatmapData {
  /** Row and column names (the same list: departments). */
  names: readonly string[];
  /** counts[row][column]; null when withheld. */
  counts: readonly (readonly (number | null)[])[];
  /** How a cell is written ("12", "fewer than 5"). */
  display: (count: number | null) => string;
  /** Short mark drawn in a withheld cell, e.g. "<5". */
  withheldMark: string;
  corner: string;
}

const CELL = 26;
const ROW_LABELS = 92;
const COLUMN_LABELS = 70;

/** A square matrix; darker is more. Every cell also shows its number, so colour is never the only cue. */
export function heatmapChart(text: ChartText, data: HeatmapData): TemplateResult {
  const size = data.names.length;
  const max = Math.max(1, ...data.counts.flatMap((row) => row.map((count) => count ?? 0)));
  const width = ROW_LABELS + size * CELL + 4;
  const height = COLUMN_LABELS + size * CELL + 4;
  const drawing = svg`
    ${data.names.map((name, column) => {
      const x = ROW_LABELS + column * CELL + CELL / 2;
      return svg`<text class="chart-label" x=${x} y=${COLUMN_LABELS - 4}
        transform="rotate(-45 ${x} ${COLUMN_LABELS - 4})">${clip(name, 12)}</text>`;
    })}
    ${data.names.map((name, row) => {
      const y = COLUMN_LABELS + row * CELL;
      return svg`
        ${label(ROW_LABELS - 4, y + CELL / 2 + 4, clip(name, 14), 'end')}
        ${data.counts[row].map((count, column) => {
          const x = ROW_LABELS + column * CELL;
          const intensity = count === null ? 0 : count / max;
          return svg`
            <rect x=${x + 1} y=${y + 1} width=${CELL - 2} height=${CELL - 2}
              class=${count === null ? 'chart-withheld' : 'chart-cell'}
              fill-opacity=${count === null ? 1 : 0.12 + 0.88 * intensity}></rect>
            ${label(
              x + CELL / 2,
              y + CELL / 2 + 4,
              count === null ? data.withheldMark : String(count),
              'middle',
              intensity > 0.55 ? 'chart-label chart-label-on-mark' : 'chart-label',
            )}`;
        })}`;
    })}`;
  return chartFigure(text, { width, height }, drawing, {
    header: [data.corner, ...data.names],
    rows: data.names.map((name, row) => [name, ...data.counts[row].map((count) => data.display(count))]),
  });
}
