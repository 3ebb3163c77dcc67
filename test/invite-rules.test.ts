import { expect } from '@open-wc/testing';
import {
  canonicalEmail,
  isDomainAllowed,
  parseAllowedDomains,
  validateInviteEmail,
} from '../src/invites/email.js';
import {
  DEFAULT_INVITE_QUOTA,
  effectiveQuota,
  isQuotaExhausted,
  monthlyInviteQuota,
} from '../src/invites/quota.js';
import {
  canResendInvite,
  canRevokeInvite,
  effectiveInviteStatus,
  inviteTokenState,
} from '../src/invites/token.js';
import type { Invite } from '../src/model.js';

describe('invite e-mail validation', () => {
  it('accepts ordinary addresses and folds upper case', () => {
    expect(validateInviteEmail('  Jan.de.Vries@ACME.nl ')).to.deep.equal({
      valid: true,
      email: 'jan.de.vries@acme.nl',
      domain: 'acme.nl',
    });
  });

  it('accepts plus-addressing and keeps the tag, while the canonical mailbox drops it', () => {
    const result = validateInviteEmail('Jan+Kring@acme.nl', ['acme.nl']);
    expect(result).to.deep.equal({ valid: true, email: 'jan+kring@acme.nl', domain: 'acme.nl' });
    expect(canonicalEmail('Jan+Kring@Acme.nl')).to.equal('jan@acme.nl');
  });

  it('rejects garbage', () => {
    for (const garbage of [
      'jan',
      'jan@',
      '@acme.nl',
      'jan@@acme.nl',
      'jan@acme',
      'jan@acme.',
      'jan @acme.nl',
      'jan..vries@acme.nl',
      '.jan@acme.nl',
      'jan@-acme.nl',
      'jan@acme.n1',
      'Jan <jan@acme.nl>',
      'jan@acme.nl,piet@acme.nl',
      `${'a'.repeat(65)}@acme.nl`,
    ]) {
      expect(validateInviteEmail(garbage), garbage).to.deep.equal({ valid: false, problem: 'format' });
    }
  });

  it('reports an empty field separately', () => {
    expect(validateInviteEmail('   ')).to.deep.equal({ valid: false, problem: 'empty' });
  });

  it('restricts to allowed domains and their subdomains, case-insensitively', () => {
    const allowed = parseAllowedDomains(' @Acme.nl, acme.be  ');
    expect(allowed).to.deep.equal(['acme.nl', 'acme.be']);
    expect(validateInviteEmail('an@ACME.BE', allowed).valid).to.equal(true);
    expect(validateInviteEmail('an@mail.acme.nl', allowed).valid).to.equal(true);
    expect(validateInviteEmail('an@gmail.com', allowed)).to.deep.equal({ valid: false, problem: 'domain' });
    // A look-alike that merely ends with the same letters is not a subdomain.
    expect(isDomainAllowed('notacme.nl', allowed)).to.equal(false);
    expect(validateInviteEmail('an@gmail.com', []).valid).to.equal(true);
  });
});

function invite(overrides: Partial<Invite>): Invite {
  return {
    id: 'i1',
    inviterId: 'me',
    email: 'a@acme.nl',
    status: 'pending',
    createdAt: '2026-11-10T10:00:00.000Z',
    expiresAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}

describe('invite quota', () => {
  const now = new Date('2026-11-26T12:00:00.000Z');

  it('counts this calendar month of the inviter only, revoked ones included', () => {
    const invites = [
      invite({ id: '1' }),
      invite({ id: '2', status: 'revoked' }),
      invite({ id: '3', status: 'accepted', createdAt: '2026-11-01T00:00:00.000Z' }),
      invite({ id: '4', createdAt: '2026-10-31T23:59:59.000Z' }),
      invite({ id: '5', inviterId: 'someone-else' }),
    ];
    const quota = monthlyInviteQuota(invites, 'me', DEFAULT_INVITE_QUOTA, now);
    expect(quota).to.deep.equal({ limit: 5, used: 3, remaining: 2, resetsAt: '2026-12-01T00:00:00.000Z' });
    expect(isQuotaExhausted(quota)).to.equal(false);
  });

  it('is exhausted at the limit and never goes negative', () => {
    const invites = Array.from({ length: 6 }, (_, index) => invite({ id: String(index) }));
    const quota = monthlyInviteQuota(invites, 'me', 5, now);
    expect(quota.used).to.equal(6);
    expect(quota.remaining).to.equal(0);
    expect(isQuotaExhausted(quota)).to.equal(true);
  });

  it('lets the element be stricter than the backend, never looser', () => {
    const backend = { limit: 5, used: 2, remaining: 3, resetsAt: '2026-12-01T00:00:00.000Z' };
    expect(effectiveQuota(backend, 3).remaining).to.equal(1);
    expect(effectiveQuota(backend, 10).limit).to.equal(5);
    expect(effectiveQuota(backend, undefined).remaining).to.equal(3);
    expect(effectiveQuota(backend, 2).remaining).to.equal(0);
  });
});

describe('invite token states', () => {
  const now = new Date('2026-11-20T12:00:00.000Z');

  it('valid while pending and before expiry', () => {
    expect(inviteTokenState(invite({}), now)).to.equal('valid');
  });
  it('expired after the expiry date or when marked expired', () => {
    expect(inviteTokenState(invite({ expiresAt: '2026-11-20T11:59:59.000Z' }), now)).to.equal('expired');
    expect(inviteTokenState(invite({ status: 'expired' }), now)).to.equal('expired');
  });
  it('revoked when withdrawn, even if also past expiry', () => {
    expect(
      inviteTokenState(invite({ status: 'revoked', expiresAt: '2026-01-01T00:00:00.000Z' }), now),
    ).to.equal('revoked');
  });
  it('used once accepted or declined', () => {
    expect(inviteTokenState(invite({ status: 'accepted' }), now)).to.equal('used');
    expect(inviteTokenState(invite({ status: 'declined' }), now)).to.equal('used');
  });
  it('unknown when nothing matches', () => {
    expect(inviteTokenState(undefined, now)).to.equal('unknown');
  });
  it('shows pending past expiry as expired, which can be resent but not revoked', () => {
    const stale = invite({ expiresAt: '2026-11-19T00:00:00.000Z' });
    expect(effectiveInviteStatus(stale, now)).to.equal('expired');
    expect(canResendInvite(stale, now)).to.equal(true);
    expect(canRevokeInvite(stale, now)).to.equal(false);
    expect(canRevokeInvite(invite({}), now)).to.equal(true);
    expect(canResendInvite(invite({ status: 'accepted' }), now)).to.equal(false);
  });
});
