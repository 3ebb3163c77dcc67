#!/usr/bin/env node
// Makes sure a Chromium is there for the browser tests and benchmarks. Installs Debian's package
// when running as root; never downloads a test tool's own browser build.
import { spawnSync } from 'node:child_process';
import { chromiumAvailable, chromiumPath } from './lib/chromium.mjs';
import { isMain } from './lib/is-main.mjs';

export function ensureChromium() {
  if (chromiumAvailable()) return chromiumPath();
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      'Chromium is missing at /usr/bin/chromium. Install it with `sudo apt-get install -y chromium` ' +
        '(Debian/Ubuntu), or point CHROME_PATH at a Chromium or Chrome binary.',
    );
  }
  console.log('Chromium is missing: installing Debian’s chromium package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
  }
  if (!chromiumAvailable()) throw new Error('apt-get finished, but /usr/bin/chromium is still missing.');
  return chromiumPath();
}

if (isMain(import.meta.url)) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error(`ensure-chromium: ${error.message}`);
    process.exit(1);
  }
}
