import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText, type Drawing } from './frame.js';
import { charsThatFit, textWidth } from './measure.js';

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
/** Column names are written at 45°: a name of width w rises and leans right by w·√½. */
const LEAN = Math.SQRT1_2;
/** Tallest room above the cells for the column names: names of up to 25 characters fit whole. */
const MAX_COLUMN_LABELS = 130;
/** Between a name and its cells, and around the drawing's edge (room for the glyphs' height at 45°). */
const GAP = 6;
const EDGE = 10;
/** Estimates are averages: a name of capitals or wide letters may draw a little wider. */
const SAFETY = 1.1;

/** How far a column's name reaches right of the last cell (it starts at its cell's centre). */
function overhang(nameWidths: readonly number[], cell: number): number {
  const size = nameWidths.length;
  return Math.max(
    EDGE,
    ...nameWidths.map((width, column) => width * LEAN + EDGE - (size - column - 0.5) * cell),
  );
}

/** A square matrix; darker is more. Every cell also shows its number, so colour is never the only cue. */
export function heatmapChart(text: ChartText, data: HeatmapData): TemplateResult {
  const size = Math.max(1, data.names.length);
  const max = Math.max(1, ...data.counts.flatMap((row) => row.map((count) => count ?? 0)));
  const longest = Math.max(0, ...data.names.map((name) => textWidth(name) * SAFETY));
  /** The column names shortened to `chars` (Infinity: whole), their drawn widths and the room they rise into. */
  const columnsAt = (chars: number) => {
    const names = data.names.map((name) => clip(name, chars));
    const widths = names.map((name) => textWidth(name) * SAFETY);
    const rise = Math.min(Math.max(0, ...widths) * LEAN, MAX_COLUMN_LABELS);
    return { names, widths, top: Math.ceil(rise) + GAP + EDGE };
  };
  // Vertical room is cheap: whole names up to 25 characters, longer ones shortened to fit the room.
  const tallest =
    longest * LEAN <= MAX_COLUMN_LABELS ? Infinity : charsThatFit(MAX_COLUMN_LABELS / LEAN / SAFETY);
  const layout = (available: number): Drawing => {
    // Row names take what they need, up to 40% of the width (a phone shortens the longest).
    const needed = Math.ceil(longest) + GAP + EDGE;
    const rowLabels = Math.min(needed, Math.round(Math.max(80, available * 0.4)));
    const rowChars = rowLabels >= needed ? Infinity : charsThatFit((rowLabels - GAP - EDGE) / SAFETY);
    const drawnWidth = (widths: readonly number[], cell: number) =>
      rowLabels + size * cell + overhang(widths, cell);
    // The largest cell with which the cells and the last names' lean fit the width; when even the
    // smallest cell does not fit, the column names are shortened (not below 8 characters) before the
    // drawing is left wider than its room (it then scrolls in its own box).
    let columns = columnsAt(tallest);
    for (let chars = Math.max(...columns.names.map((name) => name.length)) - 1; chars >= 8; chars--) {
      if (drawnWidth(columns.widths, MIN_CELL) <= available) break;
      columns = columnsAt(chars);
    }
    let cell = MAX_CELL;
    while (cell > MIN_CELL && drawnWidth(columns.widths, cell) > available) cell--;
    const width = Math.max(available, Math.ceil(drawnWidth(columns.widths, cell)));
    const { top } = columns;
    const columnNames = columns.names;
    const height = top + size * cell + 2;
    const small = cell < 26 ? ' chart-label-small' : '';
    const content = svg`
      ${columnNames.map((name, column) => {
        const x = rowLabels + column * cell + cell / 2;
        return svg`<text class="chart-label" x=${x} y=${top - GAP}
          transform="rotate(-45 ${x} ${top - GAP})">${name}</text>`;
      })}
      ${data.names.map((name, row) => {
        const y = top + row * cell;
        return svg`
          ${label(rowLabels - GAP, y + cell / 2 + 4, clip(name, rowChars), 'end')}
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
