#!/usr/bin/env node
// Several Kring Server processes on one PostgreSQL database (DATABASE_URL) behind a round-robin load
// balancer on a loopback port, as docs/server/scale-out.md describes. Used by the scale-out tests, the
// two-window browser test and the load bench; also by hand:
//   server/scripts/with-postgres.sh node server/scripts/cluster.mjs --instances 2 -- --dev --demo
// Prints one line `CLUSTER {"balancer":"http://…","instances":["http://…",…]}` when all are up, and
// stops them when it gets SIGTERM or SIGINT, or when its standard input closes.
import { spawn } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A round-robin HTTP proxy in front of `targets` (base URLs); streams pass through as they come. */
export async function startBalancer(targets) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const counts = targets.map(() => 0);
  let turn = 0;
  const server = createServer((incoming, outgoing) => {
    const index = turn++ % targets.length;
    counts[index] += 1;
    const upstream = request(
      new URL(incoming.url ?? '/', targets[index]),
      { method: incoming.method, headers: incoming.headers, agent },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    counts,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}

/** A free loopback port (asked of the system, then released). */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `count` server processes one after the other (the first runs the migrations and, with
 * `--demo`, seeds), each with `args` and `env` added. Returns their URLs and a stop function.
 */
export async function startInstances(count, args = [], env = {}) {
  const children = [];
  const urls = [];
  for (let index = 0; index < count; index++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [join(serverRoot, 'bin', 'kring-server.mjs'), '--port', String(port), ...args],
      { cwd: serverRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let output = '';
    await new Promise((resolve, reject) => {
      const onData = (chunk) => {
        output += chunk;
        if (output.includes('Kring Server on')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => reject(new Error(`instance ${index + 1} stopped (${code}): ${output}`)));
    });
    child.stdout.resume();
    child.stderr.resume();
    urls.push(`http://127.0.0.1:${port}`);
  }
  return {
    urls,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', resolve);
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--instances');
  const count = at >= 0 ? Number(args[at + 1]) : 2;
  const passOn = args.includes('--') ? args.slice(args.indexOf('--') + 1) : ['--dev', '--demo'];
  if (!process.env.DATABASE_URL) {
    console.error('cluster: set DATABASE_URL (PostgreSQL), e.g. with server/scripts/with-postgres.sh');
    process.exit(2);
  }
  const instances = await startInstances(count, passOn);
  const balancer = await startBalancer(instances.urls);
  console.log(`CLUSTER ${JSON.stringify({ balancer: balancer.url, instances: instances.urls })}`);
  const stop = async () => {
    await balancer.close();
    await instances.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
