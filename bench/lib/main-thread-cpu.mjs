// The page's main-thread CPU time over a window, from a Chromium trace: less sensitive to a loaded
// machine than wall time (a task that waits for a core is not counted while it waits).

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
];

/** Starts a trace of `page` (Chromium only; `categories` to record more); `stop()` resolves to the parsed trace events. */
export async function startTrace(browser, page, categories = CATEGORIES) {
  await browser.startTracing(page, { categories });
  return {
    stop: async () => JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents,
  };
}

/**
 * The complete (`X`) events of the thread that recorded the user-timing mark `startMark`, from that mark for
 * `windowMs` of wall time, with the thread and the window (trace µs); undefined without the mark.
 */
export function threadWindow(events, startMark, windowMs) {
  const mark = events.find((event) => event.name === startMark && event.cat.includes('blink.user_timing'));
  if (!mark) return undefined;
  const { pid, tid } = mark;
  const from = mark.ts;
  const to = from + windowMs * 1000;
  const onThread = events.filter(
    (event) =>
      event.pid === pid && event.tid === tid && event.ph === 'X' && event.ts >= from && event.ts <= to,
  );
  return { pid, tid, from, to, onThread };
}

/**
 * Main-thread CPU ms (trace thread time, `tdur`) of the renderer that recorded the user-timing mark
 * `startMark`, from that mark for `windowMs` of wall time: all top-level tasks, and of them the time
 * in style recalculation, layout and paint. Returns undefined when the trace has no thread times.
 */
export function mainThreadCpu(events, startMark, windowMs) {
  const window = threadWindow(events, startMark, windowMs);
  if (!window) return undefined;
  const { onThread } = window;
  const sum = (list) => list.reduce((total, event) => total + (event.tdur ?? 0), 0) / 1000;
  // Chromium records a task as `ThreadControllerImpl::RunTask`, often with a `RunTask` inside it (the same
  // work): only the outermost of nested task events counts, or much of the time is counted twice.
  const tasks = [];
  for (const event of onThread
    .filter((event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const outer = tasks.at(-1);
    if (!outer || event.ts >= outer.ts + outer.dur) tasks.push(event);
  }
  if (!tasks.some((event) => event.tdur !== undefined)) return undefined;
  const rendering = onThread.filter((event) =>
    ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer'].includes(event.name),
  );
  return { cpuMs: sum(tasks), renderingMs: sum(rendering) };
}
