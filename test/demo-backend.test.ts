import { expect } from '@open-wc/testing';
import { createDemoBackend, type DemoBackend, type DemoBackendOptions } from '../src/backends/demo/index.js';
import type { StorageLike } from '../src/backends/demo/store.js';
import { INVITE_STATUSES } from '../src/model.js';
import { rejection } from './helpers/assertions.js';

/** A Storage stand-in, so tests neither read nor leave anything in the real localStorage. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const NOW = new Date('2026-11-20T10:00:00.000Z');
const DAY = 86_400_000;
let keyCounter = 0;
const write = () => ({ idempotencyKey: `test-key-${++keyCounter}` });

function demo(options: DemoBackendOptions = {}): DemoBackend {
  return createDemoBackend({ seed: 'test', persist: false, now: NOW, ...options });
}

/** A colleague of the current user who is a member, in the given department or any. */
function colleague(backend: DemoBackend, offset = 0): string {
  const others = backend.demo.data.people.filter(
    (person) => person.isMember && person.id !== backend.demo.currentUserId,
  );
  return others[offset].id;
}

/** A member who sent no invitations in the generated data, so their quota is untouched. */
function quietMember(seed: string): string {
  const { data } = demo({ seed }).demo;
  const inviters = new Set(data.invites.map((invite) => invite.inviterId));
  return data.people.find((person) => person.isMember && !inviters.has(person.id))!.id;
}

describe('demo backend: generated data', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const first = demo({ seed: 42 });
    const second = demo({ seed: 42 });
    const other = demo({ seed: 43 });
    expect(JSON.stringify(second.demo.data)).to.equal(JSON.stringify(first.demo.data));
    expect(JSON.stringify(second.demo.history())).to.equal(JSON.stringify(first.demo.history()));
    expect(other.demo.data.people.map((person) => person.name)).not.to.deep.equal(
      first.demo.data.people.map((person) => person.name),
    );
  });

  it('describes a realistic company of 300 people by default', () => {
    const { data } = demo().demo;
    const history = demo().demo.history();
    expect(data.people).to.have.length(300);
    const departments = new Set(data.people.map((person) => person.department));
    expect(departments.size).to.be.within(8, 12);
    expect(data.people.some((person) => /[À-ɏ]/.test(person.name))).to.equal(true);
    expect(data.managementIds.length).to.be.at.least(5);
    const members = data.people.filter((person) => person.isMember);
    expect(members.length).to.be.within(120, 260);
    expect(members.some((person) => person.invitedBy)).to.equal(true);
    expect(data.people.length - members.length).to.be.greaterThan(0);
    for (const status of ['pending', 'accepted', 'declined', 'expired', 'revoked']) {
      expect(
        data.invites.some((invite) => invite.status === status),
        status,
      ).to.equal(true);
    }
    const months = new Set(history.kudos.map((kudos) => kudos.createdAt.slice(0, 7)));
    expect(months.size).to.be.at.least(6);
    expect(history.kudos.length).to.be.within(1000, 2000);
    expect(history.kudos.some((kudos) => kudos.value === 'Samen sterk')).to.equal(true);
    expect(history.reactions.length).to.be.greaterThan(history.kudos.length);
    expect(data.endorsements.length).to.be.greaterThan(300);
    expect(data.ambassadors.length).to.be.greaterThan(0);
    expect(data.badges.length).to.be.greaterThan(0);
  });
});

