#!/usr/bin/env node
// Regenerates custom-elements.json into a temporary folder with the same analyzer and config,
// and fails when it differs from the committed file (so docs, Storybook controls and IDEs stay true).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './lib/entries.mjs';
import { isMain } from './lib/is-main.mjs';

export function checkManifest(root = projectRoot) {
  // The analyzer joins --outdir onto the working directory, so the scratch folder lives in the project.
  const relativeOutdir = join('node_modules', '.cache', `kring-manifest-check-${process.pid}`);
  const outdir = join(root, relativeOutdir);
  mkdirSync(outdir, { recursive: true });
  try {
    const analyzer = join(root, 'node_modules', '.bin', 'cem');
    const result = spawnSync(
      analyzer,
      ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relativeOutdir, '--quiet'],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0) {
      return { ok: false, message: `cem analyze failed:\n${result.stdout}${result.stderr}` };
    }
    const committedPath = join(root, 'custom-elements.json');
    if (!existsSync(committedPath)) {
      return { ok: false, message: 'custom-elements.json is missing: run `npm run manifest` and commit it.' };
    }
    const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    const committed = readFileSync(committedPath, 'utf8');
    if (fresh !== committed) {
      return { ok: false, message: describeDifference(committed, fresh) };
    }
    const modules = JSON.parse(fresh).modules ?? [];
    const tags = modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    return {
      ok: true,
      message: `custom-elements.json is fresh (${tags.length} elements: ${tags.join(', ')})`,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function describeDifference(committed, fresh) {
  const before = committed.split('\n');
  const after = fresh.split('\n');
  const firstDifferent = after.findIndex((line, index) => line !== before[index]);
  const line = firstDifferent === -1 ? Math.min(before.length, after.length) : firstDifferent;
  return (
    'custom-elements.json is stale: run `npm run manifest` and commit the result.\n' +
    `first difference at line ${line + 1}:\n` +
    `  committed: ${before[line] ?? '(end of file)'}\n` +
    `  fresh:     ${after[line] ?? '(end of file)'}`
  );
}

if (isMain(import.meta.url)) {
  const { ok, message } = checkManifest();
  (ok ? console.log : console.error)(`manifest: ${message}`);
  if (!ok) process.exit(1);
}
