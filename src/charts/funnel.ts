import { svg, type TemplateResult } from 'lit';
import { chartFigure, clip, label, type ChartText } from './frame.js';

export interface FunnelStep {
  label: string;
  /** `null` when withheld: drawn as a full-width outline, like a withheld bar. */
  value: number | null;
  display: string;
}

const WIDTH = 320;
const STEP_HEIGHT = 30;
/** Bars are centred between the step names (left) and the counts (right). */
const CENTRE = 205;
const MAX_BAR = 130;

/** Steps top to bottom, each bar as wide as its count relative to the first step. */
export function funnelChart(
  text: ChartText,
  steps: readonly FunnelStep[],
  columns: readonly [string, string],
): TemplateResult {
  const first = Math.max(1, ...steps.map((step) => step.value ?? 0));
  const drawing = svg`${steps.map((step, index) => {
    const y = index * STEP_HEIGHT + 2;
    const width = step.value === null ? MAX_BAR : Math.max(2, (step.value / first) * MAX_BAR);
    return svg`
      <rect
        x=${CENTRE - width / 2}
        y=${y}
        width=${width}
        height=${STEP_HEIGHT - 6}
        class=${step.value === null ? 'chart-withheld' : 'chart-mark'}
      ></rect>
      ${label(4, y + 16, clip(step.label, 22))}
      ${label(316, y + 16, step.display, 'end')}`;
  })}`;
  return chartFigure(text, { width: WIDTH, height: steps.length * STEP_HEIGHT + 2 }, drawing, {
    header: columns,
    rows: steps.map((step) => [step.label, step.display]),
  });
}
