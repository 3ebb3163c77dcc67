import { css } from 'lit';

/**
 * Styles for the chart templates. Colours come from the element's tokens (`--_accent`, `--_text`,
 * `--_muted`), so light, dark and `--kring-*` themes apply; forced colours use system colours.
 */
export const chartStyles = css`
  .chart {
    margin: 0;
    display: grid;
    gap: 0.5em;
    align-content: start;
    /* Its width comes from the page, never from the drawing: the drawing is laid out for that width. */
    contain: inline-size;
    min-width: 0;
  }
  .chart-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .chart-scroll [part~='chart-graphic'] {
    max-width: none;
  }
  [part~='chart-title'] {
    font-weight: 600;
  }
  .chart-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .chart-legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  [part~='chart-description'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='chart-graphic'] {
    max-width: 100%;
    height: auto;
    overflow: visible;
  }
  .chart-label {
    fill: var(--_text);
    font-size: 12px;
    font-family: inherit;
  }
  .chart-label-small {
    font-size: 11px;
  }
  .chart-grid {
    stroke: var(--_border);
    stroke-dasharray: 2 3;
  }
  .chart-label-on-mark {
    fill: var(--_on-chart);
    font-weight: 600;
  }
  .chart-mark,
  .chart-cell {
    fill: var(--_chart);
  }
  .chart-mark-alt {
    fill: var(--_chart-alt);
  }
  .chart-line {
    fill: none;
    stroke: var(--_chart);
    stroke-width: 2;
  }
  .chart-line-alt {
    stroke: var(--_chart-alt);
    stroke-dasharray: 4 3;
  }
  .chart-axis {
    stroke: var(--_border);
  }
  .chart-reference {
    fill: none;
    stroke: var(--_text);
    stroke-dasharray: 3 3;
  }
  .chart-withheld {
    fill: none;
    stroke: var(--_muted);
    stroke-dasharray: 2 2;
  }
  /* Text drawn over a bar is only readable on the bar colour; in the pyramid it sits over both. */
  .chart-label-on-mark {
    paint-order: stroke;
    stroke: var(--_chart);
    stroke-width: 3px;
  }
  [part~='chart-table'] summary {
    cursor: pointer;
    color: var(--_accent);
    width: fit-content;
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  [part~='chart-data'] {
    border-collapse: collapse;
    font-size: 0.875em;
    margin-top: 0.35em;
  }
  [part~='chart-data'] th,
  [part~='chart-data'] td {
    border: 1px solid var(--_border);
    padding: 0.2em 0.5em;
    text-align: end;
  }
  [part~='chart-data'] th[scope='row'],
  [part~='chart-data'] thead th:first-child {
    text-align: start;
  }
  @media (forced-colors: active) {
    .chart-label,
    .chart-label-on-mark {
      fill: CanvasText;
      stroke: Canvas;
    }
    .chart-mark,
    .chart-cell,
    .chart-mark-alt {
      fill: Highlight;
      forced-color-adjust: none;
    }
    .chart-line {
      stroke: Highlight;
    }
    .chart-line-alt,
    .chart-axis,
    .chart-grid,
    .chart-reference,
    .chart-withheld {
      stroke: CanvasText;
    }
  }
`;
