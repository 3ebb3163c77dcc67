// A bench page that runs msw in the browser: bundles an entry written against the sources (esbuild),
// serves it with msw's worker, and gives the HTML page that loads it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { script } from './pages.mjs';

/** Publishes `/<name>.html` running `entry` (TypeScript source) as a module. */
export async function publishMswPage({ server, projectRoot, name, title, entry }) {
  const bundle = await build({
    stdin: { contents: entry, resolveDir: projectRoot, loader: 'ts', sourcefile: `${name}-entry.ts` },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: join(projectRoot, 'tsconfig.json'),
    logLevel: 'silent',
  });
  server.setPage(`/${name}.js`, script(bundle.outputFiles[0].text));
  server.setPage(
    '/mockServiceWorker.js',
    script(readFileSync(join(projectRoot, 'public/mockServiceWorker.js'), 'utf8')),
  );
  server.setPage(
    `/${name}.html`,
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title}</title>
    <script type="module" src="/${name}.js"></script>
  </head>
  <body></body>
</html>`,
  );
}

/** Runs in the page: how many Kring cards show their photo or their initials (no photo on its way). */
export function cardsWithAvatars() {
  let shown = 0;
  for (const card of document.querySelectorAll('kring-profile-card')) {
    const avatar = card.shadowRoot?.querySelector('[part~="avatar"]');
    if (avatar && !avatar.matches('.photo-pending, .skeleton')) shown += 1;
  }
  return shown;
}

/** Runs in the page: how many cards (Kring's, or the floor's trivial element) show a name. */
export function cardsShowingNames() {
  let shown = 0;
  for (const card of document.querySelectorAll('kring-profile-card, bench-name-card, bench-fetch-card')) {
    const name = card.shadowRoot?.querySelector('[part~="name"]');
    if (name && name.textContent.trim()) shown += 1;
  }
  return shown;
}
