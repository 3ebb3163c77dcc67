// A web-test-runner reporter that fails a browser test file which has stopped making progress.
//
// Why it exists: in one CI run a file never finished and the runner waited its full `testsFinishTimeout`
// (10 min) without saying why. Mocha's own per-test timeout cannot fire when the page is blocked (a
// synchronous or microtask loop), when the file's top level never finishes loading, or when the page
// crashed. This watchdog asks every running page through the DevTools protocol, every few seconds, how
// many tests have finished. When none has finished for `KRING_WTR_HANG_MS` (default 60 s), or the page
// crashed or is gone, it prints the file, the running test and what the page is doing — the paused call
// stack when the page does not answer — closes the page and fails that file, so the run goes on.
import { relative } from 'node:path';
import { SESSION_STATUS } from '@web/test-runner';

/** Ms without a finished test before a file counts as hung; `KRING_WTR_HANG_MS=0` turns the watchdog off. */
export const hangLimit = process.env.KRING_WTR_HANG_MS ? Number(process.env.KRING_WTR_HANG_MS) : 60_000;

/** Session id → when the page's results message reached the runner (see `hangWatchdogPlugin`). */
const resultsReceived = new Map();

/** Notes when each page's results reach the runner, so a hang can say on which side they stopped. */
export function hangWatchdogPlugin() {
  return {
    name: 'kring-hang-watchdog',
    serverStart({ webSockets }) {
      webSockets.on('message', ({ data }) => {
        if (data?.type === 'wtr-session-finished') resultsReceived.set(data.sessionId, Date.now());
      });
    },
  };
}

/** Diagnoses per hung test file (`test/x.test.ts` → message), for the CI summary. */
export const hungFiles = new Map();

// Runs in the page: how many tests finished, the first one that has not (mocha runs in this order), and
// the state of the page's WebSocket to the runner (results travel over it).
const progressExpression = `(() => {
  const socket = globalThis.__WDS_WEB_SOCKET__ && globalThis.__WDS_WEB_SOCKET__.webSocket;
  const state = {
    socket: socket ? ['connecting', 'open', 'closing', 'closed'][socket.readyState] : 'none',
    document: document.readyState,
  };
  const root = globalThis.mocha && globalThis.mocha.suite;
  if (!root) return { ...state, finished: -1, total: 0 };
  let finished = 0;
  let total = 0;
  let current;
  const walk = (suite) => {
    for (const test of suite.tests) {
      total += 1;
      if (test.state || test.pending) finished += 1;
      else if (current === undefined) current = test.fullTitle();
    }
    suite.suites.forEach(walk);
  };
  walk(root);
  return { ...state, finished, total, current };
})()`;

// Runs in the page when it answers but makes no progress: what mocha's runner is at, and whether the
// page's timers are its own (the runner reports the results from a setTimeout after the last test).
const runnerExpression = `(() => {
  const runner = globalThis.__WTR_MOCHA_RUNNER__;
  const runnable = runner && runner.currentRunnable;
  const nativeTimers = String(globalThis.setTimeout).includes('[native code]');
  let logs = '';
  try {
    structuredClone(globalThis.__wtr_browser_logs__ && globalThis.__wtr_browser_logs__.logs);
  } catch (error) {
    logs = '; the browser logs cannot be sent: ' + error.message;
  }
  if (!runner) return 'no mocha runner yet; setTimeout ' + (nativeTimers ? 'native' : 'replaced') + logs;
  return 'mocha runner ' + runner.state + (runnable ? ', last at ' + runnable.type + ' "' + runnable.fullTitle() + '"' +
    (runnable.state ? ' (' + runnable.state + ')' : ' (not finished)') : '') +
    '; setTimeout ' + (nativeTimers ? 'native' : 'replaced') + logs;
})()`;

// Resolves when a 50 ms timer of the page fires.
const timerExpression = 'new Promise((resolve) => setTimeout(() => resolve(true), 50))';

