// Measuring a bench page as a first visit: a fresh browser context per run.

/**
 * Opens `url` in a fresh browser context (empty storage and caches, as on a first visit), waits until
 * `ready` (run in the page) holds, reads `figures` (run in the page) and closes the context.
 * Returns the figures and a note naming the page errors seen, empty when there were none.
 */
export async function measureFreshPage(browser, url, { ready, figures, polling }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(ready, undefined, { timeout: 60_000, ...(polling ? { polling } : {}) });
    const measured = await page.evaluate(figures);
    return { figures: measured, errorNote: errors.length ? `, page errors: ${errors.join('; ')}` : '' };
  } finally {
    await context.close();
  }
}

/** The middle value (the upper one of the two middles for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
