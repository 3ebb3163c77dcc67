// The import-boundary rules of scripts/lint.mjs catch what they forbid, allow what they allow,
// and the project passes them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkNestedTagsRequired, importProblems, lint, relativeImports } from '../scripts/lint.mjs';

function broken(from, specifier) {
  return importProblems(from, specifier).map((problem) => problem.split(': ')[1]);
}

describe('import boundaries (scripts/lint.mjs)', () => {
  it('elements do not import backends/, except the community element that creates the adapter', () => {
    assert.deepEqual(broken('src/elements/profile-card/profile-card.ts', '../../backends/errors.js'), [
      'elements do not import backends/',
    ]);
    assert.deepEqual(broken('src/elements/community/community.ts', '../../backends/registry.js'), []);
    assert.deepEqual(broken('src/elements/profile-card/profile-card.ts', '../../errors.js'), []);
  });

  it('elements/shared/ does not import an element folder', () => {
    assert.deepEqual(broken('src/elements/shared/metrics-element.ts', '../pulse/pulse.js'), [
      'elements/shared/ does not import element folders',
    ]);
    assert.deepEqual(broken('src/elements/shared/metrics-element.ts', './metrics-format.js'), []);
  });

  it('an element folder imports no sibling element folder, but may register it through define.ts', () => {
    assert.deepEqual(broken('src/elements/kudos-composer/kudos-composer.ts', '../kudos-feed/kudos-feed.js'), [
      'an element folder imports no other element folder',
    ]);
    assert.deepEqual(broken('src/elements/invite/define.ts', '../people-picker/define.js'), []);
    assert.deepEqual(broken('src/elements/invite/invite.ts', '../shared/announcer.js'), []);
    assert.deepEqual(broken('src/elements/invite/invite.ts', './growth-controls.styles.js'), []);
  });

  it('backends/lists/ does not import backends/sharepoint/', () => {
    assert.deepEqual(broken('src/backends/lists/kudos.ts', '../sharepoint/odata.js'), [
      'backends/lists/ does not import backends/sharepoint/',
    ]);
    assert.deepEqual(broken('src/backends/sharepoint/lists.ts', '../lists/schema.js'), []);
  });

  it('finds static, type-only, re-exported and dynamic imports, not ones in comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export * from './c.js';",
      "const d = await import('./d.js');",
      "import './e.js';",
      "// import { f } from './f.js';",
    ].join('\n');
    assert.deepEqual(
      relativeImports(text).map((found) => found.specifier),
      ['./a.js', '../b.js', './c.js', './d.js', './e.js'],
    );
  });

  it('a template that renders a lazily loaded tag asks for it with requireElement', () => {
    const root = mkdtempSync(join(tmpdir(), 'kring-lint-'));
    const write = (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      write('src/lazy-elements.ts', "export const LAZY_ELEMENTS = { 'kring-picker': () => import('x') };");
      write('src/elements/picker/picker.ts', 'const own = html`<kring-picker></kring-picker>`;');
      write('src/elements/card/card.ts', '// renders <kring-picker> later\nconst core = html`<kring-card>`;');
      assert.deepEqual(checkNestedTagsRequired(root), [], 'its own tag, comments and core tags are fine');
      write('src/elements/feed/feed.ts', 'const t = html`<kring-picker></kring-picker>`;');
      assert.match(
        checkNestedTagsRequired(root).join('\n'),
        /src\/elements\/feed\/feed\.ts: renders <kring-picker>/,
      );
      write(
        'src/elements/feed/feed.ts',
        "requireElement('kring-picker');\nconst t = html`<kring-picker></kring-picker>`;",
      );
      assert.deepEqual(checkNestedTagsRequired(root), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the project keeps every rule', () => {
    assert.deepEqual(lint(), []);
  });
});
