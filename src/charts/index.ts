/** Small inline SVG charts drawn with lit, each with a title, a description and a data table. */
export {
  chartFigure,
  clip,
  type ChartLayout,
  type ChartTable,
  type ChartText,
  type Drawing,
} from './frame.js';
export { barChart, type BarRow } from './bar.js';
export { lineChart, type LineSeries } from './line.js';
export { pyramidChart, type PyramidLevel } from './pyramid.js';
export { heatmapChart, type HeatmapData } from './heatmap.js';
export { funnelChart, type FunnelStep } from './funnel.js';
export { chartStyles } from './chart-styles.js';
