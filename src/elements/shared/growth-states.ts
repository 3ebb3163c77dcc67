import { html, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { growthStrings } from '../../i18n/growth.js';
import { translate, type Language } from '../../i18n/index.js';

/*
 * The loading and load-error states the growth elements (invite, welcome, ambassador programme)
 * render the same way.
 */

/** Widths of the skeleton lines that stand in for the content while it loads. */
export type SkeletonLine = 'short' | 'medium' | 'long';

/** Skeleton lines with a hidden "loading" for screen readers. */
export function renderGrowthLoading(lang: Language, lines: readonly SkeletonLine[]): TemplateResult {
  return html`<div aria-busy="true">
    ${lines.map((line) => html`<span class="skeleton-line ${line}"></span>`)}
    <span class="visually-hidden">${translate(growthStrings, lang, 'loading')}</span>
  </div>`;
}

/** "This could not be loaded" with a retry button. */
export function renderGrowthLoadError(lang: Language, retry: () => void): TemplateResult {
  return html`<p part="error" role="alert">${translate(growthStrings, lang, 'error.load')}</p>
    <button part="retry" type="button" @click=${retry}>${translate(growthStrings, lang, 'retry')}</button>`;
}

export interface GrowthTaskOptions<T> {
  lang: Language;
  task: Task<readonly unknown[], T | undefined>;
  /** Skeleton lines while loading. */
  lines: readonly SkeletonLine[];
  /** Renders the loaded value. */
  data: (value: T) => unknown;
  /** While reloading, keep showing the last value instead of the skeleton (default true). */
  keepWhilePending?: boolean;
}

/** Loading, load error with retry, or data, depending on the task. */
export function renderGrowthTask<T>(options: GrowthTaskOptions<T>): unknown {
  const { lang, task, lines, data, keepWhilePending = true } = options;
  const loading = () => renderGrowthLoading(lang, lines);
  return task.render({
    initial: loading,
    pending: () => (keepWhilePending && task.value !== undefined ? data(task.value) : loading()),
    complete: (value) => (value !== undefined ? data(value) : loading()),
    // A refresh that failed (offline) keeps what was shown, so the form stays usable and writes can queue.
    error: () =>
      keepWhilePending && task.value !== undefined
        ? html`${data(task.value)}
            <p part="refresh-error" role="status">
              ${translate(growthStrings, lang, 'error.refresh')}
              <button part="refresh-retry" type="button" @click=${() => void task.run()}>
                ${translate(growthStrings, lang, 'retry')}
              </button>
            </p>`
        : renderGrowthLoadError(lang, () => void task.run()),
  });
}
