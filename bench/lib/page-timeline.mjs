// Where a cold page load's time goes, from a Chromium trace: every request (sent, first byte, done) and
// every main-thread task of the page's renderer with what it ran (script compile and evaluation by file,
// timers, parsing, style/layout/paint), in ms from navigation. Used by the cold-load bench's COLD_PROFILE.

/** Trace categories that carry requests, script compile/evaluation, timers and rendering. */
export const TIMELINE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'toplevel',
];

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer']);

const shortUrl = (url, origin) => {
  const plain = String(url ?? '').split('#')[0];
  return plain.startsWith(origin) ? plain.slice(origin.length) : plain;
};

/**
 * The timeline of the page loaded from `pageUrl`: `{ requests, tasks }`, times in ms from the page's
 * navigation start (its document request). A task is `{ at, ms, cpuMs, what }`, `what` naming the work
 * inside it that took the most time (e.g. `compile /dist/core.js`, `evaluate /dist/core.js`, `timer`).
 */
export function pageTimeline(events, pageUrl) {
  const origin = new URL(pageUrl).origin;
  const parse = events.find(
    (event) => event.name === 'ParseHTML' && String(event.args?.beginData?.url ?? '').startsWith(pageUrl),
  );
  if (!parse) return undefined;
  const { pid, tid } = parse;
  const sends = events.filter((event) => event.name === 'ResourceSendRequest');
  const documentSend = sends.find((event) => String(event.args?.data?.url ?? '').startsWith(pageUrl));
  const zero = (documentSend ?? parse).ts;
  const ms = (ts) => (ts - zero) / 1000;

  const requests = new Map();
  for (const event of events) {
    const data = event.args?.data;
    if (!data?.requestId) continue;
    if (event.name === 'ResourceSendRequest') {
      // The page's requests (this origin, or graph.microsoft.com for the Graph Toolkit), not the browser's own.
      if (!/^https?:/.test(String(data.url))) continue;
      requests.set(data.requestId, {
        url: shortUrl(data.url, origin),
        sent: ms(event.ts),
        priority: data.priority,
      });
    }
    const request = requests.get(data.requestId);
    if (!request) continue;
    if (event.name === 'ResourceReceiveResponse') {
      request.response = ms(event.ts);
      // Before the request went out: waiting for one of the 6 connections per host (HTTP/1.1), or connecting.
      const timing = data.timing;
      if (timing) {
        request.queuedMs = Math.max(0, timing.sendStart);
        request.connected = timing.connectStart >= 0;
      }
    }
    if (event.name === 'ResourceFinish') {
      request.done = ms(event.ts);
      request.bytes = data.encodedDataLength;
    }
  }

  const own = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.ts >= zero)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  let taskEnd = 0;
  for (const top of own) {
    // Top-level tasks only (a RunTask may sit inside another).
    if (top.name !== 'RunTask' && top.name !== 'ThreadControllerImpl::RunTask') continue;
    if (top.ts < taskEnd) continue;
    taskEnd = top.ts + (top.dur ?? 0);
    if ((top.dur ?? 0) < 1000) continue;
    const inside = own.filter(
      (event) => event.ts >= top.ts && event.ts + (event.dur ?? 0) <= top.ts + top.dur,
    );
    const work = new Map();
    const add = (label, dur) => work.set(label, (work.get(label) ?? 0) + dur / 1000);
    for (const event of inside) {
      const url = shortUrl(
        event.args?.data?.url ?? event.args?.fileName ?? event.args?.data?.fileName ?? '',
        origin,
      );
      if (event.name === 'v8.compile' || event.name === 'v8.compileModule') add(`compile ${url}`, event.dur);
      else if (event.name === 'v8.evaluateModule' || event.name === 'EvaluateScript')
        add(`evaluate ${url}`, event.dur);
      else if (event.name === 'ParseHTML') add('parse HTML', event.dur);
      else if (event.name === 'TimerFire') add('timer', event.dur);
      else if (event.name === 'FireAnimationFrame') add('animation frame', event.dur);
      else if (event.name === 'RunMicrotasks') add('microtasks', event.dur);
      else if (event.name === 'EventDispatch') add(`event ${event.args?.data?.type ?? ''}`, event.dur);
      else if (event.name === 'FunctionCall') add(`call ${url}`, event.dur);
      else if (RENDERING.has(event.name)) add('style/layout/paint', event.dur);
    }
    // The outermost work counts once: a FunctionCall inside a timer is part of the timer.
    const [what = 'other'] = [...work].sort((a, b) => b[1] - a[1]).map(([label]) => label);
    tasks.push({
      at: ms(top.ts),
      ms: top.dur / 1000,
      cpuMs: (top.tdur ?? top.dur) / 1000,
      what,
      work: Object.fromEntries([...work].map(([label, value]) => [label, Math.round(value * 10) / 10])),
    });
  }
  const marks = events
    .filter((event) => event.pid === pid && event.name.startsWith('cold:') && event.ts >= zero)
    .map((event) => ({ name: event.name, at: ms(event.ts) }));
  return { requests: [...requests.values()].sort((a, b) => a.sent - b.sent), tasks, marks, zeroTs: zero };
}

/** The timeline as lines of text: requests and tasks of ≥ `minTaskMs`, merged in time order. */
export function formatTimeline({ requests, tasks, marks }, minTaskMs = 3) {
  const lines = [];
  for (const request of requests) {
    const first =
      request.response === undefined ? '' : ` first byte +${Math.round(request.response - request.sent)}`;
    const done = request.done === undefined ? '' : ` done ${Math.round(request.done)}`;
    const queued =
      request.queuedMs >= 2
        ? ` (waited ${Math.round(request.queuedMs)} ms to go out${request.connected ? ', new connection' : ''})`
        : '';
    lines.push([request.sent, `${pad(request.sent)} → ${request.url}${first}${done}${queued}`]);
  }
  for (const task of tasks) {
    if (task.ms < minTaskMs) continue;
    const detail = Object.entries(task.work)
      .filter(([, value]) => value >= 1)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([label, value]) => `${label} ${value}`)
      .join(', ');
    lines.push([
      task.at,
      `${pad(task.at)}   task ${Math.round(task.ms)} ms (cpu ${Math.round(task.cpuMs)}): ${detail || task.what}`,
    ]);
  }
  for (const mark of marks) lines.push([mark.at, `${pad(mark.at)} ◆ ${mark.name}`]);
  return lines.sort((a, b) => a[0] - b[0]).map(([, line]) => line);
}

const pad = (value) => `${Math.round(value)}`.padStart(5) + ' ms';

/**
 * Self time of a V8 CPU profile (CDP `Profiler.stop`), by script file and by function: where the main
 * thread's JavaScript time went. `top` rows each, largest first, in ms.
 */
export function profileSelfTime(profile, origin, { top = 15, fromTs = -Infinity, toTs = Infinity } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  // Sample times are on the trace clock (µs): `fromTs`/`toTs` pick a window of the load.
  let ts = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    ts += profile.timeDeltas[index] ?? 0;
    if (ts < fromTs || ts > toTs) continue;
    const id = profile.samples[index];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  }
  const byFile = new Map();
  const byFunction = new Map();
  for (const [id, ms] of self) {
    const frame = nodes.get(id).callFrame;
    const file = shortUrl(frame.url, origin) || `(${frame.functionName || 'program'})`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([label, ms]) => `${ms.toFixed(1).padStart(6)} ms  ${label}`);
  return { byFile: rows(byFile), byFunction: rows(byFunction) };
}