describe('demo backend: people', () => {
  it('returns people in the order asked, null for unknown, and finds e-mail case-insensitively', async () => {
    const backend = demo();
    const [a, b] = backend.demo.data.people.slice(10, 12);
    const result = await backend.getPeople([b.id, 'nobody', a.email.toUpperCase(), a.id]);
    expect(result.map((person) => person?.id ?? null)).to.deep.equal([b.id, null, a.id, a.id]);
    expect(result[0]!.name).to.equal(b.name);
  });

  it('suggests skills that start with, then contain, the text', async () => {
    const backend = demo();
    expect(await backend.suggestSkills('pow')).to.deep.equal(['Power Apps', 'Power Automate', 'Power BI']);
    const contains = await backend.suggestSkills('script');
    expect(contains).to.include.members(['JavaScript', 'TypeScript']);
    expect(await backend.suggestSkills('FINANCIELE')).to.deep.equal(['Financiële analyse']);
    expect(await backend.suggestSkills('')).to.deep.equal([]);
  });

  it('returns copies that callers cannot use to change the data', async () => {
    const backend = demo();
    const me = await backend.currentUser();
    me.name = 'Changed';
    me.skills.length = 0;
    const again = await backend.currentUser();
    expect(again.name).not.to.equal('Changed');
    expect(again.skills.length).to.be.greaterThan(0);
  });

  it('searches accent- and case-insensitively on names and punctuated skills', async () => {
    const backend = demo();
    const accented = backend.demo.data.people.find((person) => /[üöøé]/.test(person.name))!;
    const plain = accented.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o')
      .toLowerCase();
    const byName = await backend.searchPeople({ text: plain, limit: 100 });
    expect(byName.items.map((match) => match.person.id)).to.include(accented.id);

    const withCSharp = backend.demo.data.people.find((person) =>
      person.skills.some((skill) => skill.name === 'C#'),
    );
    if (withCSharp) {
      const bySkill = await backend.searchPeople({ text: 'c#', limit: 100 });
      expect(bySkill.items.map((match) => match.person.id)).to.include(withCSharp.id);
      const evidence = bySkill.items.find((match) => match.person.id === withCSharp.id)!.evidence[0];
      expect(evidence).to.include({ kind: 'skill-exact', value: 'C#' });
    }
    const powerBi = await backend.searchPeople({ text: 'Power BI' });
    expect(powerBi.total).to.be.greaterThan(0);
    expect(powerBi.items[0].evidence[0].kind).to.equal('skill-exact');
    expect(powerBi.facets!.departments.length).to.be.greaterThan(0);
    expect((await backend.searchPeople({ text: 'zzqx' })).total).to.equal(0);
  });
});

describe('demo backend: endorsements', () => {
  it('endorses once per colleague and skill, undoes, and refuses yourself and unknown skills', async () => {
    const backend = demo();
    const receiver = colleague(backend, 2);
    const [person] = await backend.getPeople([receiver]);
    const skill = person!.skills.find((candidate) => !candidate.endorsedByMe)!;
    const endorsed = await backend.endorseSkill(receiver, skill.name.toUpperCase(), write());
    expect(endorsed).to.include({
      name: skill.name,
      endorsements: skill.endorsements + 1,
      endorsedByMe: true,
    });
    const again = await backend.endorseSkill(receiver, skill.name, write());
    expect(again.endorsements).to.equal(skill.endorsements + 1);
    const undone = await backend.unendorseSkill(receiver, skill.name, write());
    expect(undone).to.include({ endorsements: skill.endorsements, endorsedByMe: false });

    const me = await backend.currentUser();
    const self = await rejection(backend.endorseSkill(me.id, me.skills[0].name, write()));
    expect(self).to.include({ kind: 'invalid', code: 'endorsement.self' });
    const unknown = await rejection(backend.endorseSkill(receiver, 'Jongleren', write()));
    expect(unknown).to.include({ kind: 'not-found', code: 'endorsement.unknown-skill' });
  });

  it('records who endorsed whom for which skill in the generated data', () => {
    const { data } = demo().demo;
    const ids = new Set(data.people.map((person) => person.id));
    for (const endorsement of data.endorsements.slice(0, 50)) {
      expect(ids.has(endorsement.personId) && ids.has(endorsement.endorserId)).to.equal(true);
      expect(endorsement.endorserId).not.to.equal(endorsement.personId);
      const person = data.people.find((candidate) => candidate.id === endorsement.personId)!;
      expect(person.skills.map((skill) => skill.name)).to.include(endorsement.skill);
    }
  });
});