// Runs in the page when web-test-runner could not send its results: a failed assertion whose actual or
// expected value is a DOM node cannot be cloned (DataCloneError), and the file then waited forever. Builds
// the same results as the runner's mocha adapter, with such values as text, and sends them.
const resendExpression = `(() => {
  const params = new URL(location.href).searchParams;
  const cloneable = (value) => {
    try {
      structuredClone(value);
      return value;
    } catch {
      return value && value.outerHTML !== undefined ? value.outerHTML.slice(0, 500) : String(value);
    }
  };
  const error = (err) => err && {
    name: err.name, message: err.message, stack: err.stack,
    expected: cloneable(err.expected), actual: cloneable(err.actual),
  };
  const errors = [];
  let passed = true;
  const hooks = (list) => {
    for (const hook of list) {
      if (hook.err) errors.push({ name: hook.err.name, message: hook.err.message, stack: hook.err.stack });
      else if (hook.state === 'failed') errors.push({ message: 'Unknown error in mocha hook' });
    }
  };
  const suite = (s) => {
    [s._beforeAll, s._afterAll, s._beforeEach, s._afterEach].forEach(hooks);
    const tests = s.tests.map((test) => {
      if (!test.isPassed() && !test.isPending()) passed = false;
      return {
        name: test.title, passed: test.isPassed(), skipped: test.isPending(),
        duration: test.duration, error: error(test.err),
      };
    });
    return { name: s.title, suites: s.suites.map(suite), tests };
  };
  const testResults = suite(globalThis.mocha.suite);
  const logs = globalThis.__wtr_browser_logs__ ? globalThis.__wtr_browser_logs__.logs : [];
  globalThis.__WDS_WEB_SOCKET__.webSocket.send(JSON.stringify({
    type: 'wtr-session-finished',
    userAgent: navigator.userAgent,
    sessionId: params.get('wtr-session-id'),
    testFile: params.get('wtr-test-file'),
    result: { logs, errors, passed: passed && errors.length === 0, testResults },
  }));
  return true;
})()`;

/** The test that runs, and the page's state, from the page's progress answer. */
function runningTest(progress) {
  if (!progress) return '(unknown: the page did not say)';
  const test =
    progress.current ??
    (progress.total && progress.finished >= progress.total
      ? '(none: every test finished, but the page never reported the results)'
      : '(none: the test file or its imports never finished loading)');
  const tests =
    progress.finished < 0 ? 'mocha not loaded' : `${progress.finished} of ${progress.total} tests finished`;
  return `${test}\n  State: ${tests}; document ${progress.document}; WebSocket to the runner ${progress.socket}`;
}

/** The page's requests still waiting for an answer, oldest first. */
function unanswered(requests) {
  if (!requests.size) return '';
  const now = Date.now();
  const lines = [...requests]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 10)
    .map(
      ([request, since]) =>
        `    ${request.method()} ${shortUrl(request.url())} (${Math.round((now - since) / 1000)} s)`,
    );
  return `\n  Requests without an answer (${requests.size}):\n${lines.join('\n')}`;
}

/** A page is loading or running its tests. */
const isLive = (session) =>
  session.status === SESSION_STATUS.INITIALIZING || session.status === SESSION_STATUS.TEST_STARTED;

const within = (promise, ms) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref())]).catch(
    () => undefined,
  );

/** `http://localhost:8000/test/x.test.ts?wtr-session-id=…` → `test/x.test.ts`. */
const shortUrl = (url) => url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '') || '(anonymous)';

/** The paused page's call stack, each frame with the source line it stopped on; the runner's own frames
 * (mocha, under `__web-test-runner__/`) are only counted. */
async function pausedStack(cdp, callFrames, scriptUrls) {
  const sources = new Map();
  const lines = [];
  let hidden = 0;
  for (const frame of callFrames) {
    const { scriptId, lineNumber, columnNumber } = frame.location;
    const url = shortUrl(scriptUrls.get(scriptId) ?? '');
    if (url.startsWith('__web-test-runner__/') || lines.length >= 15) {
      hidden += 1;
      continue;
    }
    if (!sources.has(scriptId)) {
      sources.set(scriptId, await within(cdp.send('Debugger.getScriptSource', { scriptId }), 3_000));
    }
    const code = sources.get(scriptId)?.scriptSource?.split('\n')[lineNumber]?.trim().slice(0, 100);
    lines.push(
      `    at ${frame.functionName || '(anonymous)'} (${url}:${lineNumber + 1}:${columnNumber + 1}, served JS)` +
        (code ? `\n        ${code}` : ''),
    );
  }
  if (hidden) lines.push(`    … and ${hidden} frames of the test runner`);
  return lines.join('\n');
}

