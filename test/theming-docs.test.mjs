// docs/theming.md lists every custom property Kring reads: each `--kring-*` name in src/ is in it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/lib/entries.mjs';

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('docs/theming.md', () => {
  it('lists every --kring-* custom property the elements read', () => {
    const docs = readFileSync(join(projectRoot, 'docs', 'theming.md'), 'utf8');
    const names = new Set(
      sourceFiles(join(projectRoot, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/var\(\s*(--kring-[a-z0-9-]+)/g)].map((match) => match[1]),
      ),
    );
    assert.ok(names.size > 30, `found ${names.size} names`);
    const missing = [...names].filter(
      (name) =>
        !docs.includes(name) &&
        !docs.includes(name.replace(/-(presenter|writer|responder|connector|recruiter)$/, '-presenter')),
    );
    assert.deepEqual(missing, []);
  });
});
