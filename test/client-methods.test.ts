/**
 * The client's passed-on reads and its writes are made from tables (`PASSED_ON` in community-client.ts,
 * the write table in write-args.ts): each reaches the adapter with the caller's arguments, and a write is
 * stored with the same argument list next to its typed input.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { CallOptions, WriteOptions } from '../src/backends/backend.js';
import type { CommunityClientApi } from '../src/client/types.js';
import {
  FakeBackend,
  MemoryStorage,
  disposeClients,
  lazyOutboxOptions,
  networkError,
  newClient,
  storedOutboxEntries,
} from './helpers/client-fake-backend.js';

afterEach(disposeClients);

const WRITES: [keyof CommunityClientApi, unknown[], object][] = [
  ['endorseSkill', ['p1', 'TypeScript'], { personId: 'p1', skill: 'TypeScript' }],
  ['unendorseSkill', ['p1', 'TypeScript'], { personId: 'p1', skill: 'TypeScript' }],
  ['giveKudos', [{ to: ['p2'], message: 'Dank' }], { to: ['p2'], message: 'Dank' }],
  ['react', ['k1', 'thanks', true], { kudosId: 'k1', reaction: 'thanks', on: true }],
  ['sendInvite', [{ email: 'a@example.org' }], { email: 'a@example.org' }],
  ['resendInvite', ['i1'], { inviteId: 'i1' }],
  ['revokeInvite', ['i2'], { inviteId: 'i2' }],
  ['createInviteLink', [], {}],
  ['respondToInvite', ['t1', false], { token: 't1', accept: false }],
  ['chooseAmbassadorRoles', [['host', 'mentor']], { roles: ['host', 'mentor'] }],
  ['recordEvidence', [{ personId: 'p3' }], { personId: 'p3' }],
  ['awardBadge', [{ personId: 'p4' }], { personId: 'p4' }],
  ['revokeBadge', ['b1'], { badgeId: 'b1' }],
];

const READS: [keyof CommunityClientApi, unknown[]][] = [
  ['suggestSkills', ['Typ']],
  ['listKudos', [{ limit: 3 }]],
  ['listReactors', ['k1', 'thanks']],
  ['kudosValues', []],
  ['listInvites', [{ status: 'pending' }]],
  ['inviteQuota', []],
  ['lookupInvite', ['t1']],
  ['inviteTree', ['p1']],
  ['ambassadorProfile', ['p1']],
  ['listBadges', ['p1']],
  ['metrics', [{ month: '2026-11' }]],
  ['pioneers', [{ limit: 5 }]],
];

type Method = (...args: unknown[]) => Promise<unknown>;

describe('CommunityClient: methods made from tables', () => {
  it('every write reaches the adapter with the caller’s arguments and an idempotency key', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    for (const [name, args] of WRITES) {
      await (client[name] as Method)(...args).catch(() => undefined);
      const calls = backend.calls(name as Parameters<FakeBackend['calls']>[0]);
      expect(calls, name).to.have.length(1);
      expect(calls[0].args.slice(0, -1), name).to.deep.equal(args);
      expect((calls[0].args.at(-1) as WriteOptions).idempotencyKey, name).to.be.a('string');
    }
  });

  it('a write made before the outbox code arrives is stored with its typed input and the same argument list', async () => {
    const storage = new MemoryStorage();
    const backend = new FakeBackend();
    for (const [name] of WRITES)
      backend.failAlways(name as Parameters<FakeBackend['calls']>[0], networkError());
    const client = newClient(backend, lazyOutboxOptions(storage));
    for (const [name, args] of WRITES) void (client[name] as Method)(...args).catch(() => undefined);
    const stored = storedOutboxEntries(storage) as unknown as {
      kind: string;
      input: object;
      args: unknown[];
    }[];
    expect(stored.map(({ kind, input, args }) => [kind, args, input])).to.deep.equal(WRITES);
    await waitUntil(() => client.outbox().every((entry) => entry.state === 'waiting'));
  });

  it('every passed-on read reaches the adapter with the caller’s arguments and a signal, and is cached', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    for (const [name, args] of READS) {
      const method = client[name] as Method;
      await method.call(client, ...args);
      await method.call(client, ...args);
      const calls = backend.calls(name as Parameters<FakeBackend['calls']>[0]);
      expect(calls, `${name}: once, then from the cache`).to.have.length(1);
      expect(calls[0].args.slice(0, -1), name).to.deep.equal(args);
      expect((calls[0].args.at(-1) as CallOptions).signal, name).to.be.instanceOf(AbortSignal);
    }
  });
});
