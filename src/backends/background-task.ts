interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background'; signal?: AbortSignal }): Promise<unknown>;
}

/**
 * Runs `run` in a later task of background priority: after what the current task started (cards
 * rendering the names of an answer) and after the work the browser ranks higher (input, rendering),
 * but never waiting for a frame: a tab that paints nothing runs it too. Where the Prioritized Task
 * Scheduling API is missing, a timer of 0. Returns a function that cancels it.
 */
export function inBackground(run: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const controller = new AbortController();
    scheduler.postTask(run, { priority: 'background', signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}