/** Sends the page's results that web-test-runner could not send (see `resendExpression`). */
async function resend(cdpSession) {
  const cdp = await within(cdpSession, 5_000);
  const sent = await within(
    cdp?.send('Runtime.evaluate', { expression: resendExpression, returnByValue: true }),
    10_000,
  );
  console.error(
    sent?.result?.value === true
      ? "\nHang watchdog: the runner could not send a page's results (a failed assertion about a DOM node); sent them instead.\n"
      : `\nHang watchdog: could not send a page's results: ${sent?.exceptionDetails?.exception?.description ?? 'no answer'}\n`,
  );
}

/** What the page is doing: answers with its progress, or is paused to show where it is stuck. */
async function diagnose(cdp, scriptUrls) {
  const answer = await within(
    cdp.send('Runtime.evaluate', { expression: progressExpression, returnByValue: true }),
    5_000,
  );
  if (answer?.result?.value) {
    const runner = await within(
      cdp.send('Runtime.evaluate', { expression: runnerExpression, returnByValue: true }),
      5_000,
    );
    const timer = await within(
      cdp.send('Runtime.evaluate', { expression: timerExpression, awaitPromise: true, returnByValue: true }),
      3_000,
    );
    const { finished, total } = answer.result.value;
    return {
      running: runningTest(answer.result.value),
      doing:
        (total && finished >= total
          ? 'the page answers and has run every test'
          : 'the page answers but nothing finishes: a test or the file itself awaits something that never ' +
            'comes (an event, a promise, a fake clock nobody advances)') +
        '\n' +
        `  Runner: ${runner?.result?.value ?? '(no answer)'}; a 50 ms timer ${timer?.result?.value ? 'fires' : 'does not fire within 3 s'}`,
    };
  }
  const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve));
  await within(cdp.send('Debugger.pause'), 5_000);
  const event = await within(paused, 10_000);
  if (!event) return { doing: 'the page neither answers nor pauses (renderer hung or lost)' };
  const onFrame = await within(
    cdp.send('Debugger.evaluateOnCallFrame', {
      callFrameId: event.callFrames[0].callFrameId,
      expression: progressExpression,
      returnByValue: true,
    }),
    5_000,
  );
  return {
    running: runningTest(onFrame?.result?.value),
    doing: `the page is blocked (a synchronous or microtask loop); paused it at:\n${await pausedStack(cdp, event.callFrames, scriptUrls)}`,
  };
}

/**
 * @param {{ limit?: number, interval?: number }} [options] `limit`: ms without a finished test before a file
 *   counts as hung; `interval`: ms between progress checks.
 * @returns {import('@web/test-runner').Reporter}
 */
