#!/usr/bin/env node
// `npm start`: builds when needed, then serves the demo intranet on Kring Server (server/) with
// embedded PGlite, seeded from the demo generator, on http://127.0.0.1:8080 (PORT to change).
// Dev mode: a "sign in as" list on the page picks the colleague you are. `?backend=demo` keeps the
// in-browser backend; `?backend=rest|sharepoint|graph` the server imitations in the page.
// `KRING_STATIC=1 npm start` serves the same pages without Kring Server (the in-browser backend).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildDemoMocksIfNeeded, buildIfNeeded } from './lib/build-if-needed.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { DEMO_CSP, demoDynamic, demoMounts } from './lib/demo-site.mjs';
import { ensureServerDependencies, serverRoot } from './lib/server-deps.mjs';

const port = Number(process.env.PORT ?? 8080);
try {
  buildIfNeeded();
  buildDemoMocksIfNeeded();
  if (process.env.KRING_STATIC !== '1') ensureServerDependencies();
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

if (process.env.KRING_STATIC === '1') {
  let server;
  try {
    server = await startStaticServer({
      port,
      mounts: demoMounts,
      dynamic: demoDynamic,
      headers: { 'content-security-policy': DEMO_CSP },
    });
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(`npm start: port ${port} is in use. Try another one: PORT=8081 npm start`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`Kring demo intranet (in-browser backend): ${server.url}/`);
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => server.close().then(() => process.exit(0)));
} else {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      join(serverRoot, 'bin', 'kring-server.mjs'),
      'serve',
      '--dev',
      '--demo',
      '--port',
      String(port),
      '--prefix',
      '/api/server',
      '--data',
      process.env.KRING_DATA_DIR ?? join(serverRoot, 'kring-data', 'demo'),
    ],
    {
      cwd: serverRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, KRING_PUBLIC_URL: url },
    },
  );
  console.log(`Kring demo intranet on Kring Server: ${url}/ (starting…)`);
  console.log(`Community manager view: ${url}/manager.html`);
  console.log(
    `In-browser backend: ${url}/?backend=demo; server imitations: ?backend=rest (or sharepoint, graph)`,
  );
  console.log('Press Ctrl+C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}
