import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { fakeClockScript, fakeNowFromEnv } from './test/helpers/fake-clock.mjs';
import { failRequestsPlugin } from './test/helpers/fail-requests.mjs';
import { hangLimit, hangWatchdog, hangWatchdogPlugin } from './test/helpers/hang-watchdog.mjs';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
// KRING_TEST_NOW=2031-01-01 runs the suite with the browser's clock starting on that day.
const fakeNow = fakeNowFromEnv();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 600_000,
  // A budget, not a wait: heavy tests (demo metrics plus axe on two elements) took over 10 s on a
  // 2-core machine running other suites beside this one. Tests themselves wait on conditions.
  testFramework: { config: { timeout: 30_000 } },
  // A file in which no test finishes for 60 s (KRING_WTR_HANG_MS) is reported with its stack and failed.
  // The runner's own start timeouts come later, so a page stuck while loading gets that report too.
  reporters: [defaultReporter(), hangWatchdog()],
  browserStartTimeout: hangLimit + 30_000,
  testsStartTimeout: hangLimit + 30_000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    failRequestsPlugin(),
    hangWatchdogPlugin(),
  ],
  // msw's worker must be served from the root scope.
  middleware: [
    function serveMswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
      async createBrowserContext({ browser }) {
        const context = await browser.newContext();
        if (fakeNow !== undefined) await context.addInitScript({ content: fakeClockScript(fakeNow) });
        return context;
      },
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
  },
};
