// web-test-runner config for `npm test`: the project config plus coverage and a reporter that
// writes the test counts to a file, so the summary does not depend on parsing terminal output.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import baseConfig from '../web-test-runner.config.mjs';
import { hungFiles } from '../test/helpers/hang-watchdog.mjs';

const resultFile = process.env.KRING_WTR_RESULT_FILE;

function countTests(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed.push(`${suite.name ? `${suite.name} › ` : ''}${test.name}`);
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, skipped: 0, failed: [], files: 0, brokenFiles: [], failedFiles: [] };
      for (const session of sessions) {
        counts.files += 1;
        const failedBefore = counts.failed.length;
        countTests(session.testResults, counts);
        // Every file with a failure, for the last line of `npm test`; `hung` when the watchdog stopped it
        // or the runner gave up waiting for it.
        const file = relative(process.cwd(), session.testFile);
        const hung =
          hungFiles.has(session.testFile) ||
          (session.errors ?? []).some((error) =>
            /did not (finish|start)|unable to create and start/.test(error.message),
          );
        if (hung || !session.passed || counts.failed.length > failedBefore)
          counts.failedFiles.push({ file, hung });
        // A file that fails to load, or throws outside a test, has errors but maybe no failing test.
        const errors = session.errors ?? [];
        if (errors.length || (!session.passed && !session.testResults)) {
          const reason = errors.map((error) => error.message).join('; ') || 'no test results';
          counts.brokenFiles.push(`${session.testFile}: ${reason}`);
        }
      }
      if (resultFile) writeFileSync(resultFile, JSON.stringify(counts, null, 2));
    },
  };
}

// KRING_TEST_FILES=test/a.test.ts,test/b.test.ts narrows the run (for checking the pipeline itself).
const onlyFiles = process.env.KRING_TEST_FILES?.split(',').filter(Boolean);

export default {
  ...baseConfig,
  ...(onlyFiles?.length ? { files: onlyFiles } : {}),
  coverage: true,
  reporters: [...baseConfig.reporters, countingReporter()],
};
