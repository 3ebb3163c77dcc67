import { svg, type TemplateResult } from 'lit';
import { chartFigure, label, seriesLegend, type ChartTable, type ChartText, type Drawing } from './frame.js';
import { textWidth } from './measure.js';

export interface LineSeries {
  name: string;
  values: readonly number[];
  /** Second and later series are drawn dashed. */
}

const HEIGHT = 170;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 24;

/** Indexes of the x labels that fit side by side: every n-th, always the first and the last. */
function shownLabels(xLabels: readonly string[], plotWidth: number): number[] {
  if (xLabels.length < 2) return xLabels.map((_, index) => index);
  const widest = Math.max(...xLabels.map((text) => textWidth(text))) + 10;
  const step = plotWidth / (xLabels.length - 1);
  // The first and last labels hang inwards from their points, the others are centred: 1.5 labels apart.
  const every = Math.max(1, Math.ceil((widest * 1.5) / step));
  const last = xLabels.length - 1;
  const shown = xLabels
    .map((_, index) => index)
    .filter((index) => index % every === 0 && last - index >= every);
  return [...shown, last];
}

/**
 * One or two lines over the same x labels (months): a value axis with gridlines at 0, half and the
 * maximum, and as many month labels as fit the width.
 */
export function lineChart(
  text: ChartText,
  xLabels: readonly string[],
  series: readonly LineSeries[],
  table: ChartTable,
  formatValue: (value: number) => string,
): TemplateResult {
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  const ticks = [0, max / 2, max];
  const left = Math.max(...ticks.map((tick) => textWidth(formatValue(tick)))) + 10;
  const layout = (width: number): Drawing => {
    const plotWidth = width - left - RIGHT;
    const plotHeight = HEIGHT - TOP - BOTTOM;
    const step = xLabels.length > 1 ? plotWidth / (xLabels.length - 1) : 0;
    const x = (index: number) => left + index * step;
    const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
    const shown = shownLabels(xLabels, plotWidth);
    const content = svg`
      ${ticks.map(
        (tick) => svg`
          <line x1=${left} y1=${y(tick)} x2=${width - RIGHT} y2=${y(tick)}
            class=${tick === 0 ? 'chart-axis' : 'chart-grid'}></line>
          ${label(left - 6, y(tick) + 4, formatValue(tick), 'end')}`,
      )}
      ${shown.map((index) => {
        const anchor =
          xLabels.length < 2
            ? 'start'
            : index === 0
              ? 'start'
              : index === xLabels.length - 1
                ? 'end'
                : 'middle';
        return svg`
          <line x1=${x(index)} y1=${TOP + plotHeight} x2=${x(index)} y2=${TOP + plotHeight + 4} class="chart-axis"></line>
          ${label(x(index), HEIGHT - 6, xLabels[index], anchor)}`;
      })}
      ${series.map(
        (line, seriesIndex) => svg`
          <polyline class=${seriesIndex === 0 ? 'chart-line' : 'chart-line chart-line-alt'}
            points=${line.values.map((value, index) => `${x(index)},${y(value)}`).join(' ')}></polyline>
          ${line.values.map(
            (value, index) =>
              svg`<circle cx=${x(index)} cy=${y(value)} r="3" class=${seriesIndex === 0 ? 'chart-mark' : 'chart-mark-alt'}></circle>`,
          )}`,
      )}`;
    return { width, height: HEIGHT, content };
  };
  const legend = seriesLegend(series.map((line) => line.name));
  return chartFigure(text, layout, table, legend);
}
