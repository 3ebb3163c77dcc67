// Measures what a browser downloads for each build entry: the entry file plus every chunk it
// imports statically (transitively), minified, gzip level 9.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The one size budget: the script-tag bundle with every element, gzip. */
export const IIFE_BUDGET_BYTES = 40 * 1024;

const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

function gzipBytes(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

/** The file and the chunks it statically imports, transitively. */
function importClosure(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(staticImport)) {
    importClosure(resolve(dirname(file), match[1]), seen);
  }
  return seen;
}

/**
 * Rows for `dist/index.js`, each `dist/elements/*.js` and `dist/kring.iife.js`:
 * `{ entry, bytes, gzipBytes, files }` where sizes include the entry's static import closure.
 */
export function measureBundles(distDir) {
  const entries = [];
  if (existsSync(join(distDir, 'index.js'))) entries.push(join(distDir, 'index.js'));
  const elementsDir = join(distDir, 'elements');
  if (existsSync(elementsDir)) {
    for (const name of readdirSync(elementsDir)
      .filter((n) => n.endsWith('.js'))
      .sort()) {
      entries.push(join(elementsDir, name));
    }
  }
  const rows = entries.map((entry) => {
    const files = [...importClosure(entry)];
    const buffers = files.map((file) => readFileSync(file));
    return {
      entry: relative(distDir, entry),
      files: files.length,
      bytes: buffers.reduce((sum, b) => sum + b.length, 0),
      // Each file travels as its own gzip response, so sizes add up per file.
      gzipBytes: buffers.reduce((sum, b) => sum + gzipBytes(b), 0),
    };
  });
  const iife = join(distDir, 'kring.iife.js');
  if (existsSync(iife)) {
    const buffer = readFileSync(iife);
    rows.push({ entry: 'kring.iife.js', files: 1, bytes: buffer.length, gzipBytes: gzipBytes(buffer) });
  }
  return rows;
}

export function formatKilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
