// The build entries, found on disk so that a new element is picked up without editing any config:
// every `src/elements/<name>/define.ts` becomes `dist/elements/<name>.js`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The backend adapters, each its own entry (`src/backends/<name>/index.ts`). */
export const BACKEND_NAMES = ['demo', 'rest', 'sharepoint', 'graph'];

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Element folder names that have a `define.ts` entry, sorted. */
export function elementNames(root = projectRoot) {
  const elementsDir = join(root, 'src', 'elements');
  if (!existsSync(elementsDir)) return [];
  return readdirSync(elementsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(elementsDir, entry.name, 'define.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** Rollup/rolldown input map: output name (without `.js`) → source file. */
export function libraryEntries(root = projectRoot) {
  // `core` is what the script-tag loader imports; `index` registers everything eagerly for bundlers.
  const entries = { index: join(root, 'src', 'index.ts'), core: join(root, 'src', 'core.ts') };
  for (const name of elementNames(root)) {
    entries[`elements/${name}`] = join(root, 'src', 'elements', name, 'define.ts');
  }
  // Backend adapters as their own files: the script-tag bundle imports them on first use.
  for (const name of BACKEND_NAMES) {
    const file = join(root, 'src', 'backends', name, 'index.ts');
    if (existsSync(file)) entries[`backends/${name}`] = file;
  }
  return entries;
}

/**
 * Entries of the ESM build for bundlers and Node (`dist/esm/`, one file per module): the index, every
 * element's `define` module and every backend adapter. `package.json` exports map onto these paths.
 */
export function bundlerEntries(root = projectRoot) {
  const entries = { index: join(root, 'src', 'index.ts') };
  for (const name of elementNames(root)) {
    entries[`elements/${name}/define`] = join(root, 'src', 'elements', name, 'define.ts');
  }
  for (const name of BACKEND_NAMES) {
    const file = join(root, 'src', 'backends', name, 'index.ts');
    if (existsSync(file)) entries[`backends/${name}/index`] = file;
  }
  return entries;
}
