// Bundle sizes: gzip of each ESM entry (with the chunks it imports statically) and of the IIFE,
// plus which source folders the IIFE's bytes come from (from its source map).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IIFE_BUDGET_BYTES, measureBundles } from '../scripts/lib/bundle-sizes.mjs';
import { bytesBySource } from './lib/source-map-sizes.mjs';

const kilobytes = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export default async function run({ distDir }) {
  const rows = [];
  for (const bundle of measureBundles(distDir)) {
    const isIife = bundle.entry === 'kring.iife.js';
    rows.push({
      name: `${bundle.entry} gzip`,
      value: kilobytes(bundle.gzipBytes),
      unit: 'KB',
      note: isIife
        ? `${kilobytes(bundle.bytes)} KB minified; budget ${kilobytes(IIFE_BUDGET_BYTES)} KB gzip`
        : `${kilobytes(bundle.bytes)} KB, ${bundle.files} file(s) incl. shared chunks`,
    });
  }
  const mapFile = join(distDir, 'kring.iife.js.map');
  if (existsSync(mapFile)) {
    const code = readFileSync(join(distDir, 'kring.iife.js'), 'utf8');
    const groups = bytesBySource(code, JSON.parse(readFileSync(mapFile, 'utf8')));
    const total = groups.reduce((sum, group) => sum + group.bytes, 0);
    for (const group of groups.slice(0, 8)) {
      rows.push({
        name: `iife share: ${group.source}`,
        value: kilobytes(group.bytes),
        unit: 'KB',
        note: `${Math.round((group.bytes / total) * 100)}% of minified bytes`,
      });
    }
  }
  return rows;
}
