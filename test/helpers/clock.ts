/**
 * The day the tests' demo data ends on. Every test that builds demo data, or reads a date from it,
 * uses this instead of the real clock, so the suite gives the same answers in any year
 * (check with `KRING_TEST_NOW=2031-01-01 npx web-test-runner`, see docs/testing).
 */
export const TEST_NOW = new Date('2026-11-20T10:00:00.000Z');
