import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText, type Drawing } from './frame.js';
import { charsThatFit, textWidth } from './measure.js';
import type { BarRow } from './bar.js';

/** A funnel step is a bar's row: `null` when withheld, drawn as a full-width outline like a withheld bar. */
export type FunnelStep = BarRow;

const STEP_HEIGHT = 32;
const BAR_HEIGHT = 24;

/** Steps top to bottom, each bar centred and as wide as its count relative to the first step. */
export function funnelChart(
  text: ChartText,
  steps: readonly FunnelStep[],
  columns: readonly [string, string],
): TemplateResult {
  const first = Math.max(1, ...steps.map((step) => step.value ?? 0));
  const valueSpace = Math.max(...steps.map((step) => textWidth(step.display))) + 8;
  const layout = (width: number): Drawing => {
    const labelSpace = Math.round(Math.min(180, width * 0.36));
    const maxBar = width - labelSpace - valueSpace - 8;
    const centre = labelSpace + maxBar / 2;
    const labelChars = charsThatFit(labelSpace - 8);
    const content = svg`${steps.map((step, index) => {
      const y = index * STEP_HEIGHT;
      const bar = step.value === null ? maxBar : Math.max(2, (step.value / first) * maxBar);
      return svg`
        <rect x=${centre - bar / 2} y=${y + (STEP_HEIGHT - BAR_HEIGHT) / 2} width=${bar} height=${BAR_HEIGHT} rx="2"
          class=${step.value === null ? 'chart-withheld' : 'chart-mark'}></rect>
        ${label(0, y + 20, clip(step.label, labelChars))}
        ${label(width, y + 20, step.display, 'end')}`;
    })}`;
    return { width, height: steps.length * STEP_HEIGHT, content };
  };
  return chartFigure(text, layout, {
    header: columns,
    rows: steps.map((step) => [step.label, step.display]),
  });
}
