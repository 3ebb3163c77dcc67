import { html, nothing, type TemplateResult } from 'lit';
import { KringMonthlyMetricsElement } from '../shared/monthly-metrics-element.js';
import { renderEmptyMonth } from '../shared/metrics-states.js';
import { heading } from '../shared/metrics-heading.js';
import {
  barChart,
  funnelChart,
  heatmapChart,
  lineChart,
  pyramidChart,
  type ChartText,
} from '../../charts/index.js';
import { formatDate, formatNumber, type MessageParams } from '../../i18n/index.js';
import type { MetricsStringKey } from '../../i18n/metrics.js';
import { NINETY_NINE_ONE } from '../../metrics/participation.js';
import type { CommunityMetrics, FacetCount, NotMeasuredFigure } from '../../model.js';
import {
  HEADLINE_KEYS,
  type FigureKey,
  formatChange,
  formatValue,
  formatCount,
  isEmptyMonth,
  monthName,
  monthShort,
  monthTitle,
  notMeasured,
  percent,
  previousMonth,
  shownChange,
} from '../shared/metrics-format.js';
import { pulseStyles } from './pulse.styles.js';

/**
 * The community manager's dashboard for one month: headline figures with their change, the
 * participation pyramid beside 90-9-1 with the people behind it, members over time, management
 * participation against last month, the invitation funnel, kudos between departments, and the most
 * searched skills and given values. Every chart has a title, a description and its data as a table.
 * Figures a backend did not measure (`notMeasured`: no activity recorded on SharePoint or Graph) say
 * so in small type instead of showing zeros.
 *
 * @tagname kring-pulse
 * @summary Community metrics dashboard for one month.
 * @csspart header - The title bar.
 * @csspart headlines - The list of headline figures.
 * @csspart headline - One headline figure.
 * @csspart headline-label - A headline's name.
 * @csspart headline-value - A headline's value, or "fewer than 5".
 * @csspart headline-change - A headline's change against the previous month.
 * @csspart not-measured - The sentence saying which figures this backend did not measure (no activity recorded).
 * @csspart headline-not-measured - "Not measured on this backend", in small type where a headline's value would be.
 * @csspart section - One section (participation, growth, management, invitations…).
 * @csspart figures - A row of smaller figures in a section (visitors… creators; kudos given… returned).
 * @csspart figure - One of them.
 * @csspart figure-label - Its name.
 * @csspart figure-value - Its value.
 * @csspart figure-change - Its change against the previous month.
 * @csspart management-figure - The management team's share, large, with its change.
 * @csspart month-bars - The management share last month and this month, as two labelled bars.
 * @csspart chart - A chart figure.
 * @csspart chart-title - A chart's title.
 * @csspart chart-description - A chart's description.
 * @csspart chart-graphic - A chart's SVG drawing, laid out for the width it has (labels stay 12 px).
 * @csspart chart-scroll - The scroll box around a drawing wider than a phone (the department matrix), focusable.
 * @csspart chart-legend - Which line is which, under a chart with more than one line.
 * @csspart chart-table - The disclosure holding a chart's data table.
 * @csspart chart-table-scroll - The scroll box around a chart's data table (focusable, for keyboard scrolling).
 * @csspart chart-data - A chart's data table.
 * @csspart note - Explanatory sentences under a chart.
 * @csspart status - Loading and empty messages.
 * @csspart problem - Errors and configuration messages.
 * @csspart retry - The retry button.
 * @cssproperty --kring-color-surface - Background of cards.
 * @cssproperty --kring-color-text - Text colour.
 * @cssproperty --kring-color-text-muted - Secondary text.
 * @cssproperty --kring-color-border - Borders.
 * @cssproperty --kring-color-accent - Links and buttons.
 * @cssproperty --kring-color-chart - Bars, lines and cells (default: the accent colour).
 * @cssproperty --kring-color-chart-alt - A chart's second series.
 * @cssproperty --kring-color-on-chart - Text drawn on bars.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-space - Spacing.
 * @event {KringMetricsLoadEvent} kring-metrics-load - Figures were loaded; `detail.metrics` holds them.
 */
export class KringPulse extends KringMonthlyMetricsElement {
  static override styles = pulseStyles;

