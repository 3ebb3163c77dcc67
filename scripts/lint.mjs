#!/usr/bin/env node
// Project-specific static checks (prettier runs separately in `npm run lint`).
// Each rule names what it forbids and why; a hit prints file:line and fails.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { elementNames, projectRoot } from './lib/entries.mjs';
import { isMain } from './lib/is-main.mjs';

const rules = [
  {
    name: 'no HTML string sinks in src/',
    why: 'user content must go through lit templates as text; strict CSP and Trusted Types forbid these',
    folder: 'src',
    pattern: /\binnerHTML\b|\bouterHTML\s*=|\binsertAdjacentHTML\b|\bunsafeHTML\b|\bunsafeSVG\b/,
  },
  {
    name: 'no eval or new Function in src/',
    why: "the library must run without 'unsafe-eval'",
    folder: 'src',
    pattern: /(?<![\w.$])eval\s*\(|\bnew\s+Function\b/,
  },
  {
    name: 'no style attributes in templates in src/',
    why: "under style-src 'self' every style attribute is a CSP violation (styleMap too: its first render writes the attribute); use classes, or set element.style from code after render",
    folder: 'src',
    pattern: /\sstyle=(?:"|'|\$\{)/,
  },
  {
    name: 'no fetch( in src/elements/',
    why: 'elements talk to this.client; only backend adapters do HTTP',
    folder: join('src', 'elements'),
    pattern: /(?<![\w$])fetch\s*\(/,
  },
  {
    name: 'no .only( or .skip( in test/',
    why: 'focused or skipped tests silently shrink the suite',
    folder: 'test',
    pattern: /\.(only|skip)\s*\(/,
  },
];

const sourceExtensions = /\.(ts|mts|js|mjs)$/;

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  const found = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else if (sourceExtensions.test(name)) found.push(path);
  }
  return found;
}

/** Blanks out comments so that prose such as "never use innerHTML" does not trip a rule. */
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, (_match, before) => before);
}

/**
 * The script-tag core (src/core.ts) defines some elements and lists the rest for its autoloader;
 * an element missing there would silently never load on script-tag pages.
 */
function checkScriptTagCoversElements(root) {
  const files = ['core.ts', 'lazy-elements.ts'].map((name) => join(root, 'src', name)).filter(existsSync);
  if (!files.length) return [];
  const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  return elementNames(root)
    .filter((name) => name !== 'shared' && !text.includes(`/elements/${name}/`))
    .map(
      (name) =>
        `src/core.ts: <kring-${name}> (src/elements/${name}/define.ts) is neither defined nor in the autoloader list, ` +
        'so script-tag pages never load it',
    );
}

/**
 * On script-tag pages a lazily loaded element inside another element's shadow root loads only when the
 * template that renders it asks the autoloader (`requireElement` in src/autoload.ts): the autoloader
 * watches the document, not shadow roots (issue 18). An element's own folder may name its own tag.
 */
export function checkNestedTagsRequired(root) {
  const listFile = join(root, 'src', 'lazy-elements.ts');
  if (!existsSync(listFile)) return [];
  const lazy = new Set([...readFileSync(listFile, 'utf8').matchAll(/'(kring-[a-z-]+)':/g)].map((m) => m[1]));
  const problems = [];
  for (const file of filesUnder(join(root, 'src', 'elements'))) {
    const path = relative(root, file).split(sep).join('/');
    const text = withoutComments(readFileSync(file, 'utf8'));
    const tags = new Set([...text.matchAll(/<(kring-[a-z-]+)/g)].map((m) => m[1]));
    for (const tag of tags) {
      if (!lazy.has(tag) || path.startsWith(`src/elements/${tag.slice('kring-'.length)}/`)) continue;
      if (!text.includes(`requireElement('${tag}')`))
        problems.push(
          `${path}: renders <${tag}>, which the script tag loads on first use, without requireElement('${tag}') ` +
            '(src/autoload.ts): script-tag pages would never load it',
        );
    }
  }
  return problems;
}

/**
 * Which folder may import which (docs/architecture.md). One direction: elements → client → adapters;
 * an element reaches another only through its public events, its tag, or `elements/shared/`.
 */
