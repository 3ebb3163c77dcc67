import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** What every chart says about itself: a title, a description, and the label of its table toggle. */
export interface ChartText {
  /** Unique within the shadow root: used for aria ids. */
  id: string;
  title: string;
  description: string;
  /** Label of the control that shows the data table, e.g. "Show the data as a table". */
  tableLabel: string;
}

/** A data table: `header` is the column headings; each row's first cell is its row heading. */
export interface ChartTable {
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

/** Drawings are laid out in viewBox units and shown a little larger, never stretched to any width. */
const DRAWING_SCALE = 1.3;

/** Keeps SVG labels inside their space; the full text is always in the table. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function dataTable(text: ChartText, table: ChartTable): TemplateResult {
  return html`<div
    part="chart-table-scroll"
    class="table-scroll"
    tabindex="0"
    role="region"
    aria-label=${text.title}
  >
    <table part="chart-data">
      <caption class="visually-hidden">
        ${text.title}
      </caption>
      <thead>
        <tr>
          ${table.header.map((heading) => html`<th scope="col">${heading}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          ([heading, ...cells]) =>
            html`<tr>
              <th scope="row">${heading}</th>
              ${cells.map((cell) => html`<td>${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * The frame every chart shares: a figure with a visible title and description, the SVG drawing
 * (an image named by both), and the same data as a table behind a keyboard-operable disclosure.
 */
export function chartFigure(
  text: ChartText,
  size: { width: number; height: number },
  drawing: SVGTemplateResult,
  table: ChartTable,
  legend: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const titleId = `${text.id}-title`;
  const descriptionId = `${text.id}-desc`;
  return html`<figure part="chart" class="chart" id=${text.id} aria-labelledby=${titleId}>
    <figcaption part="chart-title" id=${titleId}>${text.title}</figcaption>
    <p part="chart-description" id=${descriptionId}>${text.description}</p>
    <svg
      part="chart-graphic"
      viewBox="0 0 ${size.width} ${size.height}"
      width=${Math.round(size.width * DRAWING_SCALE)}
      role="img"
      aria-labelledby=${titleId}
      aria-describedby=${descriptionId}
      focusable="false"
    >
      ${drawing}
    </svg>
    ${legend}
    <details part="chart-table">
      <!-- Several charts on a page: each toggle is named after its chart, not only "Show the data as a table". -->
      <summary>${text.tableLabel}<span class="visually-hidden">: ${text.title}</span></summary>
      ${dataTable(text, table)}
    </details>
  </figure>`;
}

/** A text node in the drawing (SVG text is hidden from the accessibility tree by the img role). */
export function label(
  x: number,
  y: number,
  content: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
  className = 'chart-label',
): SVGTemplateResult {
  return svg`<text x=${x} y=${y} text-anchor=${anchor} class=${className}>${content}</text>`;
}

/**
 * Which line is which, for a chart with more than one series (1.3.1): each name next to a sample of
 * its line (solid, dashed), so the difference is not colour alone. The table has the same names.
 */
export function seriesLegend(names: readonly string[]): TemplateResult | typeof nothing {
  if (names.length < 2) return nothing;
  return html`<ul part="chart-legend" class="chart-legend">
    ${names.map(
      (name, index) =>
        html`<li>
          <svg viewBox="0 0 24 8" width="24" height="8" aria-hidden="true" focusable="false">
            <line
              x1="0"
              y1="4"
              x2="24"
              y2="4"
              class=${index === 0 ? 'chart-line' : 'chart-line chart-line-alt'}
            ></line>
          </svg>
          ${name}
        </li>`,
    )}
  </ul>`;
}
