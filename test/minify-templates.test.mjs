// The build step that minifies lit's templates (scripts/lib/minify-templates.mjs): what it changes, what it
// must leave alone, and that the built core carries no template indentation.
// Run: `node --test test/minify-templates.test.mjs` (the last case needs `npm run build`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'vite';
import { projectRoot } from '../scripts/lib/entries.mjs';
import { minifyCssParts, minifyHtmlParts, minifyTemplatesIn } from '../scripts/lib/minify-templates.mjs';

const minify = (code) => minifyTemplatesIn(code, parseAst(code), 'module.js')?.code ?? code;

/** Every template literal's raw text in `code`, expressions as `${}`. */
function templateTexts(code) {
  const texts = [];
  const stack = [parseAst(code)];
  while (stack.length) {
    const node = stack.pop();
    if (node.type === 'TemplateLiteral') texts.push(node.quasis.map((quasi) => quasi.value.raw).join('${}'));
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) stack.push(...value.filter((item) => typeof item?.type === 'string'));
      else if (typeof value?.type === 'string') stack.push(value);
    }
  }
  return texts;
}

describe('minifying html templates', () => {
  it('turns indentation into one line break, which renders the same, and keeps the space between inline elements', () => {
    assert.deepEqual(minifyHtmlParts(['<p>\n      <span>', '</span>\n      <span>a</span>\n    </p>']), [
      '<p>\n<span>',
      '</span>\n<span>a</span>\n</p>',
    ]);
  });

  it('keeps text and single spaces as they are', () => {
    const parts = ['<p part="title">', ' · ', ' <b>x</b> y</p>'];
    assert.deepEqual(minifyHtmlParts(parts), parts);
  });

  it('drops comments, except one that holds an expression', () => {
    assert.deepEqual(minifyHtmlParts(['<!-- why -->\n  <p>', '</p><!-- ', ' -->']), [
      '\n<p>',
      '</p><!-- ',
      ' -->',
    ]);
  });

  it('leaves what is inside <pre> and <textarea> alone', () => {
    const parts = ['<pre>\n  a\n    b</pre>\n  <textarea>\n  ', '\n  </textarea>'];
    assert.deepEqual(minifyHtmlParts(parts), ['<pre>\n  a\n    b</pre>\n<textarea>\n  ', '\n  </textarea>']);
  });
});

describe('minifying css templates', () => {
  it('minifies the text and keeps an expression where a rule stands', () => {
    assert.deepEqual(minifyCssParts(['\n  ', '\n  :host {\n    color: #ffffff;\n  }\n']), [
      '',
      ':host{color:#fff}',
    ]);
  });

  it('keeps an expression in a value', () => {
    assert.deepEqual(minifyCssParts(['.a {\n  background-color: ', ';\n  /* note */ margin: 0px;\n}']), [
      '.a{background-color:',
      ';margin:0}',
    ]);
  });

  it('gives up on text it cannot parse, or where a placeholder would not come back', () => {
    assert.equal(minifyCssParts(['.a { color: red; } }']), undefined);
    // An expression as a selector: `@kring-slot-0; { … }` is no rule.
    assert.equal(minifyCssParts(['', ' { color: red }']), undefined);
  });
});

describe('minifyTemplatesIn', () => {
  it("minifies only lit's tags, under the names a module imports them by", () => {
    const code = [
      "import { css } from 'lit';",
      "import { html as staticHtml } from 'lit/static-html.js';",
      'const html = (strings) => strings;',
      'const styles = css`\n  .a {\n    color: red;\n  }\n`;',
      'const button = staticHtml`<button\n    type="button"\n  >x</button>`;',
      'const other = html`<p>\n    kept</p>`;',
      'const message = `line\n    kept`;',
    ].join('\n');
    assert.deepEqual(templateTexts(minify(code)).sort(), [
      '.a{color:red}',
      '<button\ntype="button"\n>x</button>',
      '<p>\n    kept</p>',
      'line\n    kept',
    ]);
  });

  it('leaves a template with a backslash as written', () => {
    const code = "import { css } from 'lit';\nconst a = css`.a::before {\n  content: '\\\\2022';\n}`;";
    assert.equal(minify(code), code);
  });

  it('gives a source map for what it changed', () => {
    const code =
      "import { css } from 'lit';\nconst a = css`\n  .a {\n    color: red;\n  }\n`;\nexport { a };";
    const result = minifyTemplatesIn(code, parseAst(code), 'module.js');
    assert.deepEqual(result.map.sources, ['module.js']);
    assert.ok(result.map.mappings.length > 0);
  });
});

describe('the built core', () => {
  it('carries no runs of indentation in its templates', () => {
    const file = join(projectRoot, 'dist', 'core.js');
    assert.ok(existsSync(file), 'dist/core.js is missing: run `npm run build` first');
    const code = readFileSync(file, 'utf8');
    const texts = templateTexts(code);
    assert.ok(
      texts.some((text) => text.includes(':host{')),
      'the core has minified css',
    );
    const indented = texts.filter((text) => /\n[ \t]{2,}/.test(text) && !/<textarea|<pre/i.test(text));
    assert.deepEqual(indented, []);
  });
});
