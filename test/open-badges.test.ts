import { expect, waitUntil } from '@open-wc/testing';
import {
  buildOpenBadgeCredential,
  OB_CONTEXT_V3,
  openBadgeFileName,
  VC_CONTEXT_V2,
} from '../src/ambassadors/open-badges.js';
import { downloadJson } from '../src/ambassadors/download.js';
import type { BadgeAward } from '../src/model.js';

const award: BadgeAward = {
  id: 'award-7',
  personId: 'p-1',
  role: 'writer',
  level: 'champion',
  awardedAt: '2026-11-02T09:30:00.000Z',
  awardedBy: 'system',
  criteriaMet: ['12 articles'],
  evidence: [{ url: 'https://intranet.acme.nl/blog/1', description: 'Blog about onboarding' }],
};
const recipient = { id: 'p-1', name: 'Sanne de Wit', email: 'Sanne@Acme.nl' };

function isUri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

describe('Open Badges 3.0 export', () => {
  it('has every required field, the right @context and type', async () => {
    const credential = buildOpenBadgeCredential({
      award,
      recipient,
      organization: { name: 'Acme', url: 'https://acme.nl/' },
      lang: 'en',
    });
    // Round-trip through JSON as a downloaded file would be read.
    const document = JSON.parse(JSON.stringify(credential));
    expect(document['@context']).to.deep.equal([VC_CONTEXT_V2, OB_CONTEXT_V3]);
    expect(document['@context'][0]).to.equal('https://www.w3.org/ns/credentials/v2');
    expect(document['@context'][1]).to.equal('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    expect(document.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(isUri(document.id)).to.equal(true);
    expect(document.name).to.equal('Writer ambassador, champion level');
    expect(document.issuer).to.deep.equal({
      id: 'https://acme.nl',
      type: ['Profile'],
      name: 'Acme',
      url: 'https://acme.nl',
    });
    expect(document.validFrom).to.equal('2026-11-02T09:30:00.000Z');
    expect(document.awardedDate).to.equal('2026-11-02T09:30:00.000Z');

    const subject = document.credentialSubject;
    expect(subject.type).to.deep.equal(['AchievementSubject']);
    expect(isUri(subject.id)).to.equal(true);
    // The address only as an Open Badges IdentityHash: sha256$hex(address + salt), checked with WebCrypto.
    const salt = subject.identifier[0].salt;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`sanne@acme.nl${salt}`));
    const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    expect(subject.identifier).to.deep.equal([
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: `sha256$${hex}`,
        identityType: 'emailAddress',
        salt,
      },
    ]);
    expect(JSON.stringify(document).toLowerCase()).not.to.contain('sanne@acme.nl');
    expect(salt).to.be.a('string').and.not.equal('');
    const achievement = subject.achievement;
    expect(isUri(achievement.id)).to.equal(true);
    expect(achievement.type).to.deep.equal(['Achievement']);
    expect(achievement.name).to.be.a('string').and.not.be.empty;
    expect(achievement.description).to.be.a('string').and.not.be.empty;
    expect(achievement.criteria.narrative).to.equal(
      'Reached the champion level of the Writer role in the ambassador programme of Acme: at least 12 articles.',
    );

    expect(document.evidence).to.deep.equal([
      { id: 'https://intranet.acme.nl/blog/1', type: ['Evidence'], name: 'Blog about onboarding' },
      { type: ['Evidence'], narrative: '12 articles' },
    ]);
    expect(document.proof).to.equal(undefined);
    expect(document.description).to.match(/^Unsigned credential/);
    expect(document.description).to.contain('can be edited by whoever holds the file');
  });

  it('builds valid URNs without an organisation URL, and speaks Dutch', () => {
    const credential = buildOpenBadgeCredential({
      award: { ...award, evidence: [], criteriaMet: [] },
      recipient: { id: 'p 1', name: 'Sanne' },
      organization: { name: 'Gemeente Ürk' },
      lang: 'nl',
    });
    expect(credential.issuer.id).to.equal('urn:kring:issuer:gemeente-urk');
    expect(credential.id).to.equal('urn:kring:badge:gemeente-urk:award-7');
    expect(credential.credentialSubject.id).to.equal('urn:kring:person:p%201');
    expect(credential.credentialSubject.identifier).to.equal(undefined);
    expect(credential.evidence).to.equal(undefined);
    expect(credential.name).to.equal('Ambassadeur Schrijver, niveau kampioen');
    expect(credential.description).to.match(/^Niet-ondertekende credential/);
    for (const id of [credential.id, credential.issuer.id, credential.credentialSubject.achievement.id]) {
      expect(isUri(id), id).to.equal(true);
    }
  });

  it('falls back to a named issuer when no organisation is configured', () => {
    const credential = buildOpenBadgeCredential({ award, recipient, lang: 'en' });
    expect(credential.issuer.name).to.equal('the community');
    expect(credential.issuer.type).to.deep.equal(['Profile']);
  });

  it('downloads as a .json file through an object URL that is revoked afterwards', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    let clickedName = '';
    const onClick = (event: Event) => {
      const link = event.target as HTMLAnchorElement;
      clickedName = link.download;
      event.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    URL.createObjectURL = (blob: Blob) => {
      const url = originalCreate(blob);
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      originalRevoke(url);
    };
    try {
      downloadJson(openBadgeFileName(award), { hello: 'world' });
      expect(clickedName).to.equal('kring-badge-writer-champion.json');
      expect(created).to.have.length(1);
      await waitUntil(() => revoked.length === 1, 'object URL revoked');
      expect(revoked).to.deep.equal(created);
      expect(document.querySelector('a[download]')).to.equal(null);
    } finally {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      document.removeEventListener('click', onClick, true);
    }
  });
});

describe('Open Badge image', () => {
  it('carries the role and level emblem as an SVG image that a browser can draw', async () => {
    const credential = buildOpenBadgeCredential({
      award,
      recipient,
      organization: { name: 'Acme' },
      lang: 'en',
    });
    const image = JSON.parse(JSON.stringify(credential)).credentialSubject.achievement.image;
    expect(image.type).to.equal('Image');
    expect(image.caption).to.equal('Writer ambassador, champion level');
    expect(image.id).to.match(/^data:image\/svg\+xml;base64,/);
    const picture = new Image();
    picture.src = image.id;
    await picture.decode();
    expect(picture.naturalWidth).to.be.greaterThan(0);
  });
});
