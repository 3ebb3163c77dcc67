#!/usr/bin/env node
// `npm run bench`: builds when needed, starts Debian's Chromium and a static server, runs every
// `bench/*.bench.mjs` and prints one table. Figures, not a test: nothing here fails on a number.
//
// A bench module: `export default async function run(ctx)` returning rows `{ name, value, unit, note? }`.
// ctx: { url, server (setPage(path, html | { type, body })), browser (playwright-core), projectRoot, distDir, log }.
// The server serves dist/ under /dist/ and the project root under /.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../scripts/lib/entries.mjs';
import { buildIfNeeded } from '../scripts/lib/build-if-needed.mjs';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';
import { formatTable } from './lib/table.mjs';

const benchDir = join(projectRoot, 'bench');
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

buildIfNeeded();
ensureChromium();

const distDir = join(projectRoot, 'dist');
const server = await startStaticServer({
  mounts: [
    { prefix: '/dist/', dir: distDir },
    { prefix: '/', dir: projectRoot },
  ],
});
const browser = await launchChromium();
const version = browser.version();
const rows = [];
let failures = 0;

try {
  for (const file of files) {
    const bench = file.replace(/\.bench\.mjs$/, '');
    console.log(`running ${bench}…`);
    const started = Date.now();
    try {
      const module = await import(pathToFileURL(join(benchDir, file)).href);
      const result = await module.default({
        url: server.url,
        server,
        browser,
        projectRoot,
        distDir,
        log: (message) => console.log(`  ${bench}: ${message}`),
      });
      for (const row of result) rows.push({ bench, ...row });
    } catch (error) {
      failures += 1;
      rows.push({ bench, name: 'error', value: '—', unit: '', note: error.message.split('\n')[0] });
      console.error(error);
    }
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nKring benchmarks (Chromium ${version}, Node ${process.versions.node})\n`);
console.log(formatTable(rows));

const outDir = join(projectRoot, '.bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'results.json'),
  JSON.stringify({ at: new Date().toISOString(), chromium: version, rows }, null, 2),
);
console.log(`\n(also written to .bench/results.json)`);
process.exit(failures ? 1 : 0);
