#!/usr/bin/env node
// The server suite on both databases: PGlite (in memory) and a throwaway PostgreSQL cluster
// (scripts/with-postgres.sh). Prints `N passed, M failed` last; with `--counts FILE` also writes
// { passed, failed } as JSON for the repository's `npm test`. While working on one part:
// `node scripts/test.mjs [--db pglite|postgres] [test/rules.test.ts …]` runs only those files/databases.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const countsAt = process.argv.indexOf('--counts');
const countsFile = countsAt > 0 ? process.argv[countsAt + 1] : undefined;
const dbAt = process.argv.indexOf('--db');
const onlyDb = dbAt > 0 ? process.argv[dbAt + 1] : undefined;
if (onlyDb !== undefined && !['pglite', 'postgres'].includes(onlyDb)) {
  console.error(`--db takes pglite or postgres, not ${onlyDb}`);
  process.exit(2);
}
const optionValues = new Set([countsAt, dbAt].filter((at) => at > 0).map((at) => at + 1));
const chosenFiles = process.argv
  .slice(2)
  .filter((arg, index) => !arg.startsWith('--') && !optionValues.has(index + 2))
  .map((arg) => join('test', arg.replace(/^(server\/)?test\//, '')));
const scratch = mkdtempSync(join(tmpdir(), 'kring-server-test-'));
const files = chosenFiles.length
  ? chosenFiles
  : readdirSync(join(serverRoot, 'test'))
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => join('test', name));

function suite(label, prefix, env) {
  const tap = join(scratch, `${label}.tap`);
  console.log(`\n── Kring Server tests on ${label}`);
  const result = spawnSync(
    prefix[0] ?? process.execPath,
    [
      ...prefix.slice(1),
      ...(prefix.length ? [process.execPath] : []),
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: serverRoot, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let text = '';
  try {
    text = readFileSync(tap, 'utf8');
  } catch {
    // No report: the run could not start (counted as one failure below).
  }
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if (result.status !== 0 && failed === 0) failed = 1;
  if (result.status === 3) console.log('PostgreSQL is not installed: apt-get install -y postgresql');
  console.log(`── ${label}: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

const runs = [
  onlyDb !== 'postgres' && suite('PGlite', [], { KRING_TEST_DB: 'pglite' }),
  onlyDb !== 'pglite' &&
    suite('PostgreSQL', [join(serverRoot, 'scripts', 'with-postgres.sh')], { KRING_TEST_DB: 'postgres' }),
].filter(Boolean);
rmSync(scratch, { recursive: true, force: true });
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, 0);
if (countsFile) writeFileSync(countsFile, JSON.stringify({ passed, failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
