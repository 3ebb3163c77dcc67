// The packed tarball installed as a consumer would, shared by the consumer tests. The scratch install
// lives in `.consumer/` (git-ignored) and is redone only when the tarball's contents change.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/entries.mjs';

export const scratchRoot = join(projectRoot, '.consumer');
export const appDir = join(scratchRoot, 'app');
export const bin = (name) => join(projectRoot, 'node_modules', '.bin', name);

export function sh(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`.slice(0, 6000),
    );
  }
  return result.stdout;
}

/** Like `sh`, without blocking: resolves with the output, rejects with it when the command fails. */
export function shAsync(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(0, 6000)}`)),
    );
  });
}

/** Packs the project (dist must be built) and installs the tarball into `.consumer/app`. */
export function packAndInstall() {
  mkdirSync(scratchRoot, { recursive: true });
  for (const old of readdirSync(scratchRoot).filter((name) => name.endsWith('.tgz'))) {
    rmSync(join(scratchRoot, old));
  }
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', scratchRoot], projectRoot));
  const tarball = join(scratchRoot, packed.filename);
  const hash = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  const stamp = join(appDir, '.installed-tarball');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    mkdirSync(appDir, { recursive: true });
    writeFileSync(
      join(appDir, 'package.json'),
      `${JSON.stringify({ name: 'kring-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    // A consumer's install: kring from the tarball, its peer lit and its dependencies from the registry
    // (served from npm's cache after the first run).
    sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], appDir);
    writeFileSync(stamp, hash);
  }
  return packed;
}

export const packageDir = () => join(appDir, 'node_modules', 'kring');
