// The warm-page cost of a compact card (issue 18, target ≤ 1.5×): 200 `<kring-profile-card view="compact">`
// over the Graph adapter against the name-only lit element over the same client (the `graph` bench's page,
// msw in the page, no added latency), variants interleaved run by run, medians. Two figures per variant:
// - wall: ms from adding the cards until the first frame showing every name (what a user waits), which
//   on a loaded machine mostly measures the load;
// - CPU: the page's main-thread CPU time (Chromium trace thread time) over that same window: the work the
//   page does, much less sensitive to other processes. The ratio this bench holds to the target is CPU.
// A third reference, the compact card's own DOM built by hand over the same client (`?mode=dom-floor`), shows
// what that DOM costs whatever builds it. `WARM_PROFILE=1` adds where the CPU goes (see `printProfile`).
// `npm run bench graph` prints the wall ratio from consecutive (not interleaved) runs.
import { publishGraphPage } from './graph.bench.mjs';
import { median } from './lib/fresh-page.mjs';
import { mainThreadCpu, startTrace } from './lib/main-thread-cpu.mjs';
import { PROFILE_CATEGORIES, traceBreakdown } from './lib/trace-breakdown.mjs';

const RUNS = Number(process.env.WARM_RUNS ?? 9);
// `WARM_PROFILE=1`: also records V8's sampling profiler and prints, per variant, where the CPU goes (trace
// events and JavaScript functions by self time, medians over the runs). The profiler adds its own cost.
const PROFILE = Boolean(process.env.WARM_PROFILE);
const TOP = Number(process.env.WARM_PROFILE_TOP ?? 25);
const MODES = [
  { key: 'compact', label: 'compact cards' },
  { key: 'lit-floor', label: 'name-only lit elements over the same client' },
  { key: 'dom-floor', label: "the compact card's DOM built by hand, same client" },
  { key: 'graph', label: 'cards, default view' },
];

/** One fresh-context visit of `url`, traced: wall ms until all names show, and the CPU in that window. */
async function measureTraced(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const trace = await startTrace(browser, page, PROFILE ? PROFILE_CATEGORIES : undefined);
    let wallMs;
    let events;
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.__bench?.shownMs !== undefined, undefined, { timeout: 60_000 });
      wallMs = await page.evaluate(() => window.__bench.shownMs);
    } finally {
      events = await trace.stop();
    }
    const cpu = mainThreadCpu(events, 'bench-start', wallMs);
    const breakdown = PROFILE ? traceBreakdown(events, 'bench-start', wallMs) : undefined;
    return {
      wallMs,
      ...cpu,
      breakdown,
      errorNote: errors.length ? `, page errors: ${errors.join('; ')}` : '',
    };
  } finally {
    await context.close();
  }
}

export default async function run({ url, server, browser, projectRoot, log }) {
  await publishGraphPage({ server, projectRoot });
  const samples = Object.fromEntries(MODES.map(({ key }) => [key, []]));
  for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
    for (const { key } of MODES) {
      const sample = await measureTraced(browser, `${url}/bench-graph.html?mode=${key}`);
      samples[key].push(sample);
      log(
        `run ${runIndex + 1} ${key}: wall ${Math.round(sample.wallMs)} ms, main-thread CPU ` +
          `${sample.cpuMs === undefined ? '—' : Math.round(sample.cpuMs)} ms (style/layout/paint ` +
          `${sample.renderingMs === undefined ? '—' : Math.round(sample.renderingMs)} ms)${sample.errorNote}`,
      );
    }
  }
  if (PROFILE) printProfile(samples, log);
  const med = (key, figure) =>
    median(samples[key].map((sample) => sample[figure]).filter((v) => v !== undefined));
  const wall = Object.fromEntries(MODES.map(({ key }) => [key, med(key, 'wallMs')]));
  const cpu = Object.fromEntries(MODES.map(({ key }) => [key, med(key, 'cpuMs')]));
  const hasCpu = MODES.every(({ key }) => cpu[key] !== undefined);
  return [
    ...MODES.map(({ key, label }) => ({
      name: `warm, 200 names shown: ${label}`,
      value: Math.round(wall[key]),
      unit: 'ms',
      note: `wall, median of ${RUNS}, interleaved${hasCpu ? `; main-thread CPU ${Math.round(cpu[key])} ms` : ''}`,
    })),
    ...(hasCpu
      ? [
          {
            name: 'warm: compact card ÷ name-only lit element (main-thread CPU)',
            value: (cpu.compact / cpu['lit-floor']).toFixed(2),
            unit: '×',
            note: `target ≤ 1.5×; trace thread time from adding the cards to the frame showing all names, median of ${RUNS}; default view ${(cpu.graph / cpu['lit-floor']).toFixed(2)}×`,
          },
          {
            name: "warm: the card's DOM built by hand ÷ name-only lit element (main-thread CPU)",
            value: (cpu['dom-floor'] / cpu['lit-floor']).toFixed(2),
            unit: '×',
            note: `what the compact card's elements, attributes and styles cost without lit or Kring's element code; the card is ${(cpu.compact / cpu['dom-floor']).toFixed(2)}× this`,
          },
        ]
      : []),
    {
      name: 'warm: compact card ÷ name-only lit element (wall)',
      value: (wall.compact / wall['lit-floor']).toFixed(2),
      unit: '×',
      note: `load-sensitive; default view ${(wall.graph / wall['lit-floor']).toFixed(2)}×`,
    },
  ];
}

/**
 * Median self ms per trace event and per function over the runs of each variant, compact beside a reference
 * (`WARM_PROFILE_BASE`, default the name-only lit element).
 */
function printProfile(samples, log) {
  const base = process.env.WARM_PROFILE_BASE ?? 'lit-floor';
  for (const part of ['events', 'functions', 'inclusive']) {
    const medians = {};
    for (const { key } of MODES) {
      const runs = samples[key].map(
        (sample) => new Map(sample.breakdown[part].map(({ name, ms }) => [name, ms])),
      );
      const names = new Set(runs.flatMap((run) => [...run.keys()]));
      medians[key] = new Map([...names].map((name) => [name, median(runs.map((run) => run.get(name) ?? 0))]));
    }
    const names = [...medians.compact.keys()].sort(
      (a, b) =>
        medians.compact.get(b) -
        (medians[base].get(b) ?? 0) -
        (medians.compact.get(a) - (medians[base].get(a) ?? 0)),
    );
    const total = (key) => [...medians[key].values()].reduce((sum, ms) => sum + ms, 0);
    log(
      `profile, ${part} by self ms (median of runs): compact ${total('compact').toFixed(1)}, ${base} ${total(base).toFixed(1)}, sorted by compact − ${base}`,
    );
    for (const name of names.slice(0, TOP)) {
      const compact = medians.compact.get(name);
      const floor = medians[base].get(name) ?? 0;
      log(
        `  ${compact.toFixed(1).padStart(6)} ${floor.toFixed(1).padStart(6)} ${(compact - floor).toFixed(1).padStart(6)}  ${name}`,
      );
    }
  }
}
