import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { KringElement } from './kring-element.js';
import { ClientChangesController } from './client-changes.js';
import { renderProblems, renderTaskStates, taskAnnouncement, titleLevelOf } from './metrics-states.js';
import { HEADING_LEVELS } from '../pulse/heading.js';
import { lastFullMonth, monthTitle, t, validMonth } from '../pulse/metrics-format.js';
import { MetricsLoadEvent } from '../pulse/metrics-load-event.js';
import type { MessageParams } from '../../i18n/index.js';
import type { MetricsStringKey } from '../../i18n/metrics.js';
import type { CommunityMetrics, IsoMonth } from '../../model.js';

/**
 * Base of the elements that show one month's community figures (`<kring-pulse>`, `<kring-report>`):
 * the `month` and `heading-level` attributes, loading the figures (again when kudos or invitations
 * change them) and their loading, error, empty and unsupported states. Not registered itself.
 */
export abstract class KringMonthlyMetricsElement extends KringElement {
  /** Month to show as `YYYY-MM`; defaults to the last full month. */
  @property({ attribute: 'month' }) month?: string;

  /** Level of the element's title, `2` (default) to `6`; section titles go one deeper. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;

  /** The element's title, with `{month}` in it. */
  protected abstract readonly titleKey: MetricsStringKey;

  /** Figures move when someone gives kudos or accepts an invitation: reload them quietly. */
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['kudos', 'invites', 'metrics'],
    () => void this.metricsTask.run(),
  );

  protected readonly metricsTask = new Task(this, {
    task: async ([client, month], { signal }) => {
      if (!client || client.capabilities.metrics === false) return undefined;
      const metrics = await client.metrics({ month }, { signal });
      this.dispatchEvent(new MetricsLoadEvent(metrics));
      return metrics;
    },
    args: () => [this.client, this.shownMonth] as const,
  });

  /** The month shown: the attribute when valid, else the last full month. */
  get shownMonth(): IsoMonth {
    return validMonth(this.month) ?? lastFullMonth();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('month') || changed.has('headingLevel')) {
      this.clearProblems();
      this.checkAttribute('heading-level', this.headingLevel, HEADING_LEVELS, '2');
      if (this.month && !validMonth(this.month)) {
        this.reportProblem(t('en', 'metrics.badMonth', { tag: this.localName, value: this.month }));
      }
    }
  }

  protected get titleLevel(): number {
    return titleLevelOf(this.headingLevel);
  }

  protected text(key: MetricsStringKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  /** The title for a month, e.g. "Community pulse, May 2026". */
  protected titleFor(month: IsoMonth): string {
    return this.text(this.titleKey, { month: monthTitle(this.language, month) });
  }

  /** Attribute problems, the polite live region, then the figures or their loading/error state. */
  protected renderStates(data: (metrics: CommunityMetrics) => TemplateResult, skeletons = 1): TemplateResult {
    return html`${renderProblems(this.attributeProblems)}
      <p class="visually-hidden" role="status">${this.announcement()}</p>
      ${renderTaskStates({
        client: this.client,
        lang: this.language,
        task: this.metricsTask,
        data,
        skeletons,
        // A reload of the same month keeps showing the figures instead of flashing the skeleton.
        keepWhilePending: (shown) => shown.month === this.shownMonth,
      })}`;
  }

  /** The polite live region: what a screen reader hears when the state changes. */
  private announcement(): string {
    const metrics = this.metricsTask.value;
    return taskAnnouncement(this.language, this.metricsTask.status, metrics && this.titleFor(metrics.month));
  }
}
