import { expect } from '@open-wc/testing';
import { checkKudos, DEFAULT_DAILY_LIMIT, type FairnessContext } from '../src/kudos/fairness.js';
import { DAY_MS } from '../src/time.js';
import { explainKudosError } from '../src/kudos/errors.js';
import { BackendError } from '../src/errors.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { TEST_NOW } from './helpers/clock.js';

const now = Date.parse('2026-10-14T12:00:00.000Z');
const base: FairnessContext = { giverId: 'me', givenByGiver: [], now };
const codes = (context: Partial<FairnessContext>, input: Parameters<typeof checkKudos>[0]) =>
  checkKudos(input, { ...base, ...context }).map((violation) => violation.code);

describe('kudos fairness rules (pure)', () => {
  it('refuses kudos to yourself, without receivers, or without a message', () => {
    expect(codes({}, { to: ['me'], message: 'hi' })).to.deep.equal(['kudos.self']);
    expect(codes({}, { to: [], message: 'hi' })).to.deep.equal(['kudos.no-receiver']);
    expect(codes({}, { to: ['anna'], message: '   ' })).to.deep.equal(['kudos.message']);
    expect(codes({}, { to: ['anna'], message: 'x'.repeat(2001) })).to.deep.equal(['kudos.message']);
    expect(
      codes({}, { to: ['anna'], message: '🎉'.repeat(500) }),
      'counts characters, not UTF-16 units',
    ).to.deep.equal([]);
    expect(codes({}, { to: Array.from({ length: 11 }, (_, i) => `p${i}`), message: 'hi' })).to.deep.equal([
      'kudos.too-many',
    ]);
  });

  it('allows 3 kudos per giver → receiver per 24 hours by default, per receiver', () => {
    expect(DEFAULT_DAILY_LIMIT).to.equal(3);
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
    const given = [
      { to: ['anna'], createdAt: at(1) },
      { to: ['anna', 'bram'], createdAt: at(5) },
      { to: ['anna'], createdAt: at(23) },
      { to: ['bram'], createdAt: at(25) }, // older than 24 hours: does not count
    ];
    const atLimit = checkKudos({ to: ['bram', 'anna'], message: 'hi' }, { ...base, givenByGiver: given });
    expect(atLimit).to.deep.equal([{ code: 'kudos.daily-limit', receivers: ['anna'] }]);
    expect(codes({ givenByGiver: given }, { to: ['bram'], message: 'hi' })).to.deep.equal([]);
    expect(codes({ givenByGiver: given, dailyLimit: 4 }, { to: ['anna'], message: 'hi' })).to.deep.equal([]);
    expect(codes({ givenByGiver: given, now: now + DAY_MS }, { to: ['anna'], message: 'hi' })).to.deep.equal(
      [],
    );
  });

  it('checks values and receivers when the backend knows them', () => {
    const context = { values: ['Samen sterk'], personExists: (id: string) => id !== 'ghost' };
    expect(codes(context, { to: ['anna'], value: 'Samen sterk', message: 'hi' })).to.deep.equal([]);
    expect(codes(context, { to: ['ghost'], value: 'Snel', message: 'hi' })).to.deep.equal([
      'kudos.unknown-person',
      'kudos.value',
    ]);
  });

  it('explains backend refusals in the user’s terms', () => {
    const refusal = (code: string) => new BackendError('invalid', 'no', { code });
    expect(explainKudosError(refusal('kudos.self')).key).to.equal('error.self');
    expect(explainKudosError(refusal('kudos.daily-limit')).key).to.equal('error.dailyLimit');
    expect(explainKudosError(refusal('kudos.too-many')).params.max).to.equal(10);
    const unknown = explainKudosError(new BackendError('invalid', 'Nope, said the server.'));
    expect(unknown).to.deep.include({
      key: 'error.invalid',
      reason: 'Nope, said the server.',
      fixable: true,
    });
    expect(explainKudosError(new BackendError('network', 'offline'))).to.deep.include({
      key: 'error.generic',
      transient: true,
    });
  });
});

