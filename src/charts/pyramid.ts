import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText, type Drawing } from './frame.js';
import { charsThatFit } from './measure.js';

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

const LEVEL_HEIGHT = 36;
const BAR_HEIGHT = 28;

/**
 * Levels drawn top (smallest, creators) to bottom (readers), each a centred bar whose width is its
 * share; the dashed outline is the 90-9-1 rule of thumb for the same level.
 */
export function pyramidChart(
  text: ChartText,
  levelsTopDown: readonly PyramidLevel[],
  columns: readonly [string, string, string, string],
): TemplateResult {
  const layout = (width: number): Drawing => {
    const labelSpace = Math.round(Math.min(130, width * 0.3));
    const halfMax = (width - labelSpace - 4) / 2;
    const centre = labelSpace + 4 + halfMax;
    // Square root so that 1% is still visible beside 90%.
    const half = (share: number) => Math.max(1.5, Math.sqrt(share) * halfMax);
    const labelChars = charsThatFit(labelSpace - 6);
    const content = svg`${levelsTopDown.map((level, index) => {
      const y = index * LEVEL_HEIGHT + (LEVEL_HEIGHT - BAR_HEIGHT) / 2;
      const reference = half(level.reference);
      return svg`
        ${label(0, y + 19, clip(level.shortLabel, labelChars))}
        ${
          level.share === null
            ? svg`<rect x=${centre - halfMax} y=${y} width=${halfMax * 2} height=${BAR_HEIGHT} class="chart-withheld"></rect>`
            : svg`<rect x=${centre - half(level.share)} y=${y} width=${half(level.share) * 2} height=${BAR_HEIGHT} rx="2" class="chart-mark"></rect>`
        }
        <rect x=${centre - reference} y=${y} width=${reference * 2} height=${BAR_HEIGHT} class="chart-reference"></rect>
        ${label(centre, y + 19, level.display, 'middle', 'chart-label chart-label-on-mark')}`;
    })}`;
    return { width, height: levelsTopDown.length * LEVEL_HEIGHT, content };
  };
  return chartFigure(text, layout, {
    header: columns,
    rows: levelsTopDown.map((level) => [
      level.label,
      level.peopleDisplay,
      level.display,
      level.referenceDisplay,
    ]),
  });
}
