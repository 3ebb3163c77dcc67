import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { Task, TaskStatus } from '@lit/task';
import { KringMetricsElement } from './metrics-element.js';
import { ClientChangesController } from './client-changes.js';
import {
  announceAfterFirstLoad,
  renderProblems,
  renderTaskStates,
  taskAnnouncement,
} from './metrics-states.js';
import { lastFullMonth, monthTitle, t, validMonth } from './metrics-format.js';
import { KringMetricsLoadEvent } from '../../events/metrics.js';
import type { MetricsStringKey } from '../../i18n/metrics.js';
import type { CommunityMetrics, IsoMonth } from '../../model.js';

/**
 * Base of the elements that show one month's community figures (`<kring-pulse>`, `<kring-report>`):
 * the `month` attribute, loading the figures (again when kudos or invitations
 * change them) and their loading, error, empty and unsupported states. Not registered itself.
 */
export abstract class KringMonthlyMetricsElement extends KringMetricsElement {
  /** Month to show as `YYYY-MM`; defaults to the last full month. */
  @property({ attribute: 'month' }) month?: string;

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
      this.dispatchEvent(new KringMetricsLoadEvent({ metrics }));
      return metrics;
    },
    args: () => [this.client, this.shownMonth] as const,
  });

  /** The month shown: the attribute when valid, else the last full month. */
  get shownMonth(): IsoMonth {
    return validMonth(this.month) ?? lastFullMonth();
  }

  protected readonly checkedAttributes = ['month'];

  protected checkOwnAttributes(): void {
    if (this.month && !validMonth(this.month)) {
      this.reportProblem(t('en', 'metrics.badMonth', { tag: this.localName, value: this.month }));
    }
  }

  /** The title for a month, e.g. "Community pulse, May 2026". */
  protected titleFor(month: IsoMonth): string {
    return this.text(this.titleKey, { month: monthTitle(this.language, month) });
  }

  /** Attribute problems, then the figures or their loading/error state. */
  protected renderStates(data: (metrics: CommunityMetrics) => TemplateResult, skeletons = 1): TemplateResult {
    return html`${renderProblems(this.attributeProblems)}
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

  /** Loading and the title, said through the page's announcement queue when another month loads. */
  protected readonly announcer = announceAfterFirstLoad(
    this,
    () => this.announcement(),
    () => this.language,
    () => this.metricsTask.status,
  );

  /** What a screen reader hears when the state changes. */
  private announcement(): string {
    const metrics = this.metricsTask.value;
    const done = metrics && this.titleFor(metrics.month);
    // A quiet reload of the month on screen (after a kudos elsewhere on the page) keeps the figures
    // shown, so it keeps the text too: nothing is announced again.
    if (this.metricsTask.status === TaskStatus.PENDING && done && metrics.month === this.shownMonth)
      return done;
    return taskAnnouncement(this.metricsTask.status, done);
  }
}
