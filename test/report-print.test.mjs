// The monthly report as management gets it on paper: the demo's community dashboard, the report's own
// Print button, Chromium's print to PDF on A4. Nothing cut off (the department matrix complete, on a
// landscape page of its own), values on one line, no blank pages from the rest of the page, no file
// paths in the footer.
// Run: `npm run build && node --test test/report-print.test.mjs` (npm test does both).
import { describe, it } from 'node:test';
import { useDemoSite } from './helpers/demo-site-browser.mjs';
import assert from 'node:assert/strict';

/** A4 at 96 px per inch, less the report's page margins (14 mm each side): the printable width. */
const MM = 96 / 25.4;
const PORTRAIT_WIDTH = Math.floor((210 - 28) * MM);
const LANDSCAPE_WIDTH = Math.floor((297 - 28) * MM);

/** The page sizes in a PDF, in points, one per page: [width, height]. */
function pdfPageSizes(pdf) {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (match) => [Number(match[1]), Number(match[2])],
  );
}

/** Clicks the report's Print button with the browser's dialog replaced (it would block headless Chromium). */
function pressPrint() {
  window.print = () => {};
  document.querySelector('kring-report').shadowRoot.querySelector('[part~="print"]').click();
}

/** What the printed report shows, measured in the page with print media at the printable width. */
function printedLayout() {
  const report = document.querySelector('kring-report');
  const root = report.shadowRoot;
  const width = (element) => Math.ceil(element.getBoundingClientRect().width);
  const matrix = root.querySelector('table[data-table="matrix"]');
  const lineHeight = parseFloat(getComputedStyle(matrix.querySelector('td')).fontSize) * 1.6;
  const visibleOutside = [...document.body.querySelectorAll('body *')].filter(
    (element) =>
      !element.contains(report) &&
      element !== report &&
      getComputedStyle(element).display !== 'none' &&
      element.getBoundingClientRect().height > 0,
  );
  return {
    reportWidth: width(report),
    tables: [...root.querySelectorAll('table')].map((table) => ({
      name: table.dataset.table ?? table.caption?.textContent.trim(),
      width: width(table),
    })),
    matrixColumns: [...matrix.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim()),
    matrixPage: getComputedStyle(matrix.parentElement).page,
    tallestValueCell: Math.max(
      ...[...root.querySelectorAll('td')].map((td) => td.getBoundingClientRect().height),
    ),
    lineHeight,
    footer: root.querySelector('[part~="footer"]').textContent.trim(),
    visibleOutside: visibleOutside.map((element) => element.tagName.toLowerCase() + '.' + element.className),
  };
}

describe('the printed report (A4)', () => {
  const site = useDemoSite();

  for (const lang of ['en', 'nl']) {
    it(`prints complete, without blank pages or file paths (${lang})`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(`${site.server.url}/manager.html?lang=${lang}`);
        await page.waitForFunction(
          () =>
            document
              .querySelector('kring-report')
              ?.shadowRoot?.querySelector('table[data-table="matrix"] td'),
          null,
          { timeout: 20_000 },
        );
        const departments = await page.evaluate(() =>
          [
            ...document
              .querySelector('kring-report')
              .shadowRoot.querySelectorAll('table[data-table="matrix"] tbody th'),
          ].map((th) => th.textContent.trim()),
        );
        assert.ok(departments.length >= 8, `the demo has a wide matrix (${departments.length} departments)`);

        await page.evaluate(pressPrint);
        const sizes = pdfPageSizes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        // Before: 5 pages, the last ones blank and grey (the hidden rest of the dashboard still took paper).
        assert.ok(sizes.length >= 2 && sizes.length <= 3, `pages: ${sizes.length}`);
        assert.ok(
          sizes.every(([w, h]) => Math.round(Math.min(w, h)) === 595 && Math.round(Math.max(w, h)) === 842),
          'A4',
        );
        assert.equal(
          sizes.filter(([w, h]) => w > h).length,
          1,
          'one landscape page, for the department matrix',
        );

        // page.pdf() ends with "afterprint", which undoes the print state: press Print again to measure it.
        await page.evaluate(pressPrint);
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: PORTRAIT_WIDTH, height: 1100 });
        const layout = await page.evaluate(printedLayout);
        assert.deepEqual(layout.visibleOutside, [], 'nothing but the report is printed');
        for (const table of layout.tables.filter((table) => table.name !== 'matrix'))
          assert.ok(
            table.width <= PORTRAIT_WIDTH,
            `${table.name}: ${table.width}px on a ${PORTRAIT_WIDTH}px page`,
          );
        assert.equal(layout.matrixPage, 'kring-wide');
        assert.deepEqual(layout.matrixColumns, departments, 'every department has its column (Sales too)');
        const matrix = layout.tables.find((table) => table.name === 'matrix');
        assert.ok(
          matrix.width <= LANDSCAPE_WIDTH,
          `matrix: ${matrix.width}px on a ${LANDSCAPE_WIDTH}px page`,
        );
        // "fewer than 5" / "not shown" on one line: no cell is two lines high.
        assert.ok(
          layout.tallestValueCell < layout.lineHeight * 1.9,
          `tallest cell ${layout.tallestValueCell}px, a line ${layout.lineHeight}px`,
        );
        assert.doesNotMatch(layout.footer, /docs\/|\.md\b/, 'a sentence, not a file path');
      } finally {
        await page.close();
      }
    });
  }
});