  protected readonly titleKey = 'pulse.title';

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    return html`
      <div part="header">
        ${heading(this.titleLevel, this.titleFor(this.shownMonth), { className: 'title' })}
      </div>
      ${this.renderStates((metrics) => this.renderMetrics(metrics), 2)}
    `;
  }

  private renderMetrics(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    if (isEmptyMonth(metrics)) return renderEmptyMonth(lang, metrics.month);
    // In reading order; wide, the participation and management cards stand beside growth, and
    // invitations and topics beside the department matrix, so no card is left mostly empty.
    return html`
      ${this.renderHeadlines(metrics)}
      ${metrics.notMeasured?.length
        ? html`<p part="not-measured" class="not-measured-note">${this.text('pulse.notMeasured')}</p>`
        : nothing}
      <p part="note">${this.text('metrics.suppressedNote')}</p>
      <div class="sections">
        ${this.section('participation', this.renderParticipation(metrics))}
        ${this.section('growth', html`${this.renderMembers(metrics)} ${this.renderWeekly(metrics)}`)}
        ${this.section('management', this.renderManagement(metrics))}
        ${this.section('invites', this.renderFunnel(metrics))}
        ${this.section('kudos', this.renderMatrix(metrics))}
        ${this.section('topics', this.renderTopics(metrics))}
      </div>
    `;
  }

  /** Said in small type where a chart or figure would be: not measured here, and why. */
  private renderNotMeasured(): TemplateResult {
    return html`<div class="not-measured">
      <p class="not-measured-title">${this.text('metrics.notMeasured')}</p>
      <p part="note">${this.text('pulse.notMeasuredVisits')}</p>
    </div>`;
  }

  private section(
    name: 'participation' | 'growth' | 'invites' | 'kudos' | 'management' | 'topics',
    body: unknown,
  ) {
    // Unnamed, so not a landmark: the headings structure the dashboard (a page had 14 landmarks).
    return html`<section part="section" class=${`section-${name}`}>
      ${heading(this.titleLevel + 1, this.text(`section.${name}`), {
        id: `section-${name}`,
        className: 'subtitle',
      })}
      ${body}
    </section>`;
  }

  private renderHeadlines(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const previous = previousMonth(metrics.month);
    return html`<ul part="headlines" aria-label=${this.text('pulse.headlines')}>
      ${HEADLINE_KEYS.map((key) => {
        const figure = metrics[key];
        if (notMeasured(metrics, key as NotMeasuredFigure)) {
          return html`<li part="headline" class="headline-not-measured" data-metric=${key}>
            <span part="headline-label">${this.text(`metric.${key}`)}</span>
            <span part="headline-not-measured">${this.text('metrics.notMeasured')}</span>
          </li>`;
        }
        return html`<li part="headline" data-metric=${key}>
          <span part="headline-label">${this.text(`metric.${key}`)}</span>
          <strong part="headline-value"
            >${formatValue(lang, key, figure.value, figure.suppressed, figure.complementary)}</strong
          >
          <span part="headline-change" class=${changeClass(shownChange(key, figure)?.amount ?? null)}
            >${formatChange(lang, key, figure, previous)}</span
          >
        </li>`;
      })}
    </ul>`;
  }

  private chartText(
    id: string,
    title: MetricsStringKey,
    description: MetricsStringKey,
    params?: MessageParams,
  ): ChartText {
    return {
      id,
      title: this.text(title),
      description: this.text(description, params),
      tableLabel: this.text('chart.showTable'),
    };
  }

  /** The pyramid, then the people behind it and how often they come, each with its change. */
  private renderParticipation(metrics: CommunityMetrics): TemplateResult {
    if (notMeasured(metrics, 'visitors')) return this.renderNotMeasured();
    const lang = this.language;
    const stickiness = metrics.stickiness;
    return html`${this.renderPyramid(metrics)}
    ${this.renderFigures(
      metrics,
      ['visitors', 'readers', 'contributors', 'creators'],
      this.text('pulse.participationFigures'),
    )}
    ${stickiness.value !== null && !stickiness.suppressed
      ? html`<p part="note">${this.text('pulse.stickiness', { share: percent(lang, stickiness.value) })}</p>`
      : nothing}`;
  }

  /** A row of smaller figures with their change, under a section's chart. */
  private renderFigures(
    metrics: CommunityMetrics,
    keys: readonly FigureKey[],
    label: string,
  ): TemplateResult {
    const lang = this.language;
    const previous = previousMonth(metrics.month);
    return html`<ul class="figures" part="figures" aria-label=${label}>
      ${keys.map((key) => {
        const figure = metrics[key];
        return html`<li part="figure" data-metric=${key}>
          <span part="figure-label">${this.text(`metric.${key}`)}</span>
          <strong part="figure-value"
            >${formatValue(lang, key, figure.value, figure.suppressed, figure.complementary)}</strong
          >
          <span part="figure-change">${formatChange(lang, key, figure, previous)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderPyramid(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const visitors = metrics.visitors.value;
    const level = (key: 'readers' | 'contributors' | 'creators') => {
      const figure = metrics[key];
      const share = visitors && figure.value !== null ? figure.value / visitors : null;
      return {
        label: this.text(`level.${key}`),
        shortLabel: this.text(`metric.${key}`),
        share,
        reference: NINETY_NINE_ONE[key],
        display: share === null ? this.text('metrics.suppressed') : percent(lang, share),
        referenceDisplay: percent(lang, NINETY_NINE_ONE[key]),
        peopleDisplay: formatValue(lang, key, figure.value, figure.suppressed, figure.complementary),
      };
    };
    return pyramidChart(
      this.chartText('chart-pyramid', 'chart.pyramid.title', 'chart.pyramid.desc', {
        visitors: formatValue(
          lang,
          'visitors',
          visitors,
          metrics.visitors.suppressed,
          metrics.visitors.complementary,
        ),
      }),
      [level('creators'), level('contributors'), level('readers')],
      [this.text('col.level'), this.text('col.people'), this.text('col.share'), this.text('col.rule')],
    );
  }

  private renderMembers(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const history = metrics.memberHistory ?? [];
    const invitedShare = metrics.invitedShare;
    return html`${history.length
        ? lineChart(
            this.chartText('chart-members', 'chart.members.title', 'chart.members.desc'),
            history.map((point) => monthShort(lang, point.month)),
            [
              { name: this.text('col.members'), values: history.map((point) => point.members) },
              { name: this.text('col.invited'), values: history.map((point) => point.invited) },
            ],
            {
              header: [this.text('col.month'), this.text('col.members'), this.text('col.invited')],
              rows: history.map((point) => [
                monthShort(lang, point.month),
                formatNumber(lang, point.members),
                formatNumber(lang, point.invited),
              ]),
            },
            (value) => formatNumber(lang, Math.round(value)),
          )
        : nothing}
      <p part="note">
        ${this.text('pulse.invitedShare', {
          share: formatValue(
            lang,
            'invitedShare',
            invitedShare.value,
            invitedShare.suppressed,
            invitedShare.complementary,
          ),
        })}
      </p>`;
  }

  private renderWeekly(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    return barChart(
      this.chartText('chart-weekly', 'chart.weekly.title', 'chart.weekly.desc', {
        month: monthTitle(lang, metrics.month),
      }),
      metrics.newMembersPerWeek.map((week) => ({
        label: formatDate(lang, `${week.weekStart}T00:00:00.000Z`, {
          day: 'numeric',
          month: 'short',
          timeZone: 'UTC',
        }),
        value: week.count,
        display: formatCount(lang, week.count),
      })),
      [this.text('col.week'), this.text('col.newMembers')],
    );
  }

  private renderFunnel(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const { sent, accepted, activeWithin30Days } = metrics.inviteFunnel;
    const activeMeasured = !notMeasured(metrics, 'activeWithin30Days');
    const step = (key: MetricsStringKey, value: number | null, base: number | null, measured = true) => ({
      label: this.text(key),
      value,
      display: !measured
        ? this.text('metrics.notMeasuredShort')
        : base && value !== null
          ? `${formatNumber(lang, value)} (${percent(lang, value / base)})`
          : formatCount(lang, value),
    });
    return funnelChart(
      this.chartText('chart-funnel', 'chart.funnel.title', 'chart.funnel.desc', {
        month: monthTitle(lang, metrics.month),
      }),
      [
        step('funnel.sent', sent, null),
        step('funnel.accepted', accepted, sent),
        step('funnel.active', activeWithin30Days, accepted, activeMeasured),
      ],
      [this.text('col.step'), this.text('col.count')],
    );
  }

  private renderMatrix(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const cross = metrics.crossDepartmentShare;
    const { departments, counts } = metrics.departmentMatrix;
    return html`<p part="note">
        ${this.text('pulse.crossShare', {
          share: formatValue(
            lang,
            'crossDepartmentShare',
            cross.value,
            cross.suppressed,
            cross.complementary,
          ),
        })}
      </p>
      ${departments.length
        ? heatmapChart(
            this.chartText('chart-matrix', 'chart.matrix.title', 'chart.matrix.desc', {
              month: monthTitle(lang, metrics.month),
            }),
            {
              names: departments,
              counts,
              display: (count) => formatCount(lang, count),
              withheldMark: '<5',
              corner: this.text('col.from'),
            },
          )
        : nothing}
      ${this.renderFigures(
        metrics,
        ['kudosGiven', 'kudosGivers', 'kudosReceivers', 'reciprocity'],
        this.text('pulse.kudosFigures'),
      )}`;
  }

  /**
   * Management taking part: the share large with its change, this month beside last month as two
   * bars, and why it is counted (the source's step 4: keep management visibly involved).
   */
  private renderManagement(metrics: CommunityMetrics): TemplateResult {
    const why = html`<p part="note">${this.text('pulse.managementWhy')}</p>`;
    if (notMeasured(metrics, 'managementParticipation')) return html`${this.renderNotMeasured()} ${why}`;
    const figure = metrics.managementParticipation;
    if (figure.suppressed || figure.value === null) {
      return html`<p part="note">${this.text('pulse.managementFew')}</p>
        ${why}`;
    }
    const lang = this.language;
    const previous = previousMonth(metrics.month);
    const months = [
      { month: previous, share: figure.previous },
      { month: metrics.month, share: figure.value },
    ].filter((entry): entry is { month: string; share: number } => entry.share !== null);
    return html`<p class="management-figure" part="management-figure">
        <strong>${percent(lang, figure.value)}</strong>
        <span>${this.text('pulse.managementShare')}</span>
        <span
          part="headline-change"
          class=${changeClass(shownChange('managementParticipation', figure)?.amount ?? null)}
          >${formatChange(lang, 'managementParticipation', figure, previous)}</span
        >
      </p>
      <ul class="month-bars" part="month-bars">
        ${months.map(
          (entry) =>
            html`<li>
              <span class="month-bar-label">${monthName(lang, entry.month)}</span>
              <!-- SVG attributes, not a style: the page's CSP may forbid inline styles. -->
              <svg
                class="month-bar"
                viewBox="0 0 100 8"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect class="month-bar-track" width="100" height="8" rx="2"></rect>
                <rect class="month-bar-fill" width=${Math.round(entry.share * 100)} height="8" rx="2"></rect>
              </svg>
              <span class="month-bar-value">${percent(lang, entry.share)}</span>
            </li>`,
        )}
      </ul>
      ${why}`;
  }

  private renderTopics(metrics: CommunityMetrics): TemplateResult {
    const lang = this.language;
    const month = monthTitle(lang, metrics.month);
    const facetChart = (id: string, items: FacetCount[], kind: 'skills' | 'values') =>
      items.length
        ? barChart(
            this.chartText(id, `chart.${kind}.title`, `chart.${kind}.desc`, { month }),
            items.map((item) => ({
              label: item.value,
              value: item.count,
              display: formatNumber(lang, item.count),
            })),
            kind === 'skills'
              ? [this.text('col.skill'), this.text('col.searches')]
              : [this.text('col.value'), this.text('col.kudos')],
          )
        : html`<div class="chart">
            <p part="chart-title">${this.text(`chart.${kind}.title`)}</p>
            ${kind === 'skills' && notMeasured(metrics, 'topSkills')
              ? this.renderNotMeasured()
              : html`<p part="note">${this.text('chart.nothing')}</p>`}
          </div>`;
    return html`<div class="pair">
      ${facetChart('chart-skills', metrics.topSkills, 'skills')}
      ${facetChart('chart-values', metrics.topValues, 'values')}
    </div>`;
  }
}

function changeClass(change: number | null): string {
  if (!change) return 'change-none';
  return change > 0 ? 'change-up' : 'change-down';
}
