// The pictures are meant to look as the elements do in Microsoft 365, where their font stack starts with
// Segoe UI. Segoe UI may not be shipped or installed on Linux, and the fallback here (Liberation Sans, an
// Arial clone) is a grotesque with a different look. So the screenshot page declares a web font named
// "Segoe UI": Open Sans (a devDependency, never in the package), the humanist design Microsoft's own
// open Segoe UI fallback (Selawik) was drawn from, scaled to Segoe UI's average letter width and given its
// ascent and descent, so lines break and boxes size as with Segoe UI. Every machine (Linux, macOS, Windows
// with the real font) then renders the same pictures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/entries.mjs';

export const OPEN_SANS_DIR = join(projectRoot, 'node_modules', '@fontsource', 'open-sans');

/** Font units from each font's tables (as published by Capsize): average lowercase width per weight. */
const SEGOE_UI = { unitsPerEm: 2048, ascent: 2210, descent: 514, widths: { 400: 908, 600: 937, 700: 973 } };
const OPEN_SANS = { unitsPerEm: 2048, widths: { 400: 960, 600: 995, 700: 1030 } };

const percent = (ratio) => `${(ratio * 100).toFixed(2)}%`;

/**
 * `@font-face` rules naming Open Sans "Segoe UI" for the weights the elements use (regular, semibold,
 * bold), Latin and Latin Extended, with the font files under `urlPrefix`.
 */
export function segoeUiStandInCss(urlPrefix) {
  const rules = [];
  for (const weight of [400, 600, 700]) {
    const css = readFileSync(join(OPEN_SANS_DIR, `${weight}.css`), 'utf8');
    const sizeAdjust =
      SEGOE_UI.widths[weight] / SEGOE_UI.unitsPerEm / (OPEN_SANS.widths[weight] / OPEN_SANS.unitsPerEm);
    for (const subset of ['latin', 'latin-ext']) {
      const body = css.match(
        new RegExp(`/\\* open-sans-${subset}-${weight}-normal \\*/\\s*@font-face \\{([^}]*)\\}`),
      )?.[1];
      if (!body) throw new Error(`@fontsource/open-sans has no ${subset} ${weight} face`);
      rules.push(`@font-face {${body
        .replace("font-family: 'Open Sans'", "font-family: 'Segoe UI'")
        .replace('font-display: swap', 'font-display: block')
        .replaceAll('url(./files/', `url(${urlPrefix}files/`)
        .trimEnd()}
  size-adjust: ${percent(sizeAdjust)};
  ascent-override: ${percent(SEGOE_UI.ascent / SEGOE_UI.unitsPerEm / sizeAdjust)};
  descent-override: ${percent(SEGOE_UI.descent / SEGOE_UI.unitsPerEm / sizeAdjust)};
  line-gap-override: 0%;
}`);
    }
  }
  return rules.join('\n');
}