describe('demo backend: persistence', () => {
  it('keeps a kudos and an endorsement across a reload, storing only the delta', async () => {
    const storage = new MemoryStorage();
    const options = { seed: 'reload', persist: true, storage, now: NOW };
    const before = createDemoBackend(options);
    const receiver = colleague(before);
    const given = await before.giveKudos(
      { to: [receiver], message: 'Dank voor de hulp!', value: 'Lef' },
      write(),
    );
    const [person] = await before.getPeople([receiver]);
    const skill = person!.skills.find((candidate) => !candidate.endorsedByMe)!;
    await before.endorseSkill(receiver, skill.name, write());

    const after = createDemoBackend(options);
    const feed = await after.listKudos({ person: receiver, limit: 1 });
    expect(feed.items[0]).to.include({ id: given.id, message: 'Dank voor de hulp!', value: 'Lef' });
    const [reloaded] = await after.getPeople([receiver]);
    const endorsed = reloaded!.skills.find((candidate) => candidate.name === skill.name)!;
    expect(endorsed.endorsedByMe).to.equal(true);
    expect(endorsed.endorsements).to.equal(skill.endorsements + 1);

    const stored = storage.getItem(before.demo.storageKey)!;
    expect(before.demo.storageKey).to.contain('reload');
    expect(stored.length).to.be.lessThan(5000);
  });

  it('keeps working when storage refuses writes, and bounds persisted activity', async () => {
    class FullStorage extends MemoryStorage {
      override setItem(): void {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    }
    const warn = console.warn;
    console.warn = () => {};
    try {
      const full = createDemoBackend({ seed: 'full', persist: true, storage: new FullStorage(), now: NOW });
      const kudos = await full.giveKudos({ to: [colleague(full)], message: 'Toch gelukt' }, write());
      expect((await full.listKudos({ limit: 1 })).items[0].id).to.equal(kudos.id);
    } finally {
      console.warn = warn;
    }

    const storage = new MemoryStorage();
    const backend = createDemoBackend({ seed: 'busy', persist: true, storage, now: NOW });
    const actor = colleague(backend);
    for (let batch = 0; batch < 20; batch++) {
      const at = new Date(Date.UTC(2026, 11, 1 + (batch % 28))).toISOString();
      await backend.track(
        Array.from({ length: 1000 }, () => ({
          type: 'element-seen' as const,
          actorId: actor,
          at,
          subject: 'kring-pulse',
        })),
      );
    }
    const stored = storage.getItem(backend.demo.storageKey)!;
    expect(stored.length).to.be.within(1_000_000, 1_500_000);
    expect(stored).to.contain(new Date(Date.UTC(2026, 11, 20)).toISOString());
  });

  it('keeps writes in memory only with persist: false', async () => {
    const storage = new MemoryStorage();
    const backend = createDemoBackend({ seed: 'memory', persist: false, storage, now: NOW });
    await backend.giveKudos({ to: [colleague(backend)], message: 'Top!' }, write());
    expect(storage.items.size).to.equal(0);
  });
});

describe('demo backend: kudos rules and idempotency', () => {
  it('refuses kudos to yourself, over the daily limit, and with a bad message or value', async () => {
    let clock = NOW;
    const backend = demo({ now: () => clock });
    const me = backend.demo.currentUserId;
    const receiver = colleague(backend);
    expect((await rejection(backend.giveKudos({ to: [me], message: 'Ik ben top' }, write()))).code).to.equal(
      'kudos.self',
    );
    expect((await rejection(backend.giveKudos({ to: [receiver], message: '   ' }, write()))).code).to.equal(
      'kudos.message',
    );
    const tooLong = 'x'.repeat(501);
    expect((await rejection(backend.giveKudos({ to: [receiver], message: tooLong }, write()))).code).to.equal(
      'kudos.message',
    );
    expect(
      (await rejection(backend.giveKudos({ to: [receiver], message: 'Hoi', value: 'Snelheid' }, write())))
        .code,
    ).to.equal('kudos.value');

    for (let count = 0; count < 3; count++) {
      await backend.giveKudos({ to: [receiver], message: `Dank ${count}` }, write());
    }
    const limited = await rejection(backend.giveKudos({ to: [receiver], message: 'Nog een' }, write()));
    expect(limited.kind).to.equal('invalid');
    expect(limited.code).to.equal('kudos.daily-limit');
    clock = new Date(NOW.getTime() + DAY);
    const nextDay = await backend.giveKudos({ to: [receiver], message: 'Nieuwe dag' }, write());
    expect(nextDay.to).to.deep.equal([receiver]);
  });

  it('returns the first result for a repeated idempotency key and changes nothing', async () => {
    const storage = new MemoryStorage();
    const options = { seed: 'idem', persist: true, storage, now: NOW };
    const backend = createDemoBackend(options);
    const receiver = colleague(backend);
    const before = (await backend.listKudos({ from: backend.demo.currentUserId })).total!;
    const once = { idempotencyKey: 'same-kudos' };
    const first = await backend.giveKudos({ to: [receiver], message: 'Eén keer' }, once);
    const second = await backend.giveKudos({ to: [receiver], message: 'Eén keer' }, once);
    expect(second).to.deep.equal(first);
    const reloaded = createDemoBackend(options);
    const third = await reloaded.giveKudos({ to: [receiver], message: 'Eén keer' }, once);
    expect(third.id).to.equal(first.id);
    expect((await reloaded.listKudos({ from: backend.demo.currentUserId })).total).to.equal(before + 1);
  });

  it('toggles reactions and lists reactors', async () => {
    const backend = demo();
    const [latest] = (await backend.listKudos({ limit: 1 })).items;
    const reacted = await backend.react(latest.id, 'celebrate', true, write());
    const celebrate = reacted.reactions.find((reaction) => reaction.type === 'celebrate')!;
    expect(celebrate.reactedByMe).to.equal(true);
    expect(await backend.listReactors(latest.id, 'celebrate')).to.include(backend.demo.currentUserId);
    const undone = await backend.react(latest.id, 'celebrate', false, write());
    expect(undone.reactions.find((reaction) => reaction.type === 'celebrate')!.count).to.equal(
      celebrate.count - 1,
    );
  });

  it('pages the feed newest first with a cursor', async () => {
    const backend = demo();
    const first = await backend.listKudos({ limit: 5 });
    const second = await backend.listKudos({ limit: 5, cursor: first.next });
    const times = [...first.items, ...second.items].map((kudos) => kudos.createdAt);
    expect(times).to.deep.equal([...times].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((kudos) => kudos.id)).size).to.equal(10);
  });
});

