// A browser clock set to another day, for proving that no test depends on today's date:
// `KRING_TEST_NOW=2031-01-01 npx web-test-runner`. Only `Date` moves (its start is the given
// moment, then it runs at real speed); timers, `performance.now()` and animation frames are
// untouched, so debounces and timeouts behave as usual.

/** The moment `KRING_TEST_NOW` names, or undefined when it is not set. Throws on a bad value. */
export function fakeNowFromEnv(value = process.env.KRING_TEST_NOW) {
  if (!value) return undefined;
  const moment = Date.parse(value);
  if (Number.isNaN(moment)) throw new Error(`KRING_TEST_NOW=${value} is not a date (use e.g. 2031-01-01).`);
  return moment;
}

/** An init script that shifts `Date` so that the page starts at `startMs`. */
export function fakeClockScript(startMs) {
  return `(() => {
  const RealDate = Date;
  const offset = ${Number(startMs)} - RealDate.now();
  function FakeDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return Reflect.construct(RealDate, args.length ? args : [RealDate.now() + offset], new.target);
  }
  // One prototype, so every date (also from structured clone) is an instance of the new Date.
  FakeDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FakeDate, writable: true, configurable: true });
  FakeDate.now = () => RealDate.now() + offset;
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  globalThis.Date = FakeDate;
})();`;
}
