/**
 * `npx kring-server` outside this repository: the package is packed (`npm pack`, which builds the bundle),
 * installed into an empty folder with its npm dependencies only, and started from there on PGlite; it
 * must import a directory file and answer requests the contract accepts. Once, on the PGlite pass.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertContract, onPostgres, type CallResult } from './helpers.js';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: '' } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

if (!onPostgres)
  describe('the packed kring-server, installed outside the repository', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kring-server-pack-'));
    const project = join(scratch, 'site');
    let child: ChildProcess | undefined;
    let output = '';

    before(() => {
      // The prepack build prints a line first; the JSON follows.
      const out = run(npm, ['pack', '--json', '--pack-destination', scratch], serverRoot);
      const [packed] = JSON.parse(out.slice(out.indexOf('['))) as {
        filename: string;
        files: { path: string }[];
      }[];
      const paths = packed.files.map((file) => file.path);
      assert.ok(paths.includes('dist/cli.mjs') && paths.includes('dist/openapi.yaml'), paths.join());
      assert.ok(paths.includes('migrations/001_init.sql'), paths.join());
      assert.ok(!paths.some((path) => path.startsWith('src/') || path.startsWith('test/')), paths.join());
      mkdirSync(project);
      run(npm, ['init', '-y'], project);
      run(
        npm,
        ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, packed.filename)],
        project,
      );
    });
    after(() => {
      if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
      rmSync(scratch, { recursive: true, force: true });
    });

    it('imports people and serves the contract on PGlite', async () => {
      const bin = join(project, 'node_modules', '.bin', 'kring-server');
      const data = join(scratch, 'data');
      const people = join(scratch, 'people.json');
      writeFileSync(
        people,
        JSON.stringify([
          {
            id: 'ada',
            name: 'Ada Lovelace',
            email: 'ada@example.com',
            department: 'Research',
            isMember: true,
          },
        ]),
      );
      assert.match(run(bin, ['import', people, '--data', data], project), /1 people imported/);
      const port = await freePort();
      child = spawn(bin, ['--dev', '--port', String(port), '--data', data], { cwd: project });
      // Until it says it listens, or stops.
      await new Promise<void>((resolve, reject) => {
        const seen = (chunk: Buffer) => {
          output += chunk;
          if (output.includes('Kring Server on ')) resolve();
        };
        child!.stdout!.on('data', seen);
        child!.stderr!.on('data', seen);
        child!.once('exit', () => reject(new Error(`kring-server stopped:\n${output}`)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/api/kring/me`, {
        headers: { 'x-kring-dev-user': 'ada' },
      });
      const result: CallResult = {
        status: response.status,
        body: await response.json(),
        headers: {},
      };
      assert.equal(result.status, 200, JSON.stringify(result.body));
      assert.equal(result.body.name, 'Ada Lovelace');
      assertContract('currentUser', result);
    });
  });
