import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText } from './frame.js';

export interface PyramidLevel {
  label: string;
  /** Drawn beside the level; the table shows `label`. */
  shortLabel: string;
  /** Share of all visitors, 0–1; null when withheld. */
  share: number | null;
  /** The share of the reference rule (0.9, 0.09, 0.01). */
  reference: number;
  display: string;
  referenceDisplay: string;
  peopleDisplay: string;
}

const WIDTH = 320;
const LEVEL_HEIGHT = 34;
const CENTRE = 200;
const HALF = 115;

/**
 * Levels drawn top (smallest, creators) to bottom (readers), each a centred bar whose width is its
 * share; the dashed outline is the 90-9-1 rule of thumb for the same level.
 */
export function pyramidChart(
  text: ChartText,
  levelsTopDown: readonly PyramidLevel[],
  columns: readonly [string, string, string, string],
): TemplateResult {
  // Square root so that 1% is still visible beside 90%.
  const half = (share: number) => Math.max(1.5, Math.sqrt(share) * HALF);
  const drawing = svg`${levelsTopDown.map((level, index) => {
    const y = index * LEVEL_HEIGHT + 4;
    const reference = half(level.reference);
    return svg`
      ${label(4, y + 19, clip(level.shortLabel, 14))}
      ${
        level.share === null
          ? svg`<rect x=${CENTRE - HALF} y=${y} width=${HALF * 2} height=${LEVEL_HEIGHT - 8} class="chart-withheld"></rect>`
          : svg`<rect x=${CENTRE - half(level.share)} y=${y} width=${half(level.share) * 2} height=${LEVEL_HEIGHT - 8} class="chart-mark"></rect>`
      }
      <rect x=${CENTRE - reference} y=${y} width=${reference * 2} height=${LEVEL_HEIGHT - 8} class="chart-reference"></rect>
      ${label(CENTRE, y + 18, level.display, 'middle', 'chart-label chart-label-on-mark')}`;
  })}`;
  return chartFigure(text, { width: WIDTH, height: levelsTopDown.length * LEVEL_HEIGHT + 4 }, drawing, {
    header: columns,
    rows: levelsTopDown.map((level) => [
      level.label,
      level.peopleDisplay,
      level.display,
      level.referenceDisplay,
    ]),
  });
}
