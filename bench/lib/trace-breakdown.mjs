// Where a window of main-thread CPU goes, from a Chromium trace that also recorded V8's sampling profiler:
// trace events by self thread time (style recalculation, layout, paint, parsing, GC, …) and JavaScript
// functions by self time from the profiler's samples. Used by `WARM_PROFILE=1 npm run bench warm-card`.
import { threadWindow } from './main-thread-cpu.mjs';

/** Trace categories for `startTrace`: the timeline plus V8's CPU profile and GC. */
export const PROFILE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'blink',
];

/**
 * Self thread time (ms) per trace event name on the thread that recorded `startMark`, from that mark for
 * `windowMs`; and self time per JavaScript function (name and source position) from the CPU profile.
 */
export function traceBreakdown(events, startMark, windowMs) {
  const window = threadWindow(events, startMark, windowMs);
  if (!window) return undefined;
  const { pid, tid, from, to } = window;
  const complete = window.onThread
    .filter((event) => event.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: an event's thread time less its direct children's (events nest on one thread).
  const byName = new Map();
  const stack = [];
  const close = (entry) => byName.set(entry.event.name, (byName.get(entry.event.name) ?? 0) + entry.self);
  for (const event of complete) {
    while (stack.length && stack.at(-1).end <= event.ts) close(stack.pop());
    const parent = stack.at(-1);
    if (parent) parent.self -= event.tdur;
    stack.push({ event, end: event.ts + event.dur, self: event.tdur });
  }
  while (stack.length) close(stack.pop());
  const names = [...byName].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);

  const functions = profileFunctions(events, pid, tid, from, to);
  return { events: names, functions: functions.self, inclusive: functions.inclusive };
}

/** Self time per function from `Profile`/`ProfileChunk` trace events of one thread, within [from, to]. */
function profileFunctions(events, pid, tid, from, to) {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid);
  if (!profile) return { self: [], inclusive: [] };
  const chunks = events.filter((event) => event.name === 'ProfileChunk' && event.id === profile.id);
  const nodes = new Map();
  let time = profile.args.data.startTime;
  const self = new Map();
  let lastNode;
  let lastTime;
  for (const chunk of chunks) {
    const data = chunk.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let index = 0; index < samples.length; index += 1) {
      time += deltas[index] ?? 0;
      // A sample's time counts for the node sampled before it (the interval it ran).
      if (lastNode !== undefined && lastTime >= from && time <= to) {
        self.set(lastNode, (self.get(lastNode) ?? 0) + (time - lastTime));
      }
      lastNode = samples[index];
      lastTime = time;
    }
  }
  const keyOf = (id) => {
    const frame = nodes.get(id)?.callFrame ?? {};
    const url = (frame.url ?? '').split('/').pop();
    return `${frame.functionName || '(anonymous)'} ${url}:${(frame.lineNumber ?? -1) + 1}`;
  };
  const byFunction = new Map();
  const inclusive = new Map();
  for (const [id, us] of self) {
    byFunction.set(keyOf(id), (byFunction.get(keyOf(id)) ?? 0) + us);
    // Inclusive: every function on the sampled stack, once each.
    const seen = new Set();
    for (let node = id; node !== undefined; node = nodes.get(node)?.parent) {
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const list = (map) => [...map].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { self: list(byFunction), inclusive: list(inclusive) };
}
