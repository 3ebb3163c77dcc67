// Bundle sizes: gzip of each ESM entry (with the chunks it imports statically), of the script-tag
// bundle and what it loads at once, and which source folders those bytes come from (source maps).
import { existsSync, readFileSync } from 'node:fs';
import { IIFE_BUDGET_BYTES, measureBundles, scriptTagFiles } from '../scripts/lib/bundle-sizes.mjs';
import { bytesBySource } from './lib/source-map-sizes.mjs';

const kilobytes = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export default async function run({ distDir }) {
  const rows = [];
  for (const bundle of measureBundles(distDir)) {
    const isBudgeted = bundle.entry === 'script-tag core';
    rows.push({
      name: `${bundle.entry} gzip`,
      value: kilobytes(bundle.gzipBytes),
      unit: 'KB',
      note: isBudgeted
        ? `kring.iife.js + what it loads at once (${bundle.files} files, ${kilobytes(bundle.bytes)} KB minified); budget ${kilobytes(IIFE_BUDGET_BYTES)} KB`
        : `${kilobytes(bundle.bytes)} KB minified, ${bundle.files} file(s) incl. shared chunks`,
    });
  }
  // Where the script-tag core's bytes come from, by source folder (from the source maps).
  const totals = new Map();
  for (const file of scriptTagFiles(distDir)) {
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) continue;
    const groups = bytesBySource(readFileSync(file, 'utf8'), JSON.parse(readFileSync(mapFile, 'utf8')));
    for (const { source, bytes } of groups) totals.set(source, (totals.get(source) ?? 0) + bytes);
  }
  const total = [...totals.values()].reduce((sum, bytes) => sum + bytes, 0);
  const largest = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [source, bytes] of largest) {
    rows.push({
      name: `core share: ${source}`,
      value: kilobytes(bytes),
      unit: 'KB',
      note: `${Math.round((bytes / total) * 100)}% of the script-tag core's minified bytes`,
    });
  }
  return rows;
}
