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
  for (const card of document.querySelectorAll(
    'kring-profile-card, bench-name-card, bench-fetch-card, bench-lit-card, bench-dom-card',
  )) {
    const name = card.shadowRoot?.querySelector('[part~="name"]');
    if (name && name.textContent.trim()) shown += 1;
  }
  return shown;
}

/**
 * Source for a bench page's module: \`watch(check, key)\` sets \`window.__bench[key]\` to the ms from
 * \`startedAt\` until the first animation frame in which \`check()\` counts every card, plus that frame's
 * own style, layout and paint (a message posted from the frame callback runs after them). The page
 * defines \`cards\` and \`startedAt\`.
 */
export function frameTimingSource() {
  return `
const namesShown = ${cardsShowingNames.toString()};
const avatarsShown = ${cardsWithAvatars.toString()};
const afterFrame = (key) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => (window.__bench[key] = performance.now() - startedAt);
  channel.port2.postMessage(0);
};
const watch = (check, key) => {
  const poll = () => (check() === cards ? afterFrame(key) : requestAnimationFrame(poll));
  requestAnimationFrame(poll);
};
`;
}
