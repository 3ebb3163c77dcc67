#!/usr/bin/env node
// `npm test`: everything CI checks, in order, with one summary at the end (`npm run lint` is the
// project rules plus the prettier check; here they are two stages so one run reports both).
// Stages keep going after a failure where they can (so one run shows every problem); stages that
// need the build are marked failed when the build failed. The last line is `N passed, M failed`
// (browser test cases + node test cases + one check per stage), followed by the browser test files that
// failed or hung when there are any, and the exit code is 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { projectRoot } from './lib/entries.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureServerDependencies } from './lib/server-deps.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'kring-test-'));
const env = {
  ...process.env,
  PATH: `${join(projectRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`,
};
const stages = [];

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  return result.status === 0;
}

/** Runs one stage; `body` returns true/false, or `{ ok, passed, failed, detail }` for test stages. */
function stage(name, body) {
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  let outcome;
  try {
    outcome = body();
  } catch (error) {
    outcome = { ok: false, detail: error.message };
  }
  if (typeof outcome === 'boolean') outcome = { ok: outcome };
  const entry = { name, seconds: (Date.now() - started) / 1000, ...outcome };
  stages.push(entry);
  console.log(`━━ ${name}: ${entry.ok ? 'ok' : 'FAILED'}${entry.detail ? ` (${entry.detail})` : ''}`);
  return entry.ok;
}

/** Line coverage from web-test-runner's lcov report, e.g. `84.2%`, or undefined. */
function lineCoverage(lcovFile) {
  if (!existsSync(lcovFile)) return undefined;
  let found = 0;
  let hit = 0;
  for (const line of readFileSync(lcovFile, 'utf8').split('\n')) {
    if (line.startsWith('LF:')) found += Number(line.slice(3));
    else if (line.startsWith('LH:')) hit += Number(line.slice(3));
  }
  return found ? `${((hit / found) * 100).toFixed(1)}%` : undefined;
}

function skipped(name, reason) {
  stages.push({ name, seconds: 0, ok: false, detail: `not run: ${reason}` });
  console.log(`\n━━ ${name}: FAILED (not run: ${reason})`);
}

const chromiumReady = stage('chromium', () => {
  const path = ensureChromium();
  return { ok: true, detail: path };
});
stage('typecheck', () => run('tsc', ['--noEmit', '-p', 'tsconfig.json']));
stage('lint (project rules)', () => run('node', ['scripts/lint.mjs']));
stage('format (prettier)', () => run('npm', ['run', '--silent', 'format:check']));
stage('manifest fresh', () => run('node', ['scripts/manifest-check.mjs']));
stage('REST mock validators fresh', () => run('node', ['scripts/contract-validators.mjs', '--check']));
const built = stage('build', () => run('npm', ['run', '--silent', 'build']));
if (built) stage('size budget', () => run('node', ['scripts/size.mjs']));
else skipped('size budget', 'the build failed');

/** Browser test files with a failure, `{ file, hung }`, named on the last line. */
let failedBrowserFiles = [];
if (chromiumReady) {
  stage('browser tests (web-test-runner, coverage)', () => {
    const resultFile = join(scratch, 'wtr-result.json');
    const ok = run('web-test-runner', ['--config', 'scripts/wtr-ci.config.mjs'], {
      KRING_WTR_RESULT_FILE: resultFile,
    });
    if (!existsSync(resultFile)) return { ok: false, detail: 'the test runner did not finish' };
    const counts = JSON.parse(readFileSync(resultFile, 'utf8'));
    const coverage = lineCoverage(join(projectRoot, 'coverage', 'lcov.info'));
    const failed = counts.failed.length + counts.brokenFiles.length;
    for (const name of [...counts.failed, ...counts.brokenFiles]) console.log(`  ✗ ${name}`);
    failedBrowserFiles = counts.failedFiles ?? [];
    return {
      ok: ok && failed === 0 && failedBrowserFiles.length === 0,
      passed: counts.passed,
      failed,
      detail:
        `${counts.files} files, ${counts.passed} passed, ${failed} failed` +
        `${counts.skipped ? `, ${counts.skipped} skipped` : ''}${coverage ? `, ${coverage} line coverage of the src/ files the tests load` : ''}`,
    };
  });
} else skipped('browser tests (web-test-runner, coverage)', 'no Chromium');

