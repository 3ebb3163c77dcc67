import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { AsyncDirective, directive, PartType, type ChildPart, type PartInfo } from 'lit/async-directive.js';

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

/** A drawing laid out for one width, in CSS pixels: drawn 1:1, so its 12 px labels stay 12 px. */
export interface Drawing {
  width: number;
  height: number;
  content: SVGTemplateResult;
}

/** Lays a chart out for the width it has (already kept between the chart's minimum and maximum). */
export type ChartLayout = (width: number) => Drawing;

/** The width the figure offers, before it is measured (and in a browser without ResizeObserver). */
const FIRST_WIDTH = 320;
/** Narrower than this, a drawing is laid out at this width and scaled down a little (labels ≥ 10 px at 200 px). */
export const MIN_DRAWING_WIDTH = 240;
/** Wider than this, a drawing stops growing: long bars and lines read worse than a compact chart. */
export const MAX_DRAWING_WIDTH = 560;

const fit = (available: number) => Math.max(MIN_DRAWING_WIDTH, Math.min(MAX_DRAWING_WIDTH, available));

/**
 * Draws the SVG for the width its figure has, and again when that width changes (a phone turned, a
 * dashboard column resized), instead of scaling one fixed drawing: labels keep their size at 390 px.
 */
class FitToWidth extends AsyncDirective {
  private observer?: ResizeObserver;
  private figure?: Element;
  private available = FIRST_WIDTH;
  private args?: [ChartLayout, string, string, string];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('fitToWidth belongs in a child position');
  }

  render(layout: ChartLayout, titleId: string, descriptionId: string, title: string): TemplateResult {
    const drawing = layout(fit(this.available));
    // A matrix of many departments may need more than a phone's width: it scrolls in its own
    // region at full size (2-D data, exempt from reflow) rather than shrinking its labels.
    const scrolls = drawing.width > this.available + 1 && drawing.width > fit(this.available);
    const image = html`<svg
      part="chart-graphic"
      viewBox="0 0 ${drawing.width} ${drawing.height}"
      width=${drawing.width}
      height=${drawing.height}
      role="img"
      aria-labelledby=${titleId}
      aria-describedby=${descriptionId}
      focusable="false"
    >
      ${drawing.content}
    </svg>`;
    return scrolls
      ? // A group, not a region: the page may have a landmark of the same name (the report's table).
        html`<div part="chart-scroll" class="chart-scroll" tabindex="0" role="group" aria-label=${title}>
          ${image}
        </div>`
      : image;
  }

  override update(part: ChildPart, args: [ChartLayout, string, string, string]): TemplateResult {
    this.args = args;
    this.figure = part.parentNode as Element;
    this.observe();
    return this.render(...args);
  }

  private observe(): void {
    if (this.observer || !this.figure || typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver(([entry]) => {
      const available = Math.floor(entry.contentRect.width);
      if (!available || fit(available) === fit(this.available)) return;
      this.available = available;
      // Next frame: redrawing inside the observer's callback would resize the figure it is watching.
      requestAnimationFrame(() => {
        if (this.args && this.isConnected) this.setValue(this.render(...this.args));
      });
    });
    this.observer.observe(this.figure);
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override reconnected(): void {
    this.observe();
  }
}

const fitToWidth = directive(FitToWidth);

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
  layout: ChartLayout,
  table: ChartTable,
  legend: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const titleId = `${text.id}-title`;
  const descriptionId = `${text.id}-desc`;
  return html`<figure part="chart" class="chart" id=${text.id} aria-labelledby=${titleId}>
    <figcaption part="chart-title" id=${titleId}>${text.title}</figcaption>
    <p part="chart-description" id=${descriptionId}>${text.description}</p>
    ${fitToWidth(layout, titleId, descriptionId, text.title)} ${legend}
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
