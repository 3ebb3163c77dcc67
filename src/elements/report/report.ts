import { html, nothing, type TemplateResult } from 'lit';
import { KringMonthlyMetricsElement } from '../shared/monthly-metrics-element.js';
import { renderEmptyMonth } from '../shared/metrics-states.js';
import { heading } from '../shared/metrics-heading.js';
import { formatNumber } from '../../i18n/index.js';
import type { MetricsStringKey } from '../../i18n/metrics.js';
import type { CommunityMetrics, FacetCount } from '../../model.js';
import {
  FIGURE_KEYS,
  notMeasured,
  formatChangeNumber,
  formatValue,
  formatCount,
  isEmptyMonth,
  monthName,
  monthTitle,
  percent,
  previousMonth,
} from '../shared/metrics-format.js';
import { notableChanges, reportSummary } from './summary.js';
import { metricsToCsv, metricsToJson } from './export.js';
import { adoptPageSheet, PRINTING_ATTRIBUTE, PRINTING_CLASS } from './print-sheet.js';
import { reportStyles } from './report.styles.js';
import { KringReportDownloadEvent } from '../../events/metrics.js';

export const REPORT_FORMATS = ['csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The monthly management report: a plain-language summary written from the figures (Dutch or
 * English), the key figures with last month and the change, what changed, and the main tables.
 * Prints as a clean A4 document and downloads as CSV or JSON. Its numbers are `<kring-pulse>`'s:
 * both come from the client's `metrics()` for the same month.
 *
 * @tagname kring-report
 * @summary Monthly community report for management: summary, tables, print and downloads.
 * @csspart header - Title and organisation.
 * @csspart toolbar - The download and print buttons (not printed).
 * @csspart download - A download button.
 * @csspart print - The print button.
 * @csspart section - One section of the report.
 * @csspart summary - The plain-language summary.
 * @csspart changes - The list of notable changes.
 * @csspart table - A data table.
 * @csspart footer - The privacy note at the end.
 * @csspart status - Loading and empty messages.
 * @csspart problem - Errors and configuration messages.
 * @csspart retry - The retry button.
 * @csspart note - The organisation name under the title.
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-text - Text colour.
 * @cssproperty --kring-color-text-muted - Secondary text.
 * @cssproperty --kring-color-border - Table borders.
 * @cssproperty --kring-color-accent - Buttons.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-space - Spacing.
 * @event {KringMetricsLoadEvent} kring-metrics-load - Figures were loaded; `detail.metrics` holds them.
 * @event {KringReportDownloadEvent} kring-report-download - A download is about to start; `detail` has `format`, `filename` and `blob`. Cancel it to save the file another way.
 */
export class KringReport extends KringMonthlyMetricsElement {
  static override styles = reportStyles;

  protected readonly titleKey = 'report.title';

  override connectedCallback(): void {
    super.connectedCallback();
    adoptPageSheet(this.ownerDocument);
  }

