#!/usr/bin/env node
// Prints the gzip size of every dist entry (with the chunks it imports) and of the script-tag
// bundle, and fails when the script-tag core (the IIFE and what it loads at once) exceeds the budget.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './lib/entries.mjs';
import { IIFE_BUDGET_BYTES, formatKilobytes, measureBundles } from './lib/bundle-sizes.mjs';

const distDir = join(projectRoot, 'dist');
if (!existsSync(join(distDir, 'kring.iife.js'))) {
  console.error('size: dist/kring.iife.js is missing; run `npm run build` first.');
  process.exit(1);
}

const rows = measureBundles(distDir);
const width = Math.max(...rows.map((row) => row.entry.length));
console.log(`${'entry'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzip'.padStart(9)}  files`);
for (const row of rows) {
  console.log(
    `${row.entry.padEnd(width)}  ${formatKilobytes(row.bytes).padStart(10)}  ${formatKilobytes(row.gzipBytes).padStart(9)}  ${row.files}`,
  );
}

const core = rows.find((row) => row.entry === 'script-tag core');
const verdict = core.gzipBytes <= IIFE_BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `size budget: script-tag core (kring.iife.js and the ${core.files - 1} file(s) it loads at once) ` +
    `${formatKilobytes(core.gzipBytes)} gzip (${core.gzipBytes} B), budget ${formatKilobytes(IIFE_BUDGET_BYTES)}: ${verdict}`,
);
if (core.gzipBytes > IIFE_BUDGET_BYTES) process.exit(1);
