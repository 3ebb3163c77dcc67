// A web-test-runner command for tests that need a request to fail as it does offline (the browser
// answers it with net::ERR_INTERNET_DISCONNECTED), e.g. a lazily loaded chunk:
//   await executeServerCommand('fail-requests', { path: '/src/client/outbox.ts' });  // from now on
//   await executeServerCommand('failed-requests');              // { failed }: how many failed so far
//   await executeServerCommand('fail-requests', { path: null });  // stop; { failed } as above
// Only for the page of the test file that asks; the other pages are not touched.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function failRequestsPlugin() {
  /** session id → { path, failed, handler } */
  const routes = new Map();
  return {
    name: 'kring-fail-requests',
    async executeCommand({ command, payload, session }) {
      if (command === 'failed-requests') return { failed: routes.get(session.id)?.failed ?? 0 };
      if (command !== 'fail-requests') return undefined;
      const page = session.browser.getPage(session.id);
      const previous = routes.get(session.id);
      routes.delete(session.id);
      if (previous) await page.unroute(previous.matches, previous.handler);
      if (payload?.path) {
        const route = { path: payload.path, failed: 0 };
        route.matches = (url) => url.pathname === route.path;
        route.handler = (request) => {
          route.failed += 1;
          return request.abort('internetdisconnected');
        };
        routes.set(session.id, route);
        await page.route(route.matches, route.handler);
      }
      return { failed: previous?.failed ?? 0 };
    },
  };
}
