import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { TaskStatus, type Task } from '@lit/task';
import { HEADING_LEVELS } from './metrics-heading.js';
import { isBackendError } from '../../errors.js';
import type { CommunityClientApi } from '../../client/types.js';
import { AnnounceOnChange } from './announcer.js';
import type { Language } from '../../i18n/index.js';
import type { IsoMonth } from '../../model.js';
import { monthTitle, t } from './metrics-format.js';

/*
 * The states every metrics element (pulse, report, pioneers) renders the same way: attribute
 * problems, "not supported", loading, error with retry and an empty month.
 */

/** The title's level from the `heading-level` attribute; 2 when missing or invalid. */
export function titleLevelOf(headingLevel: string | undefined): number {
  return (HEADING_LEVELS as readonly string[]).includes(headingLevel ?? '') ? Number(headingLevel) : 2;
}

/** The attribute problems as alerts. */
export function renderProblems(problems: readonly string[]): TemplateResult[] {
  return problems.map((problem) => html`<p part="problem" role="alert">${problem}</p>`);
}

/** The skeleton shown while figures load. */
export function renderLoading(lang: Language, skeletons = 1): TemplateResult {
  return html`<div part="status" class="loading" aria-busy="true">
    <span aria-hidden="true">${t(lang, 'metrics.loading')}</span>
    ${Array.from({ length: skeletons }, () => html`<div class="skeleton"></div>`)}
  </div>`;
}

/** The error with the backend's reason and a retry button. */
export function renderError(lang: Language, error: unknown, retry: () => void): TemplateResult {
  const reason = isBackendError(error) ? error.message : '';
  return html`<div part="problem" role="alert">
    <p>${t(lang, 'metrics.error', { reason })}</p>
    <button part="retry" type="button" @click=${retry}>${t(lang, 'metrics.retry')}</button>
  </div>`;
}

/** The message for a month without figures. */
export function renderEmptyMonth(lang: Language, month: IsoMonth): TemplateResult {
  return html`<p part="status">${t(lang, 'metrics.empty', { month: monthTitle(lang, month) })}</p>`;
}

export interface TaskStatesOptions<T> {
  client: CommunityClientApi | undefined;
  lang: Language;
  task: Task<readonly unknown[], T | undefined>;
  /** Renders the loaded value. */
  data: (value: T) => TemplateResult;
  /** Skeleton lines while loading (default 1). */
  skeletons?: number;
  /** While reloading, keep showing this value instead of the skeleton when it returns true. */
  keepWhilePending?: (value: T) => boolean;
  /** Said instead of an error when the backend refuses the signed-in user (retrying would not help). */
  forbidden?: string;
}

/** "Not supported", loading, error or data, depending on the client and the task. */
export function renderTaskStates<T>(options: TaskStatesOptions<T>): unknown {
  const { client, lang, task, data, skeletons, keepWhilePending, forbidden } = options;
  if (client?.capabilities.metrics === false) {
    return html`<p part="status">${t(lang, 'metrics.unsupported')}</p>`;
  }
  const loading = () => renderLoading(lang, skeletons);
  if (!client) return loading();
  return task.render({
    initial: loading,
    pending: () => {
      const shown = task.value;
      return shown !== undefined && keepWhilePending?.(shown) ? data(shown) : loading();
    },
    complete: (value) => (value !== undefined ? data(value) : loading()),
    error: (error) =>
      forbidden !== undefined && isBackendError(error) && error.kind === 'forbidden'
        ? html`<p part="status" role="status">${forbidden}</p>`
        : renderError(lang, error, () => void task.run()),
  });
}

/**
 * What a metrics element says: `done` (its title) once loaded; nothing while loading (the outcome
 * follows) or after an error (shown as an alert).
 */
export function taskAnnouncement(status: TaskStatus, done: string | undefined): string {
  return status === TaskStatus.COMPLETE && done !== undefined ? done : '';
}

/**
 * Says `text` through the page's announcement queue when it changes, but nothing until the task's first
 * load ended (no load chatter as the page opens), and nothing for a reload nobody asked for: while the
 * task runs the last settled text stands, so a reload that ends where it began (the figures refreshed
 * after news elsewhere on the page) says nothing, and one that ends elsewhere (another month) says
 * its outcome once.
 */
export function announceAfterFirstLoad(
  host: ReactiveControllerHost & Element,
  text: () => string,
  lang: () => Language,
  status: () => TaskStatus,
): AnnounceOnChange {
  let firstLoadDone = false;
  let settled = '';
  const settledText = () => {
    const current = status();
    const next = current === TaskStatus.COMPLETE ? text() : '';
    if (next) settled = next;
    return settled;
  };
  // Added first, so a change is judged before this update can mark the first load as done.
  const announcer = new AnnounceOnChange(host, settledText, lang, () => !firstLoadDone);
  host.addController({
    hostUpdated() {
      const current = status();
      // A task that completed with nothing (no community connected yet) has not loaded anything.
      if ((current === TaskStatus.COMPLETE && settled) || current === TaskStatus.ERROR) firstLoadDone = true;
    },
  });
  return announcer;
}
