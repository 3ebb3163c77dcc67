import { expect } from '@open-wc/testing';
import {
  inviteAddress,
  inviteRefusal,
  isInviteRefusal,
  MAX_INVITE_MESSAGE_LENGTH,
} from '../src/invites/send.js';

// The sending rules both the demo backend and Kring Server apply (src/invites/send.ts).
describe('invitation sending rules', () => {
  const facts = {
    inviterId: 'me',
    email: 'sam@acme.nl',
    pendingToSameAddress: false,
    quota: { remaining: 3, limit: 5 },
  };

  it('refuses a typed address that is not one, or outside the allowed domains', () => {
    expect(inviteAddress(' Sam@Acme.NL ')).to.deep.equal({ email: 'sam@acme.nl' });
    expect((inviteAddress('sam@') as { code: string }).code).to.equal('invite.email');
    const outside = inviteAddress('sam@other.org', ['acme.nl']);
    expect(isInviteRefusal(outside) && [outside.code, outside.message]).to.deep.equal([
      'invite.domain',
      'Invitations can only go to acme.nl addresses.',
    ]);
    // A colleague's directory address: only the domain counts.
    expect(inviteAddress('Sam@mail.acme.nl', ['acme.nl'], false)).to.deep.equal({
      email: 'sam@mail.acme.nl',
    });
    expect((inviteAddress('sam@other.org', ['acme.nl'], false) as { code: string }).code).to.equal(
      'invite.domain',
    );
  });

  it('checks yourself, membership, the message, a second open invitation and the quota, in that order', () => {
    expect(inviteRefusal(facts)).to.equal(undefined);
    const code = (extra: object) => inviteRefusal({ ...facts, ...extra })?.code;
    const everything = {
      invitee: { id: 'me', name: 'Me', isMember: true },
      message: 'x'.repeat(MAX_INVITE_MESSAGE_LENGTH + 1),
      pendingToSameAddress: true,
      quota: { remaining: 0, limit: 5 },
    };
    expect(code(everything)).to.equal('invite.self');
    expect(code({ ...everything, invitee: { id: 'sam', name: 'Sam', isMember: true } })).to.equal(
      'invite.already-member',
    );
    expect(code({ ...everything, invitee: undefined })).to.equal('invite.message');
    expect(code({ ...everything, invitee: undefined, message: ' hi ' })).to.equal('invite.duplicate');
    expect(inviteRefusal({ ...facts, pendingToSameAddress: true })?.kind).to.equal('conflict');
    const quota = inviteRefusal({ ...facts, quota: { remaining: 0, limit: 5 } });
    expect([quota?.kind, quota?.message]).to.deep.equal([
      'invalid',
      'You have used all 5 invitations for this month.',
    ]);
    // The limit counts the trimmed message.
    expect(code({ message: ` ${'x'.repeat(MAX_INVITE_MESSAGE_LENGTH)} ` })).to.equal(undefined);
  });
});