export function hangWatchdog({ limit = hangLimit, interval = Math.min(10_000, limit / 6) } = {}) {
  if (!limit) return {};
  /** session id → { session, page, cdp (a promise), finished, since } for every page being watched. */
  const watched = new Map();
  let sessions;
  let timer;

  function forget(id) {
    const entry = watched.get(id);
    watched.delete(id);
    entry?.cdp.then((cdp) => cdp.detach()).catch(() => {});
  }

  async function fail(entry, why) {
    const { id, testRun } = entry.session;
    if (watched.get(id) !== entry) return;
    watched.delete(id);
    const cdp = why ? undefined : await within(entry.cdp, 5_000);
    const { running = '(unknown)', doing } =
      why ?? (cdp ? await diagnose(cdp, entry.scriptUrls) : { doing: 'no DevTools connection to the page' });
    const session = sessions.get(id);
    if (session?.testRun === testRun && isLive(session)) {
      const seconds = Math.round((Date.now() - entry.since) / 1000);
      const received = resultsReceived.get(id);
      const message =
        `Hung: ${relative(process.cwd(), session.testFile)} finished no test for ${seconds} s (limit ${limit / 1000} s, KRING_WTR_HANG_MS).\n` +
        `  Running: ${running}\n` +
        `  Page: ${doing}\n` +
        `  Results: ${received ? `reached the runner ${Math.round((Date.now() - received) / 1000)} s ago, not processed` : 'never reached the runner'}` +
        unanswered(entry.requests) +
        (entry.errors.length
          ? `\n  Uncaught in the page (last 3):\n      ${entry.errors.slice(-3).join('\n      ')}`
          : '');
      hungFiles.set(session.testFile, message);
      console.error(`\n${message}\n`);
      // The runner stops a finished session by asking its page for coverage, which a blocked page never
      // answers; without an active page it just records the result. The page is closed below instead.
      session.browser.activePages?.delete(id);
      sessions.updateStatus(
        { ...session, passed: false, errors: [...(session.errors ?? []), { message }] },
        SESSION_STATUS.TEST_FINISHED,
      );
    }
    await within(entry.page.context().close(), 10_000);
  }

  async function check(entry) {
    if (entry.checking) return;
    entry.checking = true;
    try {
      if (entry.page.isClosed()) return void (await fail(entry, { doing: 'the page was closed or lost' }));
      const cdp = await within(entry.cdp, 5_000);
      const answer =
        cdp &&
        (await within(
          cdp.send('Runtime.evaluate', { expression: progressExpression, returnByValue: true }),
          5_000,
        ));
      const finished = answer?.result?.value?.finished;
      if (typeof finished === 'number' && finished > entry.finished) {
        entry.finished = finished;
        entry.since = Date.now();
      } else if (Date.now() - entry.since >= limit) await fail(entry);
    } finally {
      entry.checking = false;
    }
  }

  function watch(session) {
    if (watched.get(session.id)?.session.testRun === session.testRun) return;
    let page;
    try {
      page = session.browser.getPage?.(session.id);
    } catch {
      return; // the page is not created yet; the next status change tries again
    }
    if (!page) return;
    const scriptUrls = new Map();
    // Attached, with the debugger on, while the page is still healthy: a blocked page handles only a few
    // DevTools commands (Debugger.pause among them), and attaching or Debugger.enable are not among them.
    const cdp = page
      .context()
      .newCDPSession(page)
      .then(async (session) => {
        session.on('Debugger.scriptParsed', ({ scriptId, url }) => scriptUrls.set(scriptId, url));
        if (!process.env.WD_NODBG) await session.send('Debugger.enable');
        return session;
      });
    cdp.catch(() => {});
    // Requests the page made that have no complete answer yet: a module that never arrives leaves the
    // test file unloaded without any error.
    const requests = new Map();
    page.on('request', (request) => requests.set(request, Date.now()));
    page.on('requestfinished', (request) => requests.delete(request));
    page.on('requestfailed', (request) => requests.delete(request));
    // Uncaught errors and unhandled rejections: one after the last test can keep the results from leaving.
    const errors = [];
    page.on('pageerror', (error) => {
      errors.push(
        String(error.stack ?? error)
          .split('\n')
          .slice(0, 4)
          .join('\n      '),
      );
      if (/could not be cloned/.test(error.message) && /sendMessage/.test(error.stack ?? ''))
        void resend(cdp);
    });
    const entry = { session, page, cdp, scriptUrls, requests, errors, finished: -1, since: Date.now() };
    watched.set(session.id, entry);
    page.once('crash', () => void fail(entry, { doing: 'the page crashed (out of memory?)' }));
  }

  return {
    start(args) {
      sessions = args.sessions;
      sessions.on('session-status-updated', (session) => {
        if (isLive(session)) watch(session);
        else forget(session.id);
      });
      timer = setInterval(() => {
        for (const session of sessions.all()) if (isLive(session)) watch(session);
        for (const entry of watched.values()) void check(entry);
      }, interval);
    },
    stop() {
      clearInterval(timer);
      for (const id of [...watched.keys()]) forget(id);
    },
  };
}
