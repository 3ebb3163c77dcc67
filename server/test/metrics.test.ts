/**
 * The server's /metrics are the published definitions (src/metrics) over what it stored: the same
 * figures the in-browser demo computes from the generated data, folding of repeated events included.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateActivity, generateDemoData, generateHistory } from '../../src/backends/demo/seed.js';
import { computeMetrics } from '../../src/metrics/index.js';
import { call, dbLabel, FIXED_NOW, testServer, type TestServer } from './helpers.js';

describe(`metrics on the server (${dbLabel})`, () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({ size: 60 });
  });
  after(() => server.close());

  it('equal the in-browser computation over the same generated data', async () => {
    const data = generateDemoData({ seed: 'kring', size: 60, now: FIXED_NOW });
    const history = generateHistory(data);
    const input = {
      // With their skills, as the demo backend passes them: a searched "power bi" is shown as "Power BI".
      people: data.people.map((person) => ({
        ...person,
        links: [],
        skills: person.skills.map((skill) => ({ ...skill, endorsements: 0, endorsedByMe: false })),
      })),
      events: generateActivity(data, history),
      kudos: history.kudos.map((kudos) => ({ ...kudos, reactions: [] })),
      invites: data.invites,
    };
    for (const month of ['2026-03', '2026-05', '2026-06']) {
      const { memberHistory: _history, ...published } = computeMetrics(input, month);
      const actual = await call(server, 'GET', `/metrics?month=${month}`);
      assert.equal(actual.status, 200);
      assert.deepEqual(actual.body, JSON.parse(JSON.stringify(published)), month);
    }
  });
});
