// The warm-page cost of a compact card (issue 18, target ≤ 1.5×): 200 `<kring-profile-card view="compact">`
// over the Graph adapter against the name-only lit element over the same client (the `graph` bench's page,
// msw in the page, no added latency), variants interleaved run by run, medians. `npm run bench graph` prints
// the same ratio from consecutive (not interleaved) runs.
import { publishGraphPage } from './graph.bench.mjs';
import { measureFreshPage, median } from './lib/fresh-page.mjs';

const RUNS = Number(process.env.WARM_RUNS ?? 9);
const MODES = [
  { key: 'compact', label: 'compact cards' },
  { key: 'lit-floor', label: 'name-only lit elements over the same client' },
  { key: 'graph', label: 'cards, default view' },
];

export default async function run({ url, server, browser, projectRoot, log }) {
  await publishGraphPage({ server, projectRoot });
  const samples = Object.fromEntries(MODES.map(({ key }) => [key, []]));
  for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
    for (const { key } of MODES) {
      const { figures, errorNote } = await measureFreshPage(browser, `${url}/bench-graph.html?mode=${key}`, {
        ready: () => window.__bench?.shownMs !== undefined,
        figures: () => window.__bench.shownMs,
      });
      samples[key].push(figures);
      log(`run ${runIndex + 1} ${key}: ${Math.round(figures)} ms${errorNote}`);
    }
  }
  const ms = Object.fromEntries(MODES.map(({ key }) => [key, median(samples[key])]));
  return [
    ...MODES.map(({ key, label }) => ({
      name: `warm, 200 names shown: ${label}`,
      value: Math.round(ms[key]),
      unit: 'ms',
      note: `median of ${RUNS}, interleaved`,
    })),
    {
      name: 'warm: compact card ÷ name-only lit element',
      value: (ms.compact / ms['lit-floor']).toFixed(2),
      unit: '×',
      note: `target ≤ 1.5×; default view ${(ms.graph / ms['lit-floor']).toFixed(2)}×`,
    },
  ];
}
