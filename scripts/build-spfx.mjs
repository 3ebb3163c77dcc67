#!/usr/bin/env node
// `npm run build:spfx`: builds the SharePoint solution in spfx/ into spfx/sharepoint/solution/kring.sppkg.
//
// SPFx 1.23's toolchain (Heft) needs Node 22 (>=22.14 <23). The npm package `node@22` carries that
// binary: it is installed into .tools/node22 (ignored by git) and put first on PATH for the SPFx steps
// only; the rest of the project stays on the Node it runs on. Steps, each skipped when up to date:
// Node 22, the Kring build (dist/ and its type declarations, which the web parts import), the attribute
// arrays the property panes offer, `npm ci` in spfx/, then `heft build` and `heft package-solution`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from './lib/entries.mjs';
import { isStale } from './lib/freshness.mjs';
import { isMain } from './lib/is-main.mjs';
import { writeAttributeModule } from './spfx-attributes.mjs';

const NODE_PACKAGE = 'node@22';
const toolsDir = join(projectRoot, '.tools', 'node22');
const spfxDir = join(projectRoot, 'spfx');
export const sppkgPath = join(spfxDir, 'sharepoint', 'solution', 'kring.sppkg');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}).`);
}

function node22Version(bin) {
  const result = spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

/** The folder holding a Node 22 `node` binary, installed from the npm registry when missing. */
export function ensureNode22() {
  const bin = join(toolsDir, 'node_modules', '.bin');
  if (node22Version(bin).startsWith('v22.')) return bin;
  console.log(`Installing ${NODE_PACKAGE} into .tools/node22 for the SPFx toolchain…`);
  run('npm', ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', '--no-save', NODE_PACKAGE], {
    cwd: projectRoot,
  });
  const version = node22Version(bin);
  if (!version.startsWith('v22.')) throw new Error(`.tools/node22 holds no Node 22 (got "${version}").`);
  return bin;
}

/** Builds Kring itself (bundles and declarations) when dist/ is older than the sources. */
function buildKringIfNeeded() {
  const marker = join(projectRoot, 'dist', 'types', 'core.d.ts');
  const inputs = ['src', 'package.json', 'vite.config.ts', 'tsconfig.build.json'].map((p) =>
    join(projectRoot, p),
  );
  if (!isStale(marker, inputs) && existsSync(join(projectRoot, 'dist', 'core.js'))) return;
  console.log('dist/ is missing or older than src/: npm run build…');
  run('npm', ['run', '--silent', 'build'], { cwd: projectRoot });
}

function installIfNeeded(env) {
  const installed = join(spfxDir, 'node_modules', '.package-lock.json');
  const lock = join(spfxDir, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing the SPFx toolchain (spfx/: npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: spfxDir, env });
}

export function buildSpfx() {
  const started = Date.now();
  const bin = ensureNode22();
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
  buildKringIfNeeded();
  writeAttributeModule();
  installIfNeeded(env);
  const heft = join(spfxDir, 'node_modules', '.bin', 'heft');
  run(heft, ['build', '--clean', '--production'], { cwd: spfxDir, env });
  run(heft, ['package-solution', '--production'], { cwd: spfxDir, env });
  const size = statSync(sppkgPath).size;
  console.log(
    `spfx/sharepoint/solution/kring.sppkg: ${(size / 1024).toFixed(1)} KB, built in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
      `(Node ${node22Version(bin)})`,
  );
}

if (isMain(import.meta.url)) {
  try {
    buildSpfx();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
