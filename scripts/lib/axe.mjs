// axe-core in a Playwright page: the story check and the demo-page test look at pages the same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let source;

/**
 * Runs axe on `selector` (default the whole document) in `page` and returns one line per violation:
 * the rule and the nodes it found. axe is injected as a script, so the page's context must allow that
 * (`bypassCSP` where the page sends a strict policy).
 */
export async function axeViolations(page, selector = 'html') {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (context) => {
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }, selector);
}
