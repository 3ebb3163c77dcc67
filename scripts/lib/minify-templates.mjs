// Minifies lit's tagged templates in the library builds: the JavaScript minifier leaves template text
// as it is, and the sources' indentation, comments and readable CSS are about 3 KB of the core alone.
//
// - `css`: minified by Lightning CSS (what Vite minifies CSS with). An expression becomes a placeholder
//   that the minifier keeps: `@kring-slot-N;` where a rule or block may stand (`${tokens}`), an ident
//   `kring-slot-N` elsewhere (a value); if the placeholders do not come back in order, or Lightning CSS
//   cannot parse the text, the template is left as it was and the build prints a warning.
// - `html` and `svg`: only what cannot change what a user sees. Comments go (those without an
//   expression inside); a run of whitespace that holds a line break becomes one line break, which renders
//   the same in normal flow and under `white-space: pre-line`. Nothing inside `<pre>` or `<textarea>`
//   is touched. Whitespace between tags is kept: between inline elements it is a visible space.
// Templates with a backslash are left alone (their raw text and their value differ).
import MagicString from 'magic-string';
import { transform } from 'lightningcss';

// The tags, by the name lit exports them under (`lit`, `lit/static-html.js`, ...); a module may import
// them under another name (`import { html as staticHtml } from 'lit/static-html.js'`).
const KINDS = { css: 'css', html: 'html', svg: 'html' };
const LIT_MODULE = /^(?:lit|lit-html|lit-element|@lit\/[\w-]+)(?:\/|$)/;
// Never in a template's raw text: stands for an expression while a template is rewritten.
const EXPRESSION = '\u0000';

/** The ESTree nodes below `node`, depth first. */
function* walk(node) {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop();
    yield current;
    for (const value of Object.values(current)) {
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') stack.push(item);
      } else if (value && typeof value.type === 'string') stack.push(value);
    }
  }
}

/** Whether a placeholder before this text stands where a rule or a block's content may. */
function atStatementStart(cssBefore) {
  const text = cssBefore.replace(/\/\*[\s\S]*?\*\//g, '').trimEnd();
  return text === '' || /[{};]$/.test(text);
}

/**
 * The minified text of a `css` template's parts (the text between its expressions), as parts again;
 * undefined when it cannot be minified safely.
 */
export function minifyCssParts(parts) {
  let text = '';
  parts.forEach((part, index) => {
    text += part;
    if (index < parts.length - 1)
      text += atStatementStart(text) ? `@kring-slot-${index};` : `kring-slot-${index}`;
  });
  let minified;
  try {
    minified = transform({ filename: 'template.css', code: Buffer.from(text), minify: true }).code.toString();
  } catch {
    return undefined;
  }
  const result = [];
  let last = 0;
  let expected = 0;
  for (const match of minified.matchAll(/@kring-slot-(\d+);|kring-slot-(\d+)/g)) {
    if (Number(match[1] ?? match[2]) !== expected++) return undefined;
    result.push(minified.slice(last, match.index));
    last = match.index + match[0].length;
  }
  result.push(minified.slice(last));
  if (result.length !== parts.length || result.some((part) => /[`\\]|\$\{/.test(part))) return undefined;
  return result;
}

/** An `html`/`svg` template's parts with comments and indentation gone (see the top of this file). */
export function minifyHtmlParts(parts) {
  const text = parts.join(EXPRESSION);
  const kept = /<(pre|textarea)\b[^>]*>[\s\S]*?<\/\1/gi;
  let result = '';
  let last = 0;
  const squeeze = (html) =>
    html
      .replace(/<!--[\s\S]*?-->/g, (comment) => (comment.includes(EXPRESSION) ? comment : ''))
      .replace(/[ \t\r]*\n[ \t\r\n]*/g, '\n');
  for (const match of text.matchAll(kept)) {
    result += squeeze(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  result += squeeze(text.slice(last));
  return result.split(EXPRESSION);
}

/** The local names of lit's template tags a module imports, each with its kind (`css` or `html`). */
function templateTags(program) {
  const tags = new Map();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || !LIT_MODULE.test(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      const imported = specifier.type === 'ImportSpecifier' ? specifier.imported.name : undefined;
      if (Object.hasOwn(KINDS, imported)) tags.set(specifier.local.name, KINDS[imported]);
    }
  }
  return tags;
}

/**
 * `code` with its lit templates minified, and a source map for the change; null when nothing changed.
 * `program` is the module's ESTree (positions are offsets into `code`); `warn` hears of templates left
 * as they were.
 */
export function minifyTemplatesIn(code, program, fileName, warn = () => {}) {
  const tags = templateTags(program);
  if (tags.size === 0) return null;
  const output = new MagicString(code);
  let changed = false;
  for (const node of walk(program)) {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
    const kind = tags.get(node.tag.name);
    if (!kind) continue;
    const isCss = kind === 'css';
    const quasis = node.quasi.quasis;
    const parts = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
    if (parts.some((part, index) => part !== quasis[index].value.raw || part.includes('\\'))) continue;
    const minified = isCss ? minifyCssParts(parts) : minifyHtmlParts(parts);
    if (!minified) {
      const line = code.slice(0, node.start).split('\n').length;
      warn(`${fileName}:${line}: this css template is left as written (Lightning CSS could not minify it)`);
      continue;
    }
    quasis.forEach((quasi, index) => {
      if (minified[index] === parts[index]) return;
      if (quasi.start === quasi.end) output.appendLeft(quasi.start, minified[index]);
      else output.overwrite(quasi.start, quasi.end, minified[index]);
      changed = true;
    });
  }
  if (!changed) return null;
  return { code: output.toString(), map: output.generateMap({ source: fileName, hires: true }) };
}

/** The Vite plugin: minifies the templates of Kring's own modules (`src/`), after TypeScript. */
export function minifyTemplates() {
  return {
    name: 'kring-minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!/[\\/]src[\\/][^?]*\.ts$/.test(id) || !code.includes('`')) return null;
      return minifyTemplatesIn(code, this.parse(code), id, (message) => this.warn(message));
    },
  };
}
