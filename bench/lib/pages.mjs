// Helpers for benchmark pages: plain HTML that loads the script-tag bundle, like an intranet page.

/** A page that loads `/dist/kring.iife.js` and then the given external scripts, with `body` as markup. */
export function scriptTagPage({ title, scripts = [], body }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <script src="/dist/kring.iife.js"></script>
    ${scripts.map((src) => `<script src="${src}"></script>`).join('\n    ')}
  </head>
  <body>
${body}
  </body>
</html>`;
}

/** JavaScript served as a file: pages stay free of inline scripts. */
export function script(body) {
  return { type: 'text/javascript; charset=utf-8', body };
}
