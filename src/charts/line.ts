import { svg, type TemplateResult } from 'lit';
import { chartFigure, label, seriesLegend, type ChartTable, type ChartText } from './frame.js';

export interface LineSeries {
  name: string;
  values: readonly number[];
  /** Second and later series are drawn dashed. */
}

const WIDTH = 320;
const HEIGHT = 150;
const LEFT = 40;
const RIGHT = 10;
const TOP = 12;
const BOTTOM = 22;

/** One or two lines over the same x labels (months), with the first and last label on the axis. */
export function lineChart(
  text: ChartText,
  xLabels: readonly string[],
  series: readonly LineSeries[],
  table: ChartTable,
  formatValue: (value: number) => string,
): TemplateResult {
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = xLabels.length > 1 ? plotWidth / (xLabels.length - 1) : 0;
  const x = (index: number) => LEFT + index * step;
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const drawing = svg`
    <line x1=${LEFT} y1=${TOP + plotHeight} x2=${WIDTH - RIGHT} y2=${TOP + plotHeight} class="chart-axis"></line>
    <line x1=${LEFT} y1=${TOP} x2=${LEFT} y2=${TOP + plotHeight} class="chart-axis"></line>
    ${label(LEFT - 4, TOP + 4, formatValue(max), 'end')}
    ${label(LEFT - 4, TOP + plotHeight, formatValue(0), 'end')}
    ${xLabels.length ? label(LEFT, HEIGHT - 6, xLabels[0], 'start') : ''}
    ${xLabels.length > 1 ? label(WIDTH - RIGHT, HEIGHT - 6, xLabels[xLabels.length - 1], 'end') : ''}
    ${series.map(
      (line, seriesIndex) => svg`
        <polyline class=${seriesIndex === 0 ? 'chart-line' : 'chart-line chart-line-alt'}
          points=${line.values.map((value, index) => `${x(index)},${y(value)}`).join(' ')}></polyline>
        ${line.values.map(
          (value, index) =>
            svg`<circle cx=${x(index)} cy=${y(value)} r="2.5" class=${seriesIndex === 0 ? 'chart-mark' : 'chart-mark-alt'}></circle>`,
        )}`,
    )}`;
  const legend = seriesLegend(series.map((line) => line.name));
  return chartFigure(text, { width: WIDTH, height: HEIGHT }, drawing, table, legend);
}
