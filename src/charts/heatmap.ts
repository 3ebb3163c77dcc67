import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText, type Drawing } from './frame.js';
import { charsThatFit } from './measure.js';

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

const MIN_CELL = 20;
const MAX_CELL = 36;
/** Room above the cells for the column names, written at 45°. */
const COLUMN_LABELS = 84;

/** A square matrix; darker is more. Every cell also shows its number, so colour is never the only cue. */
export function heatmapChart(text: ChartText, data: HeatmapData): TemplateResult {
  const size = Math.max(1, data.names.length);
  const max = Math.max(1, ...data.counts.flatMap((row) => row.map((count) => count ?? 0)));
  const layout = (available: number): Drawing => {
    const rowLabels = Math.round(Math.min(130, available * 0.26));
    // The last column's name leans right, past the cells: keep room for it.
    const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((available - rowLabels - 40) / size)));
    const width = Math.max(available, rowLabels + size * cell + 40);
    const height = COLUMN_LABELS + size * cell + 2;
    const rowChars = charsThatFit(rowLabels - 6);
    const columnChars = charsThatFit((COLUMN_LABELS - 8) * Math.SQRT2);
    const small = cell < 26 ? ' chart-label-small' : '';
    const content = svg`
      ${data.names.map((name, column) => {
        const x = rowLabels + column * cell + cell / 2;
        return svg`<text class="chart-label" x=${x} y=${COLUMN_LABELS - 6}
          transform="rotate(-45 ${x} ${COLUMN_LABELS - 6})">${clip(name, columnChars)}</text>`;
      })}
      ${data.names.map((name, row) => {
        const y = COLUMN_LABELS + row * cell;
        return svg`
          ${label(rowLabels - 6, y + cell / 2 + 4, clip(name, rowChars), 'end')}
          ${data.counts[row].map((count, column) => {
            const x = rowLabels + column * cell;
            const intensity = count === null ? 0 : count / max;
            return svg`
              <rect x=${x + 1} y=${y + 1} width=${cell - 2} height=${cell - 2} rx="2"
                class=${count === null ? 'chart-withheld' : 'chart-cell'}
                fill-opacity=${count === null ? 1 : 0.12 + 0.88 * intensity}></rect>
              ${label(
                x + cell / 2,
                y + cell / 2 + 4,
                count === null ? data.withheldMark : String(count),
                'middle',
                (intensity > 0.55 ? 'chart-label chart-label-on-mark' : 'chart-label') + small,
              )}`;
          })}`;
      })}`;
    return { width, height, content };
  };
  return chartFigure(text, layout, {
    header: [data.corner, ...data.names],
    rows: data.names.map((name, row) => [name, ...data.counts[row].map((count) => data.display(count))]),
  });
}
