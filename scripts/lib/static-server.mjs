// A tiny static file server for the demo, the plain-page checks and the benchmarks.
// Binds 127.0.0.1 only. Mounts map URL prefixes to folders; `pages` serve generated HTML.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a URL path names under the mounts (URL prefix → folder, checked in order), a folder's
 * `index.html`, or undefined. Never a file outside a mounted folder.
 * @param {Array<{ prefix: string, dir: string }>} mounts
 * @returns {(pathname: string) => string | undefined}
 */
export function mountedFileFinder(mounts) {
  const roots = mounts.map(({ prefix, dir }) => ({ prefix, dir: resolve(dir) }));
  return (pathname) => {
    for (const { prefix, dir } of roots) {
      if (!pathname.startsWith(prefix)) continue;
      const file = join(dir, normalize(decodeURIComponent(pathname.slice(prefix.length))));
      if (file !== dir && !file.startsWith(dir + sep)) continue;
      if (existsSync(file)) {
        const stats = statSync(file);
        if (stats.isFile()) return file;
        if (stats.isDirectory() && existsSync(join(file, 'index.html'))) return join(file, 'index.html');
      }
    }
    return undefined;
  };
}

/**
 * @param {object} options
 * @param {Array<{ prefix: string, dir: string }>} options.mounts URL prefix (e.g. `/dist/`) → folder.
 *   Checked in order; the first mount whose folder has the file serves it.
 * @param {Record<string, string | { type: string, body: string }>} [options.pages] URL path → generated
 *   content (a string is HTML), served before files.
 * @param {Record<string, string> | ((url: URL) => Record<string, string>)} [options.headers] extra response headers.
 * @param {(url: URL) => { type: string, body: string } | undefined} [options.dynamic] content made per request
 *   (e.g. the demo's imitated profile photos), asked after `pages` and before files.
 * @param {number} [options.port] 0 (default) picks a free port.
 * @param {string} [options.host]
 * @returns {Promise<{ url: string, port: number, setPage(path: string, html: string): void, close(): Promise<void> }>}
 */
export async function startStaticServer({
  mounts,
  pages = {},
  headers = {},
  dynamic,
  port = 0,
  host = '127.0.0.1',
}) {
  const generatedPages = new Map(Object.entries(pages));

  const findFile = mountedFileFinder(mounts);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const extraHeaders = typeof headers === 'function' ? headers(url) : headers;
    const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extraHeaders };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, common).end();
      return;
    }
    const page = generatedPages.get(url.pathname) ?? dynamic?.(url);
    if (page !== undefined) {
      const { type, body } = typeof page === 'string' ? { type: contentTypes['.html'], body: page } : page;
      response.writeHead(200, { ...common, 'content-type': type });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const file = findFile(url.pathname);
    if (!file && url.pathname === '/favicon.ico') {
      // Browsers ask for it on every page; an empty answer keeps consoles free of 404 noise.
      response.writeHead(204, common).end();
      return;
    }
    if (!file) {
      response.writeHead(404, { ...common, 'content-type': contentTypes['.txt'] }).end('Not found');
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { ...common, 'content-type': type });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, resolveListen);
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    setPage(path, content) {
      generatedPages.set(path, content);
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