describe('demo backend: invitations', () => {
  it('reports every token state', async () => {
    let clock = NOW;
    const backend = demo({ now: () => clock, currentUserId: quietMember('test') });
    const samples = backend.demo.sampleTokens();
    for (const state of ['valid', 'expired', 'revoked', 'used', 'unknown'] as const) {
      expect((await backend.lookupInvite(samples[state]!)).state, state).to.equal(state);
    }
    const invitee = backend.demo.data.people.find(
      (person) =>
        !person.isMember && !backend.demo.data.invites.some((invite) => invite.inviteeId === person.id),
    )!;
    const invite = await backend.sendInvite({ personId: invitee.id, message: 'Doe mee!' }, write());
    const token = backend.demo.inviteToken(invite.id)!;
    const valid = await backend.lookupInvite(token);
    expect(valid.state).to.equal('valid');
    expect(valid.inviter!.id).to.equal(backend.demo.currentUserId);
    clock = new Date(NOW.getTime() + 15 * DAY);
    expect((await backend.lookupInvite(token)).state).to.equal('expired');
    clock = NOW;
    const accepted = await backend.respondToInvite(token, true, write());
    expect(accepted.state).to.equal('used');
    const [joined] = await backend.getPeople([invitee.id]);
    expect(joined).to.include({ isMember: true, invitedBy: backend.demo.currentUserId });
    expect(joined!.joinedAt).to.equal(NOW.toISOString());
    const tree = await backend.inviteTree(backend.demo.currentUserId);
    expect(tree.children.map((child) => child.personId)).to.include(invitee.id);
  });

  it('validates e-mail, enforces the monthly quota, and revokes', async () => {
    const backend = demo({ seed: 'quota', currentUserId: quietMember('quota') });
    expect((await rejection(backend.sendInvite({ email: 'not an address' }, write()))).code).to.equal(
      'invite.email',
    );
    const quota = await backend.inviteQuota();
    expect(quota.limit).to.equal(5);
    const sent = [];
    for (let count = 0; count < quota.remaining; count++) {
      sent.push(await backend.sendInvite({ email: `Gast.${count}+kring@Example.org` }, write()));
    }
    expect(sent[0].email).to.equal('gast.0+kring@example.org');
    expect(sent).to.have.length(5);
    expect((await backend.inviteQuota()).remaining).to.equal(0);
    const refused = await rejection(backend.sendInvite({ email: 'nog.een@example.org' }, write()));
    expect(refused.code).to.equal('invite.quota');
    const revoked = await backend.revokeInvite(sent[0].id, write());
    expect(revoked.status).to.equal('revoked');
    const token = backend.demo.inviteToken(sent[0].id)!;
    expect((await backend.lookupInvite(token)).state).to.equal('revoked');
    const mine = await backend.listInvites({});
    expect(mine.items[0].status).to.be.oneOf([...INVITE_STATUSES]);
    const link = await backend.createInviteLink(write());
    expect((await backend.lookupInvite(link.token)).state).to.equal('valid');
    expect(link.url).to.contain(link.token);
  });
});

