/**
 * One retry layer: a read that keeps failing makes at most 4 attempts in all, whichever adapter and
 * whichever way it was created (the attribute factories, `Kring.configure({ backend })`, the SPFx
 * snippet's direct `create…Backend` call).
 */
import { expect } from '@open-wc/testing';
import type { Backend } from '../src/backends/backend.js';
import { createGraphBackend } from '../src/backends/graph/graph-backend.js';
import { graphBackendFactory } from '../src/backends/graph/index.js';
import { createRestBackend, restBackendFactory } from '../src/backends/rest/index.js';
import { createSharePointBackend, sharePointBackendFactory } from '../src/backends/sharepoint/index.js';
import { createClient } from '../src/client/community-client.js';
import { rejection } from './helpers/assertions.js';

/** A server that answers every request with 503, counting them. */
function failingFetch() {
  const seen: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return new Response(JSON.stringify({ code: 'down', message: 'Down for maintenance' }), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const getToken = async () => 'token';
// The outbox code loads when needed (as under <kring-community>): loaded at start it checks the user
// with its own retries while the read below is counted.
const fastClient = {
  storage: null,
  eventTarget: null,
  backoffBaseMs: 1,
  backoffMaxMs: 2,
  tracking: false,
  loadOutbox: 'when-needed',
} as const;

async function attemptsForOneRead(backend: Backend, seen: string[], read: 'person' | 'listKudos') {
  const client = createClient(backend, fastClient);
  try {
    await client.currentUser().catch(() => undefined); // the user check of the outbox is not counted
    seen.length = 0;
    const error = await rejection(
      read === 'person' ? client.person('someone@example.nl') : client.listKudos({}),
    );
    expect(error.kind).to.be.oneOf(['server', 'throttled']);
    return seen.length;
  } finally {
    client.dispose();
    backend.dispose?.();
  }
}

describe('One retry layer: at most 4 attempts per failing read', () => {
  const cases: [string, () => { backend: Backend | Promise<Backend>; seen: string[] }][] = [
    [
      'rest (attribute)',
      () => {
        const { fetch, seen } = failingFetch();
        return { backend: restBackendFactory({ endpoint: '/api/kring', fetch }), seen };
      },
    ],
    [
      'rest (Kring.configure / direct)',
      () => {
        const { fetch, seen } = failingFetch();
        return { backend: createRestBackend({ endpoint: '/api/kring', fetch }), seen };
      },
    ],
    [
      'sharepoint (attribute)',
      () => {
        const { fetch, seen } = failingFetch();
        return {
          backend: sharePointBackendFactory({ siteUrl: 'https://contoso.example/sites/i', fetch }),
          seen,
        };
      },
    ],
    [
      'sharepoint (SPFx snippet)',
      () => {
        const { fetch, seen } = failingFetch();
        return {
          backend: createSharePointBackend({ siteUrl: 'https://contoso.example/sites/i', fetch }),
          seen,
        };
      },
    ],
    [
      'graph (attribute)',
      () => {
        const { fetch, seen } = failingFetch();
        return {
          backend: graphBackendFactory({ getToken, fetch, siteUrl: 'contoso.example:/sites/i' }),
          seen,
        };
      },
    ],
    [
      'graph (SPFx snippet)',
      () => {
        const { fetch, seen } = failingFetch();
        return {
          backend: createGraphBackend({ getToken, fetch, sites: { community: 'contoso.example:/sites/i' } }),
          seen,
        };
      },
    ],
  ];
  for (const [name, make] of cases) {
    it(`${name}: a profile card read and a kudos read`, async () => {
      for (const read of ['person', 'listKudos'] as const) {
        const { backend, seen } = make();
        const attempts = await attemptsForOneRead(await backend, seen, read);
        expect(attempts, `${name} ${read}: ${seen.join(', ')}`).to.be.within(1, 4);
      }
    });
  }
});
