/**
 * The "done when", end to end on the demo backend: a member invites a colleague, the
 * colleague accepts through <kring-welcome>, the inviter's recruiter progress moves, a badge
 * appears on the profile card and downloads as an Open Badges 3.0 credential.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import '../src/elements/community/define.js';
import '../src/elements/profile-card/define.js';
import '../src/elements/invite/define.js';
import '../src/elements/welcome/define.js';
import '../src/elements/ambassador-programme/define.js';
import { createDemoBackend, type DemoBackend } from '../src/backends/demo/index.js';
import { registerTestBackend } from './helpers/backends.js';
import { TEST_NOW } from './helpers/clock.js';

function deep(root: ParentNode, selector: string): HTMLElement | null {
  const found = root.querySelector<HTMLElement>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.shadowRoot) {
      const inner = deep(element.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

describe('invite → welcome → recruiter progress → badge → Open Badge (demo backend)', () => {
  it('works on the demo data', async () => {
    // Pick a member one accepted invitation short of the recruiter starter level, with quota left.
    const probe = createDemoBackend({ persist: false, now: TEST_NOW });
    const { data } = probe.demo;
    const monthStart = new Date(Date.UTC(TEST_NOW.getUTCFullYear(), TEST_NOW.getUTCMonth(), 1)).toISOString();
    const acceptedBy = (id: string) =>
      data.invites.filter((invite) => invite.inviterId === id && invite.status === 'accepted').length;
    const sentThisMonth = (id: string) =>
      data.invites.filter(
        (invite) => invite.inviterId === id && !invite.viaLink && invite.createdAt >= monthStart,
      ).length;
    const inviter = data.people.find(
      (person) =>
        person.isMember &&
        acceptedBy(person.id) === 2 &&
        sentThisMonth(person.id) < 5 &&
        !data.badges.some((badge) => badge.personId === person.id && badge.role === 'recruiter'),
    );
    expect(inviter, 'a member with 2 accepted invitations in the demo data').to.exist;
    const invitee = data.people.find(
      (person) =>
        !person.isMember && !data.invites.some((invite) => invite.email === person.email.toLowerCase()),
    )!;
    expect(invitee, 'a colleague who is not a member yet').to.exist;

    const { name, backend } = registerTestBackend({}, { currentUserId: inviter!.id });
    const demo = (backend as DemoBackend).demo;
    const community = await fixture<HTMLElement>(
      html`<kring-community
        backend=${name}
        lang="en"
        tracking="off"
        organization-name="Gemeente Voorbeeld"
        organization-url="https://voorbeeld.example"
      >
        <kring-ambassador-programme></kring-ambassador-programme>
        <kring-invite></kring-invite>
        <kring-welcome token-param="no-token-in-this-url"></kring-welcome>
        <kring-profile-card person="me" view="full"></kring-profile-card>
      </kring-community>`,
    );
    const programme = community.querySelector('kring-ambassador-programme')!;
    const invite = community.querySelector('kring-invite')!;
    const welcome = community.querySelector('kring-welcome')!;
    const card = community.querySelector('kring-profile-card')!;

    // 1. The inviter chooses the recruiter role and sees 2 of 3.
    await waitUntil(
      () => programme.shadowRoot!.querySelector('input[value="recruiter"]'),
      'programme loaded',
    );
    programme.shadowRoot!.querySelector<HTMLInputElement>('input[value="recruiter"]')!.click();
    programme.shadowRoot!.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    const recruiterBar = () =>
      programme.shadowRoot!.querySelector<HTMLProgressElement>('[data-role="recruiter"] progress');
    await waitUntil(() => recruiterBar(), 'recruiter progress shown');
    expect(recruiterBar()!.value).to.equal(2);
    expect(recruiterBar()!.max).to.equal(3);

    // 2. They invite the colleague by e-mail.
    await waitUntil(() => invite.shadowRoot!.querySelector('#email'), 'invite form shown');
    invite.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value = invitee.email.toUpperCase();
    const sent = nextEvent(invite, 'kring-invite-sent');
    invite.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send"]')!.click();
    const { invite: sentInvite } = (await sent).detail;
    const token = demo.inviteToken(sentInvite.id)!;
    expect(token).to.be.a('string');

    // 3. The colleague opens the welcome page and joins.
    welcome.setAttribute('token', token);
    await waitUntil(() => welcome.shadowRoot!.querySelector('[part="join"]'), 'welcome shows join');
    expect(welcome.shadowRoot!.querySelector('[part="inviter"]')!.textContent).to.contain(inviter!.name);
    const accepted = nextEvent(welcome, 'kring-invite-accepted');
    welcome.shadowRoot!.querySelector<HTMLButtonElement>('[part="join"]')!.click();
    await accepted;
    const joined = (await backend.getPeople([invitee.id]))[0]!;
    expect(joined.isMember).to.equal(true);
    expect(joined.invitedBy).to.equal(inviter!.id);
    expect(joined.joinedAt).to.be.a('string');

    // 4. The inviter's recruiter progress moves and the starter level is reached.
    await waitUntil(() => recruiterBar()?.value === 3, 'recruiter progress moved to 3');
    expect(programme.shadowRoot!.querySelector('[data-role="recruiter"]')!.textContent).to.contain(
      'Level: starter',
    );

    // 5. The badge appears on the profile card.
    const badgeButton = () => deep(card.shadowRoot!, '[part~="badge"][data-role="recruiter"]');
    await waitUntil(() => badgeButton(), 'recruiter badge on the profile card', { timeout: 4000 });
    expect(badgeButton()!.textContent!.trim()).to.equal('Recruiter, starter level');
    await expect(card).to.be.accessible();

    // 6. It downloads as an Open Badges 3.0 credential.
    const blobs: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return originalCreate(blob);
    };
    const stopNavigation = (event: Event) => event.preventDefault();
    document.addEventListener('click', stopNavigation, true);
    try {
      badgeButton()!.click();
      const badgeElement = card.shadowRoot!.querySelector('kring-ambassador-badge')!;
      await waitUntil(() => badgeElement.shadowRoot!.querySelector('[part="download"]'), 'download offered');
      badgeElement.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!.click();
      await waitUntil(() => blobs.length === 1, 'file offered');
    } finally {
      URL.createObjectURL = originalCreate;
      document.removeEventListener('click', stopNavigation, true);
    }
    const credential = JSON.parse(await blobs[0].text());
    expect(credential['@context']).to.deep.equal([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).to.include({ id: 'https://voorbeeld.example', name: 'Gemeente Voorbeeld' });
    expect(credential.credentialSubject.achievement.name).to.equal('Recruiter ambassador, starter level');
    expect(credential.credentialSubject.name).to.equal(inviter!.name);
  });
});