describe('demo backend: ambassadors, activity and metrics', () => {
  it('computes progress, awards earned badges, and lets only the community manager award', async () => {
    const backend = demo();
    expect(backend.capabilities.manageBadges).to.equal(true);
    const profile = await backend.chooseAmbassadorRoles(['responder', 'recruiter'], write());
    expect(profile.roles).to.deep.equal(['responder', 'recruiter']);
    expect(profile.progress.map((progress) => progress.role)).to.have.length(5);
    const someone = colleague(backend, 3);
    const badge = await backend.awardBadge({ personId: someone, role: 'writer', level: 'starter' }, write());
    expect((await backend.listBadges(someone)).map((award) => award.id)).to.include(badge.id);
    await backend.revokeBadge(badge.id, write());
    expect((await backend.listBadges(someone)).map((award) => award.id)).not.to.include(badge.id);

    const member = demo({ currentUserId: someone });
    expect(member.capabilities.manageBadges).to.equal(false);
    const refused = await rejection(
      member.awardBadge({ personId: someone, role: 'writer', level: 'starter' }, write()),
    );
    expect(refused.kind).to.equal('forbidden');
  });

  it('tracks events and computes monthly metrics and pioneers', async () => {
    const backend = demo();
    const metrics = await backend.metrics({ month: '2026-10' });
    expect(metrics.month).to.equal('2026-10');
    expect(metrics.members.value).to.be.within(100, 260);
    expect(metrics.visitors.value).to.be.greaterThan(50);
    expect(metrics.kudosGiven.value).to.be.within(100, 600);
    // The generated history ends before December: six tracked visitors are all December has.
    const visitors = [0, 1, 2, 3, 4, 5].map((offset) => colleague(backend, offset));
    await backend.track(
      visitors.map((actorId) => ({ type: 'element-seen' as const, actorId, at: '2026-12-03T09:00:00.000Z' })),
    );
    expect((await backend.metrics({ month: '2026-12' })).visitors.value).to.equal(6);
    expect((await rejection(backend.metrics({ month: 'October' }))).kind).to.equal('invalid');
    const pioneers = await backend.pioneers({ limit: 3 });
    expect(pioneers).to.have.length(3);
    expect(pioneers[0].departmentsReached).to.be.at.least(pioneers[2].departmentsReached);
  });
});

describe('demo backend: abort and scale', () => {
  it('rejects with aborted for a signal that fired before or during the call', async () => {
    // Ten minutes of latency: only the abort can end the call before the test times out.
    const backend = demo({ latencyMs: 600_000 });
    const early = new AbortController();
    early.abort();
    expect((await rejection(backend.getPeople(['p00001'], { signal: early.signal }))).kind).to.equal(
      'aborted',
    );
    const late = new AbortController();
    const pending = backend.searchPeople({ text: 'excel' }, { signal: late.signal });
    late.abort();
    expect((await rejection(pending)).kind).to.equal('aborted');
    const abortedWrite = backend.giveKudos(
      { to: [colleague(backend)], message: 'Nooit verstuurd' },
      { idempotencyKey: 'aborted-write', signal: early.signal },
    );
    expect((await rejection(abortedWrite)).kind).to.equal('aborted');
  });

  it('reports a failure inside the backend as a server error, not a network one', async () => {
    const backend = demo();
    const broken = await rejection(backend.getPeople(null as unknown as string[]));
    expect(broken.kind).to.equal('server');
    expect(broken.message).to.contain('demo backend');
  });

  it('scales to 50,000 people and still answers look-ups and searches', async function () {
    this.timeout(120_000);
    const started = performance.now();
    const backend = createDemoBackend({ seed: 'scale', size: 50_000, persist: false, now: NOW });
    const generated = performance.now() - started;
    const last = backend.demo.data.people[49_999];
    const lookup = performance.now();
    const [byId, byEmail, missing] = await backend.getPeople([last.id, last.email.toUpperCase(), 'p99999']);
    const lookupMs = performance.now() - lookup;
    expect(backend.demo.data.people).to.have.length(50_000);
    expect(byId!.id).to.equal(last.id);
    expect(byEmail!.id).to.equal(last.id);
    expect(missing).to.equal(null);
    const all = await backend.searchPeople({ limit: 1 });
    expect(all.total).to.equal(50_000);
    const search = performance.now();
    const excel = await backend.searchPeople({ text: 'excel' });
    const searchMs = performance.now() - search;
    expect(excel.total).to.be.greaterThan(500);
    console.log(
      `demo backend at 50,000 people: generated in ${generated.toFixed(0)} ms, ` +
        `getPeople ${lookupMs.toFixed(1)} ms, search ${searchMs.toFixed(1)} ms`,
    );
    expect(lookupMs).to.be.lessThan(100);
  });
});
