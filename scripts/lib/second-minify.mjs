// A second minifier pass (terser) over the script-tag build's emitted files, after rolldown's own.
// Terser's compressor finds what oxc's leaves (issue 18: about 0.15 KB gzip on a page of cards, and
// the same share on every other file); names are already short, so it does not mangle again.
import { minify } from 'terser';

const OPTIONS = {
  module: true,
  ecma: 2022,
  compress: { passes: 2, ecma: 2022 },
  mangle: false,
  format: { comments: false, ecma: 2022 },
};

/** The Vite plugin: replaces each emitted chunk's code (and its source map, chained) with terser's. */
export function secondMinify({ module = true } = {}) {
  return {
    name: 'kring-second-minify',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          ...OPTIONS,
          module,
          sourceMap: chunk.map ? { content: chunk.map, asObject: true } : false,
        });
        chunk.code = result.code;
        if (chunk.map && result.map) Object.assign(chunk.map, result.map);
      }
    },
  };
}