describe('kudos fairness rules in the demo backend', () => {
  let clock = Date.parse('2026-10-14T09:00:00.000Z');
  const keys = { next: 0 };
  const write = () => ({ idempotencyKey: `fair-${keys.next++}` });

  async function refusal(promise: Promise<unknown>): Promise<BackendError> {
    try {
      await promise;
    } catch (error) {
      return error as BackendError;
    }
    throw new Error('expected a refusal');
  }

  it('refuses kudos to yourself with kind invalid and code kudos.self', async () => {
    const demo = createDemoBackend({ storage: null, now: () => new Date(clock) });
    const error = await refusal(demo.giveKudos({ to: [demo.demo.currentUserId], message: 'me!' }, write()));
    expect(error.kind).to.equal('invalid');
    expect(error.code).to.equal('kudos.self');
  });

  it('enforces the daily limit per receiver (default 3, configurable) and frees it a day later', async () => {
    clock = Date.parse('2026-10-14T09:00:00.000Z');
    for (const limit of [3, 1]) {
      const demo = createDemoBackend({
        storage: null,
        now: () => new Date(clock),
        ...(limit === 3 ? {} : { kudosDailyLimit: limit }),
      });
      const [anna, bram] = demo.demo.data.people.filter((person) => person.id !== demo.demo.currentUserId);
      for (let count = 0; count < limit; count++) {
        await demo.giveKudos({ to: [anna.id], message: `thanks ${count}` }, write());
      }
      const error = await refusal(demo.giveKudos({ to: [bram.id, anna.id], message: 'one more' }, write()));
      expect(error.code, `limit ${limit}`).to.equal('kudos.daily-limit');
      expect(error.message).to.contain(anna.name);
      // Another colleague is not affected.
      await demo.giveKudos({ to: [bram.id], message: 'you too' }, write());
      // A day later the limit is free again.
      clock += DAY_MS + 60_000;
      await demo.giveKudos({ to: [anna.id], message: 'next day' }, write());
      clock = Date.parse('2026-10-14T09:00:00.000Z');
    }
  });

  it('uses a rolling 24-hour window, so midnight does not reset the limit', async () => {
    let now = Date.parse('2026-10-14T23:00:00.000Z');
    const demo = createDemoBackend({ storage: null, now: () => new Date(now), kudosDailyLimit: 0.5 });
    const [anna] = demo.demo.data.people.filter((person) => person.id !== demo.demo.currentUserId);
    // A limit that is not a positive whole number falls back to the default of 3.
    for (let count = 0; count < 3; count++)
      await demo.giveKudos({ to: [anna.id], message: `late ${count}` }, write());
    now = Date.parse('2026-10-15T01:00:00.000Z');
    expect(
      (await refusal(demo.giveKudos({ to: [anna.id], message: 'after midnight' }, write()))).code,
    ).to.equal('kudos.daily-limit');
    now = Date.parse('2026-10-15T23:00:00.000Z');
    await demo.giveKudos({ to: [anna.id], message: '24 hours later' }, write());
  });

  it('makes one kudos for one idempotency key, however often it is sent', async () => {
    const demo = createDemoBackend({ storage: null, now: TEST_NOW });
    const [anna] = demo.demo.data.people.filter((person) => person.id !== demo.demo.currentUserId);
    const before = (await demo.listKudos({ from: demo.demo.currentUserId, limit: 1 })).total!;
    const input = { to: [anna.id], message: 'once' };
    const first = await demo.giveKudos(input, { idempotencyKey: 'same-key' });
    const again = await demo.giveKudos(input, { idempotencyKey: 'same-key' });
    expect(again.id).to.equal(first.id);
    expect((await demo.listKudos({ from: demo.demo.currentUserId, limit: 1 })).total).to.equal(before + 1);
  });
});