  /** Starts a download of the loaded figures; does nothing before they have loaded. */
  download(format: ReportFormat): void {
    const metrics = this.metricsTask.value;
    if (!metrics) return;
    const csv = format === 'csv';
    const blob = new Blob([csv ? metricsToCsv(metrics, this.language) : metricsToJson(metrics)], {
      type: csv ? 'text/csv;charset=utf-8' : 'application/json',
    });
    const filename = `kring-report-${metrics.month}.${format}`;
    const event = new KringReportDownloadEvent({ format, filename, blob });
    if (!this.dispatchEvent(event)) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  /** Prints only this report (the rest of the page is hidden while printing). */
  print(): void {
    const root = this.ownerDocument.documentElement;
    root.classList.add(PRINTING_CLASS);
    this.setAttribute(PRINTING_ATTRIBUTE, '');
    const done = () => {
      root.classList.remove(PRINTING_CLASS);
      this.removeAttribute(PRINTING_ATTRIBUTE);
    };
    window.addEventListener('afterprint', done, { once: true });
    window.print();
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    const organization = this.config?.organization?.name;
    return html`
      <div part="header">
        ${heading(this.titleLevel, this.titleFor(this.shownMonth), { className: 'title' })}
        ${organization ? html`<p part="note">${organization}</p>` : nothing}
      </div>
      ${this.renderStates((metrics) => this.renderReport(metrics))}
    `;
  }

  private renderReport(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    if (isEmptyMonth(metrics)) return renderEmptyMonth(lang, metrics.month);
    const changes = notableChanges(metrics, lang);
    return html`
      <div part="toolbar" role="group" aria-label=${this.text('report.downloads')}>
        <button part="download" type="button" data-format="csv" @click=${() => this.download('csv')}>
          ${this.text('report.csv')}
        </button>
        <button part="download" type="button" data-format="json" @click=${() => this.download('json')}>
          ${this.text('report.json')}
        </button>
        <button part="print" type="button" @click=${() => this.print()}>${this.text('report.print')}</button>
      </div>
      <section part="section">
        ${heading(this.titleLevel + 1, this.text('report.summary'), {
          id: 'report-summary',
          className: 'subtitle',
        })}
        <div part="summary">${reportSummary(metrics, lang).map((sentence) => html`<p>${sentence}</p>`)}</div>
      </section>
      <section part="section">
        ${heading(this.titleLevel + 1, this.text('report.keyFigures'), {
          id: 'report-figures',
          className: 'subtitle',
        })}
        ${this.renderFigures(metrics)}
      </section>
      <section part="section">
        ${heading(this.titleLevel + 1, this.text('report.changes'), {
          id: 'report-changes',
          className: 'subtitle',
        })}
        ${changes.length
          ? html`<ul part="changes">
              ${changes.map((line) => html`<li>${line}</li>`)}
            </ul>`
          : html`<p>
              ${this.text('report.noChanges', { month: monthName(lang, previousMonth(metrics.month)) })}
            </p>`}
      </section>
      <section part="section">
        ${heading(this.titleLevel + 1, this.text('report.tables'), {
          id: 'report-tables',
          className: 'visually-hidden',
        })}
        ${this.renderFunnel(metrics)} ${this.renderMatrix(metrics)}
        ${this.renderFacets(metrics.topSkills, 'chart.skills.title', 'col.skill', 'col.searches')}
        ${this.renderFacets(metrics.topValues, 'chart.values.title', 'col.value', 'col.kudos')}
      </section>
      <p part="footer">${this.text('metrics.suppressedNote')} ${this.text('report.footer')}</p>
    `;
  }

  private renderFigures(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    // Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it too.
    return this.scrolling(
      this.text('report.keyFiguresTable'),
      html`<table part="table" data-table="figures">
        <thead>
          <tr>
            <th scope="col">${this.text('col.metric')}</th>
            <th scope="col">${monthTitle(lang, metrics.month)}</th>
            <th scope="col">${monthTitle(lang, previousMonth(metrics.month))}</th>
            <th scope="col">${this.text('col.change')}</th>
          </tr>
        </thead>
        <tbody>
          ${FIGURE_KEYS.map((key) => {
            const figure = metrics[key];
            // Not measured by this backend (no activity on SharePoint/Graph): said, not shown as "not known".
            const unmeasured = notMeasured(metrics, key) ? this.text('metrics.notMeasuredShort') : null;
            return html`<tr data-metric=${key}>
              <th scope="row">${this.text(`metric.${key}`)}</th>
              <td>
                ${unmeasured ?? formatValue(lang, key, figure.value, figure.suppressed, figure.complementary)}
              </td>
              <td>${unmeasured ?? formatValue(lang, key, figure.previous)}</td>
              <td>${formatChangeNumber(lang, key, figure) || '–'}</td>
            </tr>`;
          })}
        </tbody>
      </table>`,
    );
  }

  private renderFunnel(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const { sent, accepted, activeWithin30Days } = metrics.inviteFunnel;
    const row = (key: MetricsStringKey, value: number | null, base: number | null) =>
      html`<tr>
        <th scope="row">${this.text(key)}</th>
        <td>${formatCount(lang, value)}</td>
        <td>${base && value !== null ? percent(lang, value / base) : '–'}</td>
      </tr>`;
    return this.scrolling(
      this.text('chart.funnel.title'),
      html`<table part="table" data-table="funnel">
        <caption>
          ${this.text('chart.funnel.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.text('col.step')}</th>
            <th scope="col">${this.text('col.count')}</th>
            <th scope="col">${this.text('col.share')}</th>
          </tr>
        </thead>
        <tbody>
          ${row('funnel.sent', sent, null)} ${row('funnel.accepted', accepted, sent)}
          ${row('funnel.active', activeWithin30Days, accepted)}
        </tbody>
      </table>`,
    );
  }

  private renderMatrix(metrics: CommunityMetrics): TemplateResult | typeof nothing {
    const { departments, counts } = metrics.departmentMatrix;
    if (!departments.length) return nothing;
    const lang = this.language;
    return this.scrolling(
      this.text('chart.matrix.title'),
      html`<table part="table" data-table="matrix">
        <caption>
          ${this.text('chart.matrix.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.text('col.from')}</th>
            ${departments.map((name) => html`<th scope="col">${name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${departments.map(
            (name, row) =>
              html`<tr>
                <th scope="row">${name}</th>
                ${counts[row].map((count) => html`<td>${formatCount(lang, count)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`,
    );
  }

  private renderFacets(
    items: FacetCount[],
    title: MetricsStringKey,
    nameColumn: MetricsStringKey,
    countColumn: MetricsStringKey,
  ) {
    if (!items.length) return nothing;
    return this.scrolling(
      this.text(title),
      html`<table part="table">
        <caption>
          ${this.text(title)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.text(nameColumn)}</th>
            <th scope="col">${this.text(countColumn)}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (item) =>
              html`<tr>
                <th scope="row">${item.value}</th>
                <td>${formatNumber(this.language, item.count)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    );
  }

  /** A table that may be wider than a narrow screen (1.4.10): it scrolls in a focusable, named region. */
  private scrolling(label: string, table: TemplateResult): TemplateResult {
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${label}>${table}</div>`;
  }
}
