/**
 * Live updates (GET /events): what one person does reaches the others' streams, a reconnect with
 * Last-Event-ID gets exactly what it missed, and nobody gets what they may not see.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { call, dbLabel, testServer, type TestServer } from './helpers.js';
import { openStream, type EventStream } from './streams.js';

describe(`live updates (${dbLabel})`, () => {
  let server: TestServer;
  let base: string;
  const open: EventStream[] = [];
  const stream = async (as: string, lastEventId?: string) => {
    const opened = await openStream(base, as, { lastEventId });
    open.push(opened);
    return opened;
  };

  /** A kudos from one person to another; each pair once (the daily limit per receiver). */
  let people: string[] = [];
  let pair = 0;
  const give = async (message: string, from?: string, to?: string) => {
    if (!from || !to) {
      pair += 1;
      from = people[pair];
      to = people[pair + 1];
    }
    const given = await call(server, 'POST', '/kudos', { as: from, body: { to: [to], message } });
    assert.equal(given.status, 201, JSON.stringify(given.body));
    return given.body;
  };

  before(async () => {
    server = await testServer();
    people = (await server.db.query<{ id: string }>('SELECT id FROM people ORDER BY id')).map(
      (row) => row.id,
    );
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const opened of open) opened.close();
    await server.close();
  });

  it('a kudos given by A appears on B’s stream, with B’s own reactedByMe', async () => {
    const [a, b] = server.members;
    const seenByB = await stream(b);
    assert.equal(seenByB.status, 200);
    assert.match(String(seenByB.headers['content-type']), /^text\/event-stream/);
    const given = { body: await give('Thanks for the live demo', a, b) };
    const event = await seenByB.next((item) => item.event === 'kudos');
    assert.equal(event.data.kudos.id, given.body.id);
    assert.equal(event.data.kudos.message, 'Thanks for the live demo');
    assert.deepEqual(event.data.kudos.to, [b]);
    assert.equal(event.data.reactors, undefined, 'who reacted is not sent, only counts and "mine"');

    const reacted = await call(server, 'PUT', `/kudos/${given.body.id}/reactions/love`, { as: a });
    assert.equal(reacted.status, 200);
    const seenByA = await stream(a);
    const reaction = await seenByB.next((item) => item.event === 'reaction');
    const love = reaction.data.kudos.reactions.find((item: { type: string }) => item.type === 'love');
    assert.deepEqual(love, { type: 'love', count: 1, reactedByMe: false });
    // A's stream opened after the reaction: a reaction by B now shows A's own love as A's.
    await call(server, 'PUT', `/kudos/${given.body.id}/reactions/love`, { as: b });
    const forA = await seenByA.next((item) => item.event === 'reaction');
    const loveForA = forA.data.kudos.reactions.find((item: { type: string }) => item.type === 'love');
    assert.deepEqual(loveForA, { type: 'love', count: 2, reactedByMe: true });
  });

  it('an endorsement and a badge reach the other streams; a replayed write tells nobody twice', async () => {
    const [a, b] = server.members;
    const seenByB = await stream(b);
    const person = (await call(server, 'POST', '/people/lookup', { as: a, body: { ids: [b] } })).body
      .people[0];
    const skill = person.skills[0].name;
    const path = `/people/${b}/skills/${encodeURIComponent(skill)}/endorsement`;
    const endorsed = await call(server, 'PUT', path, { as: a, key: 'endorse-once' });
    assert.equal(endorsed.status, 200);
    const again = await call(server, 'PUT', path, { as: a, key: 'endorse-once' });
    assert.deepEqual(again.body, endorsed.body);
    const event = await seenByB.next((item) => item.event === 'endorsement');
    assert.deepEqual(event.data, { personId: b, skill, endorserId: a, on: true });
    const badge = await call(server, 'POST', '/badges', {
      as: server.seeded.communityManagerId,
      body: { personId: b, role: 'connector', level: 'starter' },
    });
    assert.equal(badge.status, 201);
    const awarded = await seenByB.next((item) => item.event === 'badge');
    assert.equal(awarded.data.badge.id, badge.body.id);
    assert.equal(
      seenByB.events.filter((item) => item.event === 'endorsement').length,
      1,
      'the replay with the same key made no second event',
    );
  });

  it('resuming with Last-Event-ID gives the missed events only, in order', async () => {
    const [, b] = server.members;
    const first = await stream(b);
    const before = { body: await give('Seen live') };
    const seen = await first.next((item) => item.event === 'kudos' && item.data.kudos.id === before.body.id);
    first.close();
    const missed = [];
    for (const message of ['Missed one', 'Missed two']) {
      missed.push((await give(message)).id);
    }
    const resumed = await stream(b, seen.id);
    const one = await resumed.next((item) => item.event === 'kudos');
    const two = await resumed.next((item) => item.event === 'kudos');
    assert.deepEqual([one.data.kudos.id, two.data.kudos.id], missed);
    assert.ok(Number(one.id) > Number(seen.id) && Number(two.id) > Number(one.id));
    const live = { body: await give('Live again') };
    const three = await resumed.next((item) => item.event === 'kudos');
    assert.equal(three.data.kudos.id, live.body.id);
    assert.ok(
      !resumed.events.some((item) => item.data?.kudos?.id === before.body.id),
      'the event before Last-Event-ID is not sent again',
    );
  });

  it('an accepted invitation reaches its inviter, not a bystander', async () => {
    const [inviter, bystander] = server.members;
    const invitee = server.nonMember;
    const inviterStream = await stream(inviter);
    const bystanderStream = await stream(bystander);
    const link = await call(server, 'POST', '/invite-links', { as: inviter });
    assert.equal(link.status, 201);
    const joined = await call(server, 'POST', '/invite-links/response', {
      as: invitee,
      body: { token: link.body.token, accept: true },
    });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    const event = await inviterStream.next((item) => item.event === 'invite');
    assert.equal(event.data.invite.inviterId, inviter);
    assert.equal(event.data.invite.inviteeId, invitee);
    // A later public event reaches the bystander: everything before it has been delivered too.
    const marker = { body: await give('Marker') };
    await bystanderStream.next((item) => item.event === 'kudos' && item.data.kudos.id === marker.body.id);
    assert.ok(
      !bystanderStream.events.some((item) => item.event === 'invite'),
      'the bystander got no invitation event',
    );
    // Nor on a resume from before it.
    const resumed = await stream(bystander, String(Number(event.id) - 1));
    await resumed.next((item) => item.event === 'kudos' && item.data.kudos.id === marker.body.id);
    assert.ok(!resumed.events.some((item) => item.event === 'invite'));
  });

  it('a resume from before the kept events is told to reload (reset)', async () => {
    const [, b] = server.members;
    const live = await stream(b);
    const pruned = await give('Soon pruned');
    // Seen live first: the event was sent, then it is pruned (as after a day), then B comes back.
    const seen = await live.next((item) => item.event === 'kudos' && item.data.kudos.id === pruned.id);
    live.close();
    const id = Number(seen.id);
    await server.db.query('DELETE FROM live_events WHERE id <= $1', [id]);
    const resumed = await stream(b, String(id - 1));
    const reset = await resumed.next();
    assert.equal(reset.event, 'reset');
  });

  it('refuses a stream to someone not signed in', async () => {
    const response = await fetch(`${base}/api/kring/events`, {
      headers: { 'x-kring-dev-user': 'nobody-at-all' },
    });
    assert.ok(response.status === 401 || response.status === 403, String(response.status));
  });
});