const nodeTests = readdirSync(join(projectRoot, 'test'))
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join('test', name));
/** Runs node:test files as one stage; its test cases count into the summary. */
function nodeTestStage(name, files, extraArgs = []) {
  stage(name, () => {
    const tapFile = join(scratch, `${name.replace(/\W+/g, '-')}.tap`);
    const ok = run('node', [
      '--test',
      ...extraArgs,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ]);
    const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
    const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
    const passed = count('pass');
    const failed = count('fail') + count('cancelled');
    return {
      ok: ok && failed === 0 && passed > 0,
      passed,
      failed: failed || (ok ? 0 : 1),
      detail: `${files.length} files, ${passed} passed, ${failed} failed`,
    };
  });
}

if (!built) skipped('plain-page checks (node)', 'the build failed');
else if (!chromiumReady) skipped('plain-page checks (node)', 'no Chromium');
else if (nodeTests.length) nodeTestStage('plain-page checks (node)', nodeTests);

// The packed tarball in Vite, webpack and esbuild production builds, React/Vue type checks, and every
// snippet of the README and the embedding guides. One file at a time: they share one scratch install.
const consumerStage = 'consumer apps and doc snippets (npm pack → Vite, webpack, esbuild; React, Vue)';
if (!built) skipped(consumerStage, 'the build failed');
else if (!chromiumReady) skipped(consumerStage, 'no Chromium');
else {
  const files = ['consumer.test.mjs', 'doc-snippets.test.mjs'].map((name) => join('test', 'consumer', name));
  nodeTestStage(consumerStage, files, ['--test-concurrency=1']);
}

// The SharePoint Online package (spfx/, Node 22 from the npm registry) and its web parts on a fake page.
const spfxBuilt = built
  ? stage('SPFx package (npm run build:spfx)', () => run('node', ['scripts/build-spfx.mjs']))
  : (skipped('SPFx package (npm run build:spfx)', 'the build failed'), false);
if (!spfxBuilt) skipped('SPFx web parts on a fake SharePoint page (node)', 'no kring.sppkg');
else if (!chromiumReady) skipped('SPFx web parts on a fake SharePoint page (node)', 'no Chromium');
else
  nodeTestStage('SPFx web parts on a fake SharePoint page (node)', [join('test', 'spfx', 'sppkg.test.mjs')]);

// Kring Server (server/, its own package): typecheck, then its suite on PGlite and PostgreSQL.
const serverReady = stage('Kring Server dependencies (server/)', () => {
  ensureServerDependencies();
  return true;
});
if (serverReady) {
  stage('Kring Server typecheck', () => run('tsc', ['--noEmit', '-p', 'server/tsconfig.json']));
  stage('Kring Server tests (PGlite and PostgreSQL)', () => {
    const countsFile = join(scratch, 'server-counts.json');
    const ok = run('node', ['server/scripts/test.mjs', '--counts', countsFile]);
    if (!existsSync(countsFile)) return { ok: false, detail: 'the server tests did not finish' };
    const { passed, failed } = JSON.parse(readFileSync(countsFile, 'utf8'));
    return {
      ok: ok && failed === 0 && passed > 0,
      passed,
      failed,
      detail: `${passed} passed, ${failed} failed`,
    };
  });
} else skipped('Kring Server tests (PGlite and PostgreSQL)', 'its dependencies could not be installed');

rmSync(scratch, { recursive: true, force: true });

// Test stages contribute their test cases; every other stage counts as one check.
let passed = 0;
let failed = 0;
for (const entry of stages) {
  if (entry.passed !== undefined || entry.failed !== undefined) {
    passed += entry.passed ?? 0;
    failed += entry.failed ?? 0;
    if (!entry.ok && !entry.failed) failed += 1;
  } else if (entry.ok) passed += 1;
  else failed += 1;
}

console.log('\nSummary');
const width = Math.max(...stages.map((entry) => entry.name.length));
for (const entry of stages) {
  console.log(
    `  ${entry.ok ? '✓' : '✗'} ${entry.name.padEnd(width)}  ${entry.seconds.toFixed(1).padStart(6)} s  ${entry.detail ?? ''}`,
  );
}
const fileList = failedBrowserFiles.map(({ file, hung }) => `${file}${hung ? ' (hung)' : ''}`).join(', ');
console.log(`${passed} passed, ${failed} failed${fileList ? ` — browser test files: ${fileList}` : ''}`);
process.exit(failed === 0 && stages.every((entry) => entry.ok) ? 0 : 1);
