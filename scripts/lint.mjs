#!/usr/bin/env node
// Project-specific static checks (prettier runs separately in `npm run lint`).
// Each rule names what it forbids and why; a hit prints file:line and fails.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

export function lint(root = projectRoot) {
  const problems = checkScriptTagCoversElements(root);
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
  console.log(`lint: ${rules.length + 1} project rules, no problems`);
}
