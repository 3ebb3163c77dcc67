#!/usr/bin/env node
// `npm start`: builds when needed, then serves the demo intranet (demo/) and the build (dist/)
// on http://127.0.0.1:8080 (PORT to change). Works offline: the demo backend runs in the browser.
import { buildDemoMocksIfNeeded, buildIfNeeded } from './lib/build-if-needed.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { DEMO_CSP, demoDynamic, demoMounts } from './lib/demo-site.mjs';

try {
  buildIfNeeded();
  buildDemoMocksIfNeeded();
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
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

console.log(`Kring demo intranet: ${server.url}/`);
console.log(`Community manager view: ${server.url}/manager.html`);
console.log(
  `Same page on the REST, SharePoint or Graph adapter: ${server.url}/?backend=rest (or sharepoint, graph)`,
);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
