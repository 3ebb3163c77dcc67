import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import { BackendError } from '../src/errors.js';
import { AVATAR_PALETTE, initials, safeUrl } from '../src/elements/shared/avatar.js';
import { renderAvatar } from '../src/elements/shared/small-avatar.js';
import { never, registerTestBackend } from './helpers/backends.js';
import type { Person } from '../src/model.js';
import { avatarShows, tinyPhotoUrl } from './helpers/photos-later.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';

async function renderCard(backendName: string, attributes: { person: string; view?: string; lang?: string }) {
  const community = await fixture<KringCommunity>(
    html`<kring-community backend=${backendName} lang=${attributes.lang ?? 'en'}>
      <kring-profile-card
        person=${attributes.person}
        view=${attributes.view ?? 'compact'}
      ></kring-profile-card>
    </kring-community>`,
  );
  return community.querySelector('kring-profile-card')!;
}

function shadowText(card: KringProfileCard): string {
  return card.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
}

const part = (card: KringProfileCard, name: string) => card.shadowRoot!.querySelector(`[part~="${name}"]`);

/** A test backend whose people arrive once `open()` is called. */
function peopleWhenOpened(): { name: string; open: () => void } {
  const seeded = registerTestBackend().backend;
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  const getPeople = async (ids: readonly string[]) => {
    await opened;
    return seeded.getPeople(ids);
  };
  return { name: registerTestBackend({ getPeople }).name, open };
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('<kring-profile-card>', () => {
  it('shows a skeleton while loading, with no layout jump when data arrives', async () => {
    const gate: { open?: () => void } = {};
    const opened = new Promise<void>((resolve) => (gate.open = resolve));
    const test = registerTestBackend();
    const { name } = registerTestBackend({
      getPeople: (ids: readonly string[]) => opened.then(() => test.backend.getPeople(ids)),
    });
    const card = await renderCard(name, { person: 'p00002' });
    await waitUntil(() => part(card, 'card')?.getAttribute('aria-busy') === 'true', 'skeleton shown');
    expect(shadowText(card)).to.contain('Loading profile');
    await expect(card).to.be.accessible();
    const loadingHeight = card.getBoundingClientRect().height;
    gate.open!();
    await waitUntil(() => part(card, 'name'), 'data shown');
    // The skeleton reserves the card's minimum height: the data may grow it, never shrink it.
    expect(card.getBoundingClientRect().height).to.be.at.least(loadingHeight);
  });

  it('pulses the skeleton only once the load has taken a while, and stops when the data arrives', async () => {
    const { name, open } = peopleWhenOpened();
    const started = performance.now();
    const card = await renderCard(name, { person: 'p00002' });
    await waitUntil(() => part(card, 'card')?.getAttribute('aria-busy') === 'true', 'skeleton shown');
    await waitUntil(() => card.shadowRoot!.getAnimations().length === 1, 'a slow load pulses');
    // No animation (not even a delayed one) before 0.4 s: a quick load never creates one.
    expect(performance.now() - started, 'not at once').to.be.at.least(390);
    open();
    await waitUntil(() => part(card, 'name'), 'data shown');
    expect(card.shadowRoot!.getAnimations(), 'the loaded card does not pulse').to.have.length(0);
  });

  it('shows the person: name, title, department, location, skills and a mail link', async () => {
    const { name, backend } = registerTestBackend();
    const [person] = (await backend.getPeople(['p00002'])) as Person[];
    const card = await renderCard(name, { person: 'p00002' });
    await waitUntil(() => part(card, 'name'), 'data shown');
    // The seeded data (fixed seed and clock) gives this person every field the card shows.
    expect(person.title, 'p00002 has a title').to.be.a('string').and.not.equal('');
    expect(person.location, 'p00002 has a location').to.be.a('string').and.not.equal('');
    expect(person.skills.length, 'p00002 has skills').to.be.at.least(1);
    expect(part(card, 'name')!.textContent!.trim()).to.equal(person.name);
    expect(part(card, 'title')!.textContent).to.contain(person.title);
    expect(part(card, 'meta')!.textContent).to.contain(person.department!);
    expect(part(card, 'meta')!.textContent).to.contain(person.location);
    const mail = card.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
    expect(mail?.getAttribute('href')).to.equal(`mailto:${person.email}`);
    expect(part(card, 'skills')!.querySelectorAll('li').length).to.be.within(1, 3);
    await expect(card).to.be.accessible();
  });

  it('finds a person by e-mail address, case-insensitively, and `me`', async () => {
    const { name, backend } = registerTestBackend();
    const me = await backend.currentUser();
    const [other] = (await backend.getPeople(['p00003'])) as Person[];
    const byMail = await renderCard(name, { person: other.email!.toUpperCase() });
    await waitUntil(() => part(byMail, 'name'), 'data shown');
    expect(part(byMail, 'name')!.textContent!.trim()).to.equal(other.name);
    const mine = await renderCard(name, { person: 'me' });
    await waitUntil(() => part(mine, 'name'), 'me shown');
    expect(part(mine, 'name')!.textContent!.trim()).to.equal(me.name);
  });

  it('says when a person is not found, in English and Dutch', async () => {
    const { name } = registerTestBackend();
    const english = await renderCard(name, { person: 'no-such-person' });
    await waitUntil(() => shadowText(english).includes('Profile not found'), 'English not-found');
    await expect(english).to.be.accessible();
    const dutch = await renderCard(name, { person: 'no-such-person', lang: 'nl' });
    await waitUntil(() => shadowText(dutch).includes('Profiel niet gevonden'), 'Dutch not-found');
    await expect(dutch).to.be.accessible();
  });

  it('shows an error with a retry button that loads the person', async () => {
    let failing = true;
    const base = registerTestBackend();
    const { name } = registerTestBackend({
      getPeople: (ids: readonly string[]) =>
        failing
          ? Promise.reject(new BackendError('invalid', 'The directory refused the request.'))
          : base.backend.getPeople(ids),
    });
    const card = await renderCard(name, { person: 'p00004' });
    await waitUntil(() => part(card, 'retry'), 'error state');
    expect(shadowText(card)).to.contain('could not be loaded');
    expect(shadowText(card)).to.contain('The directory refused the request.');
    await expect(card).to.be.accessible();
    failing = false;
    (part(card, 'retry') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(card, 'name'), 'data after retry');
  });

  it('renders a hostile name as text', async () => {
    const hostile = '<img src=x onerror="window.__kringXss=1">';
    const base = registerTestBackend();
    const { name } = registerTestBackend({
      getPeople: async (ids: readonly string[]) => {
        const people = await base.backend.getPeople(ids);
        return people.map(
          (person) => person && { ...person, name: hostile, title: '<script>window.__kringXss=2</script>' },
        );
      },
    });
    const card = await renderCard(name, { person: 'p00005', view: 'full' });
    await waitUntil(() => part(card, 'name'), 'data shown');
    expect(part(card, 'name')!.textContent!.trim()).to.equal(hostile);
    expect(card.shadowRoot!.querySelector('img[src="x"]')).to.equal(null);
    expect(card.shadowRoot!.querySelector('script')).to.equal(null);
    expect((window as unknown as { __kringXss?: number }).__kringXss).to.equal(undefined);
  });

  it('drops links with unsafe schemes', async () => {
    const base = registerTestBackend();
    const { name } = registerTestBackend({
      getPeople: async (ids: readonly string[]) => {
        const people = await base.backend.getPeople(ids);
        return people.map(
          (person) =>
            person && {
              ...person,
              links: [
                { kind: 'web', url: 'javascript:alert(1)' },
                { kind: 'chat', url: 'https://chat.intra.example/u/1' },
              ],
            },
        );
      },
    });
    const card = await renderCard(name, { person: 'p00006' });
    await waitUntil(() => part(card, 'name'), 'data shown');
    const hrefs = Array.from(card.shadowRoot!.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs.some((href) => href?.startsWith('javascript'))).to.equal(false);
    expect(hrefs).to.include('https://chat.intra.example/u/1');
  });

  it('moves focus through its links in reading order', async () => {
    const base = registerTestBackend();
    const { name } = registerTestBackend({
      getPeople: async (ids: readonly string[]) => {
        const people = await base.backend.getPeople(ids);
        return people.map(
          (person) =>
            person && {
              ...person,
              links: [
                { kind: 'profile', url: 'https://intra.example/people/1' },
                { kind: 'chat', url: 'https://chat.intra.example/u/1' },
              ],
            },
        );
      },
    });
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const card = await renderCard(name, { person: 'p00007' });
      await waitUntil(() => part(card, 'name'), 'data shown');
      before.focus();
      const visited: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        visited.push(card.shadowRoot!.activeElement?.getAttribute('href') ?? 'outside');
      }
      expect(visited[0]).to.equal('https://intra.example/people/1');
      expect(visited[1]).to.match(/^mailto:/);
      expect(visited[2]).to.equal('https://chat.intra.example/u/1');
    } finally {
      before.remove();
    }
  });

  it('full view shows about text and kudos count, in Dutch', async () => {
    const { name, backend } = registerTestBackend();
    const [person] = (await backend.getPeople(['p00008'])) as Person[];
    const card = await renderCard(name, { person: 'p00008', view: 'full', lang: 'nl' });
    await waitUntil(() => part(card, 'name'), 'data shown');
    // The seeded data (fixed seed and clock) gives this person an about text and received kudos.
    expect(person.about, 'p00008 has an about text').to.be.a('string').and.not.equal('');
    expect(person.kudosReceived, 'p00008 has received kudos').to.be.greaterThan(0);
    expect(part(card, 'about')!.textContent).to.contain(person.about);
    expect(part(card, 'kudos')!.textContent).to.contain(`${person.kudosReceived} keer kudos ontvangen`);
    await expect(card).to.be.accessible();
  });

  it('validates the view attribute', async () => {
    const original = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const { name } = registerTestBackend();
      const card = await renderCard(name, { person: 'p00002', view: 'huge' });
      await waitUntil(() => part(card, 'name'), 'still renders');
      expect(logged.filter((line) => line.includes('view="huge"'))).to.have.length(1);
      expect(logged[0]).to.contain('compact, full');
    } finally {
      console.error = original;
    }
  });

  it('initials avatars have readable contrast and skip name particles', () => {
    for (const colour of AVATAR_PALETTE) {
      const ratio = (1 + 0.05) / (relativeLuminance(colour) + 0.05);
      expect(ratio, colour).to.be.at.least(4.5);
    }
    expect(initials('Jan de Vries')).to.equal('JV');
    expect(initials('Zoë van den Berg')).to.equal('ZB');
    expect(initials('Öztürk')).to.equal('Ö');
  });

  it('200 cards on a page make at most two batched getPeople calls', async () => {
    const { name, calls } = registerTestBackend();
    const ids = Array.from({ length: 200 }, (_, i) => `p${String(i + 1).padStart(5, '0')}`);
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name}>
        ${ids.map((id) => html`<kring-profile-card person=${id}></kring-profile-card>`)}
      </kring-community>`,
    );
    const cards = Array.from(community.querySelectorAll('kring-profile-card'));
    await waitUntil(() => cards.every((card) => part(card, 'name')), 'all cards show data', {
      timeout: 8000,
    });
    const requested = (calls.getPeople ?? []).flatMap((args) => args[0] as string[]);
    expect(calls.getPeople!.length).to.be.at.most(2);
    expect(new Set(requested).size).to.equal(200);
  });

  it('keeps loading (not an error) while the backend has not answered', async () => {
    const { name } = registerTestBackend({ getPeople: () => never() });
    const card = await renderCard(name, { person: 'p00002' });
    await waitUntil(() => part(card, 'card')?.getAttribute('aria-busy') === 'true', 'loading');
    expect(card.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows a plain circle while the photo is on its way, then the photo, never initials in between', async () => {
    const base = registerTestBackend();
    let sendLater: ((people: readonly Person[]) => void) | undefined;
    const { name } = registerTestBackend({
      getPeople: async (ids: readonly string[]) => {
        const people = await base.backend.getPeople(ids);
        return people.map((person) => person && { ...person, photoPending: true });
      },
      watchPeople: (listener: (people: readonly Person[]) => void) => {
        sendLater = listener;
        return () => undefined;
      },
    });
    const card = await renderCard(name, { person: 'p00002' });
    await waitUntil(() => part(card, 'name'), 'name shown');
    const avatar = part(card, 'avatar')!;
    expect(avatarShows(avatar), 'a plain circle: no photo, no initials yet').to.equal('circle');
    expect(avatar.getAttribute('aria-hidden')).to.equal('true');
    await expect(card).to.be.accessible();
    const [person] = (await base.backend.getPeople(['p00002'])) as Person[];
    const photo = tinyPhotoUrl();
    sendLater!([{ ...person, photoUrl: photo }]);
    await waitUntil(() => part(card, 'avatar')!.querySelector('img'), 'the photo follows');
    expect(part(card, 'avatar')!.querySelector('img')!.getAttribute('src')).to.equal(photo);
    expect(part(card, 'name')!.textContent!.trim()).to.equal(person.name);
    // A photo host learns nothing about the page it is shown on.
    expect(part(card, 'avatar')!.querySelector('img')!.getAttribute('referrerpolicy')).to.equal(
      'no-referrer',
    );
    const small = await fixture(html`<div>${renderAvatar({ name: 'A B', photoUrl: photo })}</div>`);
    expect(small.querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('keeps following people updates after the card is moved in the page', async () => {
    const base = registerTestBackend();
    let sendLater: ((people: readonly Person[]) => void) | undefined;
    const { name } = registerTestBackend({
      watchPeople: (listener: (people: readonly Person[]) => void) => {
        sendLater = listener;
        return () => undefined;
      },
    });
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="en">
        <section id="first"><kring-profile-card person="p00002"></kring-profile-card></section>
        <section id="second"></section>
      </kring-community>`,
    );
    const card = community.querySelector('kring-profile-card')!;
    await waitUntil(() => part(card, 'name'), 'name shown');
    // Moving an element disconnects it and connects it again at once (a list re-sorted, a tab switched).
    community.querySelector('#second')!.append(card);
    await card.updateComplete;
    const [person] = (await base.backend.getPeople(['p00002'])) as Person[];
    sendLater!([{ ...person, name: 'Anna Verhuisd' }]);
    await waitUntil(
      () => part(card, 'name')?.textContent?.trim() === 'Anna Verhuisd',
      'the moved card shows the new name',
    );
  });

  it('renders only compact cards near the screen, and writes back only the full view', async () => {
    const { name } = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="en">
        <div style="height: 300vh"></div>
        <kring-profile-card person="p00002"></kring-profile-card>
      </kring-community>`,
    );
    const card = community.querySelector('kring-profile-card')!;
    await waitUntil(() => part(card, 'name'), 'data shown');
    expect(card.hasAttribute('view'), 'a compact card gets no attribute written').to.equal(false);
    // Whether the browser renders the card's content (or skips it while it is far from the screen).
    const rendered = () => part(card, 'name')!.checkVisibility({ contentVisibilityAuto: true });
    await waitUntil(() => !rendered(), 'a compact card far below the screen is not rendered');
    // The full view's badge popover must not be clipped: the full card renders wherever it is.
    card.view = 'full';
    await waitUntil(() => card.getAttribute('view') === 'full', 'the full view is written back');
    await waitUntil(rendered, 'the full card renders off screen too');
    card.view = 'compact';
    await waitUntil(() => card.getAttribute('view') === 'compact', 'and back');
    await waitUntil(() => !rendered(), 'compact again: skipped off screen');
    card.scrollIntoView();
    await waitUntil(rendered, 'rendered once it is near the screen');
  });

  it('falls back to initials when the photo does not load', async () => {
    const base = registerTestBackend();
    const { name } = registerTestBackend({
      getPeople: async (ids: readonly string[]) => {
        const people = await base.backend.getPeople(ids);
        return people.map((person) => person && { ...person, photoUrl: '/no-such-photo.jpg' });
      },
    });
    const card = await renderCard(name, { person: 'p00002' });
    await waitUntil(() => part(card, 'name'), 'data shown');
    await waitUntil(() => !part(card, 'avatar')!.querySelector('img'), 'the broken photo is replaced');
    expect(part(card, 'avatar')!.textContent!.trim()).to.match(/^\p{Lu}{1,2}$/u);
    await expect(card).to.be.accessible();
  });

  it('offers contact actions as named icons, not an underlined address; copy says it copied (nl)', async () => {
    const { name, backend } = registerTestBackend();
    const [person] = (await backend.getPeople(['p00009'])) as Person[];
    const card = await renderCard(name, { person: 'p00009', view: 'full', lang: 'nl' });
    await waitUntil(() => part(card, 'name'), 'data shown');
    const links = part(card, 'links')!;
    expect(links.textContent, 'the address is not written out').not.to.contain(person.email!);
    const mail = links.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(mail.getAttribute('aria-label')).to.equal(`E-mail ${person.name}`);
    expect(mail.querySelector('svg'), 'an icon').to.exist;
    expect(mail.textContent!.trim()).to.equal('');
    // Every action shows one decorative icon drawn for its kind (written into the action's template).
    const drawings = new Map<string, string>();
    for (const action of links.querySelectorAll('[part~="action"]')) {
      const icons = action.querySelectorAll('svg.icon[aria-hidden="true"]');
      expect(icons.length, action.getAttribute('aria-label')!).to.equal(1);
      expect(icons[0].querySelector('path'), 'drawn').to.exist;
      drawings.set(action.getAttribute('aria-label')!, icons[0].innerHTML);
    }
    expect(drawings.size, 'mail, chat or web, copy and kudos').to.be.greaterThan(2);
    expect(new Set(drawings.values()).size, 'a different icon for each action').to.equal(drawings.size);
    const copy = [...links.querySelectorAll('button')].find((button) =>
      button.getAttribute('aria-label')?.includes('kopiëren'),
    )!;
    expect(copy.getAttribute('aria-label')).to.equal(`E-mailadres van ${person.name} kopiëren`);
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    try {
      copy.click();
      // Said through the page's one announcement queue (no live region in the card).
      const region = announcementQueue().liveRegion;
      await waitUntil(() => region.textContent!.includes('gekopieerd'), 'copied is said');
      expect(written).to.deep.equal([person.email]);
      expect(region.textContent).to.contain(`E-mailadres van ${person.name} gekopieerd`);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
    await expect(card).to.be.accessible();
  });

  it('links only safe URLs, each as the browser would write it (plain ones without parsing them)', () => {
    const urls = [
      'https://teams.microsoft.com/l/chat/0/0?users=ines.kowalczyk%40kring-demo.nl',
      'https://intranet.example/people/p00002#about',
      'http://intranet/wiki/Jan_de_Vries?tab=1',
      'mailto:jan.de.vries@example.nl',
      // Each of these is written differently by the browser: the card must link what the browser would.
      'HTTPS://Teams.Microsoft.com/l/chat',
      'https://intranet.example:443/people',
      'https://intranet.example/a/./b/../c',
      'https://intranet.example/%2e%2E/c',
      'https://intranet.example\\people',
      'https://0x7f.1/people',
      'https://intranet.example',
      "https://intranet.example/search?q=it's",
      'https://user@intranet.example/people',
    ];
    for (const url of urls) expect(safeUrl(url), url).to.equal(new URL(url).href);
    expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeUrl('data:text/html,hi')).to.equal(undefined);
  });
});