export const importRules = [
  {
    name: 'elements do not import backends/',
    why: 'elements talk to the client (src/client/types.ts); errors come from src/errors.ts',
    forbids: (from, to) => from.startsWith('src/elements/') && to.startsWith('src/backends/'),
    // The composition root: <kring-community> creates the adapter named by its attributes.
    allowed: (from) => from.startsWith('src/elements/community/'),
  },
  {
    name: 'elements/shared/ does not import element folders',
    why: 'shared code is used by many elements; it cannot depend on one of them',
    forbids: (from, to) =>
      from.startsWith('src/elements/shared/') &&
      to.startsWith('src/elements/') &&
      !to.startsWith('src/elements/shared/'),
  },
  {
    name: 'an element folder imports no other element folder',
    why: 'sibling elements meet through public events, their tag (HTMLElementTagNameMap) or elements/shared/',
    forbids: (from, to) => {
      const source = elementFolder(from);
      const target = elementFolder(to);
      return !!source && !!target && source !== target && source !== 'shared' && target !== 'shared';
    },
    // define.ts registers the elements a template renders (their own define step, a public entry).
    allowed: (from, to) =>
      (from.endsWith('/define.ts') && to.endsWith('/define.ts')) ||
      SHARED_STYLES_PENDING.has(`${from} -> ${to}`),
  },
  {
    name: 'backends/lists/ does not import backends/sharepoint/',
    why: 'the list layer serves SharePoint and Graph alike; its schema lives in backends/lists/',
    forbids: (from, to) =>
      from.startsWith('src/backends/lists/') && to.startsWith('src/backends/sharepoint/'),
  },
];

/**
 * Style sheets shared between elements that still live in one element's folder. They move into
 * src/styles/ with the one token sheet (issue 17, item 5); no new entries.
 */
const SHARED_STYLES_PENDING = new Set([
  'src/elements/ambassador-programme/ambassador-programme.styles.ts -> src/elements/invite/growth-controls.styles.ts',
  'src/elements/welcome/welcome.styles.ts -> src/elements/invite/growth-controls.styles.ts',
  'src/elements/pioneers/pioneers.styles.ts -> src/elements/pulse/pulse.styles.ts',
  'src/elements/report/report.styles.ts -> src/elements/pulse/pulse.styles.ts',
  'src/elements/kudos-composer/kudos-composer.ts -> src/elements/kudos-feed/kudos-feed.styles.ts',
]);

function elementFolder(path) {
  return /^src\/elements\/([^/]+)\//.exec(path)?.[1];
}

/** Relative imports (static, dynamic, re-exports) of one source text, as written. */
export function relativeImports(text) {
  const found = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const match of withoutComments(text).matchAll(pattern)) {
    found.push({ specifier: match[1], line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

/** `from` imports `specifier`: the problems it breaks, as "file:line: rule (why)". Paths are root-relative with `/`. */
export function importProblems(from, specifier, line = 1) {
  const resolved = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
  return importRules
    .filter((rule) => rule.forbids(from, resolved) && !rule.allowed?.(from, resolved))
    .map((rule) => `${from}:${line}: ${rule.name}: imports ${resolved} (${rule.why})`);
}

function checkImportBoundaries(root) {
  const problems = [];
  for (const file of filesUnder(join(root, 'src'))) {
    const from = relative(root, file).split(sep).join('/');
    for (const { specifier, line } of relativeImports(readFileSync(file, 'utf8'))) {
      problems.push(...importProblems(from, specifier, line));
    }
  }
  return problems;
}

export function lint(root = projectRoot) {
  const problems = [
    ...checkScriptTagCoversElements(root),
    ...checkNestedTagsRequired(root),
    ...checkImportBoundaries(root),
  ];
  for (const rule of rules) {
    for (const file of filesUnder(join(root, rule.folder))) {
      const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (rule.pattern.test(line)) {
          problems.push(
            `${relative(root, file).split(sep).join('/')}:${index + 1}: ${rule.name} (${rule.why})`,
          );
        }
      });
    }
  }
  return problems;
}

if (isMain(import.meta.url)) {
  const problems = lint();
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`lint: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`lint: ${rules.length + importRules.length + 2} project rules, no problems`);
}
