// The demo site under its CSP and one Chromium, for node tests that drive the demo pages: call inside a
// `describe`; the returned object holds `server` and `browser` once the suite's `before` has run.
import { after, before } from 'node:test';
import { buildDemoMocksIfNeeded } from '../../scripts/lib/build-if-needed.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { DEMO_CSP, demoDynamic, demoMounts } from '../../scripts/lib/demo-site.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

export function useDemoSite() {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    buildDemoMocksIfNeeded();
    site.server = await startStaticServer({
      mounts: demoMounts,
      dynamic: demoDynamic,
      headers: { 'content-security-policy': DEMO_CSP },
    });
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
