/**
 * Invitation e-mail against a real SMTP server on loopback (npm smtp-server, started here): the
 * message that arrives (language, link, escaping of what people wrote), the delivery status on the
 * invitation, a refused recipient, and reminders.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../src/mail/mailer.js';
import { assertContract, call, dbLabel, testServer, type TestServer } from './helpers.js';

const INVITE_URL = 'https://intranet.example/community/?invite={token}';

describe(`invitation e-mail (${dbLabel})`, () => {
  let server: TestServer;
  let sink: SMTPServer;
  let mailer: Mailer;
  const received: ParsedMail[] = [];
  const refused: string[] = [];

  before(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('refuse')) {
          refused.push(address.address);
          return callback(Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.server.address() as AddressInfo).port;
    // The app needs the mailer and the mailer the app's database: a forwarder bridges the two.
    let real: Mailer | undefined;
    const forward: Mailer = {
      kick: () => real?.kick(),
      idle: () => real!.idle(),
      sendReminders: () => real!.sendReminders(),
      close: () => real!.close(),
    };
    server = await testServer({ mailer: forward });
    real = createMailer(
      server.db,
      {
        smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        from: 'Kring <kring@kring-demo.nl>',
        defaultLanguage: 'en',
        reminderAfterDays: 7,
      },
      { inviteUrl: (token) => INVITE_URL.replace('{token}', encodeURIComponent(token)) },
    );
    mailer = real;
  });
  after(async () => {
    await mailer.close();
    await server.close();
    await new Promise<void>((resolve) => sink.close(resolve));
  });

  /** Waits until the mailer has finished with this invitation (the kick follows the response). */
  async function settled(inviteId: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      await mailer.idle();
      const [row] = await server.db.query<{ delivery_status: string }>(
        'SELECT delivery_status FROM invites WHERE id = $1',
        [inviteId],
      );
      if (row.delivery_status === 'sent' || row.delivery_status === 'failed') return;
      if (Date.now() > deadline) throw new Error(`invitation ${inviteId} is still ${row.delivery_status}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function tokenOf(inviteId: string) {
    const [row] = await server.db.query<{ token: string }>('SELECT token FROM invites WHERE id = $1', [
      inviteId,
    ]);
    return row.token;
  }

  test("arrives in the invitee's language, with the link, and people's text escaped", async () => {
    const [inviter] = server.members;
    const invitee = server.nonMember;
    await server.db.query(`UPDATE people SET locale = 'en-GB' WHERE id = $1`, [inviter]);
    await server.db.query(`UPDATE people SET locale = 'nl-NL', name = $2 WHERE id = $1`, [
      invitee,
      'Daan <script>alert(1)</script> & co',
    ]);
    const message = 'Kom je ook? <b>Echt</b> leuk & "gezellig"\nTot dan!';
    const sent = await call(server, 'POST', '/invites', {
      as: inviter,
      body: { personId: invitee, message },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assertContract('sendInvite', sent);
    assert.equal(sent.body.delivery.status, 'queued');

    await settled(sent.body.id);
    assert.equal(received.length, 1);
    const mail = received[0];
    const [{ email: to }] = await server.db.query<{ email: string }>(
      'SELECT email FROM people WHERE id = $1',
      [invitee],
    );
    assert.equal((mail.to as { text: string }).text, to);
    assert.match(mail.subject ?? '', /nodigt je uit/);
    assert.equal(mail.headers.get('content-language'), 'nl');
    const link = INVITE_URL.replace('{token}', await tokenOf(sent.body.id));
    assert.ok(mail.text?.includes(link), mail.text);
    assert.ok(mail.text?.includes('> Kom je ook? <b>Echt</b> leuk & "gezellig"'), mail.text);
    const html = String(mail.html);
    assert.ok(html.includes(`href="${link}"`), html);
    assert.ok(
      html.includes('Kom je ook? &lt;b&gt;Echt&lt;/b&gt; leuk &amp; &quot;gezellig&quot;<br>Tot dan!'),
      html,
    );
    assert.ok(html.includes('Hallo Daan &lt;script&gt;alert(1)&lt;/script&gt; &amp; co,'), html);
    assert.ok(!html.includes('<script>') && !html.includes('<b>Echt'), html);

    // The inviter sees it was sent.
    const list = await call(server, 'GET', '/invites', { as: inviter });
    assertContract('listInvites', list);
    const listed = list.body.items.find((item: any) => item.id === sent.body.id);
    assert.equal(listed.delivery.status, 'sent');
    assert.ok(listed.delivery.at);
  });

  test("an unknown invitee gets the inviter's language", async () => {
    const [, inviter] = server.members;
    await server.db.query(`UPDATE people SET locale = 'nl' WHERE id = $1`, [inviter]);
    const sent = await call(server, 'POST', '/invites', {
      as: inviter,
      body: { email: 'nieuwe.collega@kring-demo.nl' },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    await settled(sent.body.id);
    const mail = received.at(-1)!;
    assert.equal((mail.to as { text: string }).text, 'nieuwe.collega@kring-demo.nl');
    assert.match(mail.subject ?? '', /nodigt je uit/);
    assert.ok(mail.text?.startsWith('Hallo,'), mail.text);

    // And in English when the inviter's language is English.
    await server.db.query(`UPDATE people SET locale = 'en-US' WHERE id = $1`, [inviter]);
    const english = await call(server, 'POST', '/invites', {
      as: inviter,
      body: { email: 'new.colleague@kring-demo.nl' },
    });
    await settled(english.body.id);
    assert.match(received.at(-1)!.subject ?? '', /invites you to the community/);
    assert.ok(received.at(-1)!.text?.startsWith('Hello,'));
  });

  test('a refused recipient shows as failed on the invitation; resending queues it again', async () => {
    const [inviter] = server.members;
    const before = received.length;
    const sent = await call(server, 'POST', '/invites', {
      as: inviter,
      body: { email: 'refuse.me@kring-demo.nl' },
    });
    assert.equal(sent.status, 201);
    await settled(sent.body.id);
    assert.deepEqual(refused, ['refuse.me@kring-demo.nl']);
    assert.equal(received.length, before);
    const list = await call(server, 'GET', '/invites', { as: inviter });
    assertContract('listInvites', list);
    const failed = list.body.items.find((item: any) => item.id === sent.body.id);
    assert.equal(failed.delivery.status, 'failed');
    assert.match(failed.delivery.error, /550/);

    const resent = await call(server, 'POST', `/invites/${sent.body.id}/resend`, { as: inviter });
    assert.equal(resent.status, 200, JSON.stringify(resent.body));
    assert.equal(resent.body.delivery.status, 'queued');
    await settled(sent.body.id);
    assert.equal(refused.length, 2);
  });

  test('one reminder for an invitation open longer than the configured days', async () => {
    const [inviter] = server.members;
    const [first] = await server.db.query<{ id: string }>(
      `SELECT id FROM invites WHERE inviter_id = $1 AND delivery_status = 'sent' ORDER BY created_at LIMIT 1`,
      [inviter],
    );
    // Sent eight days ago (the mailer's clock is real time; the invitation is moved back).
    await server.db.query(`UPDATE invites SET created_at = created_at - interval '8 days' WHERE id = $1`, [
      first.id,
    ]);
    const before = received.length;
    assert.equal(await mailer.sendReminders(), 1);
    assert.equal(received.length, before + 1);
    const reminder = received.at(-1)!;
    assert.match(reminder.subject ?? '', /^Herinnering: /);
    assert.ok(reminder.text?.includes(INVITE_URL.replace('{token}', await tokenOf(first.id))));
    // Only once.
    assert.equal(await mailer.sendReminders(), 0);
    assert.equal(received.length, before + 1);
  });
});
