// Measures what a browser downloads: each build entry with every chunk it imports statically
// (transitively), minified, gzip level 9, one gzip per file as served.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The one size budget, gzip: what a script-tag page loads before any lazily loaded element, i.e.
 * `kring.iife.js` plus the files it imports at once (with their static imports).
 */
export const IIFE_BUDGET_BYTES = 40 * 1024;

const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
// In the script-tag loader, files are named by plain string literals such as "core.js".
const fileLiteral = /["'`]((?:\.\/)?[\w][\w./-]*\.js)["'`]/g;

function gzipBytes(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

/** The file and the chunks it statically imports, transitively. */
export function importClosure(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(staticImport)) {
    importClosure(resolve(dirname(file), match[1]), seen);
  }
  return seen;
}

function measureFiles(distDir, entry, files) {
  const buffers = [...files].map((file) => readFileSync(file));
  return {
    entry,
    files: buffers.length,
    bytes: buffers.reduce((sum, buffer) => sum + buffer.length, 0),
    gzipBytes: buffers.reduce((sum, buffer) => sum + gzipBytes(buffer), 0),
  };
}

function jsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Files the script-tag bundle loads at once: itself, plus the core's files in `preload-manifest.json`
 * (which the loader preloads), or else the ESM files it names by literal (a loader importing `core.js`),
 * with their static imports. Elements and backends load later, on demand.
 */
export function scriptTagFiles(distDir) {
  const iife = join(distDir, 'kring.iife.js');
  const files = new Set([iife]);
  const manifest = join(distDir, 'preload-manifest.json');
  const names = existsSync(manifest)
    ? JSON.parse(readFileSync(manifest, 'utf8')).core
    : [...readFileSync(iife, 'utf8').matchAll(fileLiteral)].map((match) => match[1].replace(/^\.\//, ''));
  for (const name of names) {
    if (name.startsWith('elements/') || name.startsWith('backends/')) continue;
    const file = join(distDir, name);
    if (existsSync(file)) importClosure(file, files);
  }
  return files;
}

/**
 * Rows `{ entry, bytes, gzipBytes, files }`: every ESM entry at the top of dist/ and in
 * dist/elements/ and dist/backends/ (with its static imports), `kring.iife.js` alone, and
 * `script-tag core` (the budgeted figure, see `IIFE_BUDGET_BYTES`).
 */
export function measureBundles(distDir) {
  const iife = join(distDir, 'kring.iife.js');
  const entries = [
    ...jsFiles(distDir).filter((file) => file !== iife),
    ...jsFiles(join(distDir, 'elements')),
    ...jsFiles(join(distDir, 'backends')),
  ];
  const rows = entries.map((entry) => measureFiles(distDir, relative(distDir, entry), importClosure(entry)));
  if (existsSync(iife)) {
    rows.push(measureFiles(distDir, 'kring.iife.js', [iife]));
    rows.push(measureFiles(distDir, 'script-tag core', scriptTagFiles(distDir)));
  }
  return rows;
}

export function formatKilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
