import { expect } from '@open-wc/testing';
import { createDemoBackend } from '../src/backends/demo/index.js';

const NOW = new Date('2026-11-26T12:00:00Z');

function demo() {
  return createDemoBackend({ seed: 'search', size: 400, persist: false, storage: null, now: NOW });
}

describe('demo backend: expertise ranking', () => {
  it('ranks exact skill matches first, in the documented order, with evidence', async () => {
    const backend = demo();
    const result = await backend.searchPeople({ text: 'excel', limit: 100 });
    expect(result.total).to.be.greaterThan(0);
    const scores = result.items.map((match) => match.score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    const first = result.items[0];
    expect(first.evidence[0]).to.include({ kind: 'skill-exact', value: 'Excel' });
    // The person is the viewer's fresh view, with the same counts the ranking used.
    const skill = first.person.skills.find((s) => s.name === 'Excel')!;
    expect(first.evidence[0].endorsements).to.equal(skill.endorsements);
  });

  it('keeps the index current when someone endorses a skill', async () => {
    const backend = demo();
    const me = await backend.currentUser();
    const before = await backend.searchPeople({ text: 'excel', limit: 100 });
    // Someone other than me, lower down, with Excel not endorsed by me.
    const target = [...before.items]
      .reverse()
      .find(
        (match) =>
          match.person.id !== me.id && !match.person.skills.find((s) => s.name === 'Excel')!.endorsedByMe,
      )!;
    const countBefore = target.evidence[0].endorsements!;
    await backend.endorseSkill(target.person.id, 'Excel', { idempotencyKey: 'search-demo-1' });
    const after = await backend.searchPeople({ text: 'excel', limit: 100 });
    const updated = after.items.find((match) => match.person.id === target.person.id)!;
    expect(updated.evidence[0].endorsements).to.equal(countBefore + 1);
    expect(updated.score).to.be.greaterThan(target.score);
    expect(updated.person.skills.find((s) => s.name === 'Excel')!.endorsedByMe).to.equal(true);

    await backend.unendorseSkill(target.person.id, 'Excel', { idempotencyKey: 'search-demo-2' });
    const undone = await backend.searchPeople({ text: 'excel', limit: 100 });
    expect(undone.items.find((match) => match.person.id === target.person.id)!.score).to.equal(target.score);
  });

  it('counts a new kudos naming the skill as recent evidence', async () => {
    const backend = demo();
    const me = await backend.currentUser();
    const before = await backend.searchPeople({ text: 'excel', limit: 100 });
    const target = before.items.find((match) => match.person.id !== me.id)!;
    const kudosBefore = target.evidence[0].recentKudos ?? 0;
    await backend.giveKudos(
      { to: [target.person.id], message: 'Thank you for the Excel help with the budget!' },
      { idempotencyKey: 'search-demo-3' },
    );
    const after = await backend.searchPeople({ text: 'excel', limit: 100 });
    const updated = after.items.find((match) => match.person.id === target.person.id)!;
    expect(updated.evidence[0].recentKudos).to.equal(kudosBefore + 1);
  });

  it('lists everyone by name for an empty query, and rejects a bad cursor', async () => {
    const backend = demo();
    const all = await backend.searchPeople({ limit: 5 });
    expect(all.total).to.equal(400);
    const names = all.items.map((match) => match.person.name);
    expect(names.length).to.equal(5);
    let error: unknown;
    try {
      await backend.searchPeople({ text: 'excel', cursor: 'nope' });
    } catch (caught) {
      error = caught;
    }
    expect((error as { kind?: string }).kind).to.equal('invalid');
  });
});
