// Demo page helper (an external file, so the page keeps working under a strict CSP).
// Applies `?lang=en|nl` and `?backend=demo|rest|sharepoint|graph` to the page's <kring-community>,
// before Kring defines its elements (both scripts are deferred and run in order).
(function applyDemoSettings() {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'en' ? 'en' : 'nl';
  // Served by Kring Server (`npm start`): the page says where its API is, and that is the default.
  const kringServer = document.querySelector('meta[name="kring-server"]');
  const backend = params.get('backend') || (kringServer ? 'server' : 'demo');
  const community = document.querySelector('kring-community');

  document.documentElement.lang = lang;
  // ?as=<person id>: on the demo backend, sign in as another colleague of the demo company. Every demo user
  // shares one saved world, so an invitation one of them makes, another can open and accept.
  const as = backend === 'demo' ? params.get('as') : null;
  if (as) {
    const queue = (globalThis[Symbol.for('kring.pendingOptions')] ??= []);
    queue.push({ demo: { currentUserId: as, storageOwner: 'default' } });
  }
  if (community) {
    community.setAttribute('lang', lang);
    community.setAttribute('backend', backend === 'server' ? 'rest' : backend);
    if (backend === 'server') {
      community.setAttribute('endpoint', kringServer.content);
      // Kring Server pushes others' changes (GET /events): the feed and cards follow without a reload.
      // Kring is not loaded yet (its script comes next): its queue of early settings takes this.
      (window[Symbol.for('kring.pendingOptions')] ??= []).push({ rest: { liveUpdates: true } });
    }
    // Adapters that need a server get a same-origin address, answered in the page by demo/mock-servers.ts.
    if (backend === 'rest' && !community.hasAttribute('endpoint'))
      community.setAttribute('endpoint', '/api/kring');
    // The same addresses demo/mock-servers.ts imitates.
    if (backend === 'sharepoint' && !community.hasAttribute('site-url')) {
      community.setAttribute('site-url', `${location.origin}/sites/kring`);
    }
  }

  // Invitation links (made with <kring-invite>) open this page with ?invite=<token>; only then does
  // the welcome element belong on it.
  if (!params.has('invite')) {
    for (const welcome of document.querySelectorAll('kring-welcome')) welcome.closest('section')?.remove();
  }

  // The intranet's own texts: Dutch in the markup, English in data-en attributes (set as text only).
  if (lang === 'en') {
    for (const element of document.querySelectorAll('[data-en]')) element.textContent = element.dataset.en;
    for (const element of document.querySelectorAll('[data-en-placeholder]')) {
      element.setAttribute('placeholder', element.dataset.enPlaceholder);
    }
    for (const element of document.querySelectorAll('[data-en-aria-label]')) {
      element.setAttribute('aria-label', element.dataset.enAriaLabel);
    }
  }

  if (kringServer) addServerSwitches(kringServer, backend === 'server', lang);

  // Switch links keep the other setting, and mark the current one.
  function linkFor(changes) {
    const next = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    return `?${next.toString()}`;
  }
  for (const link of document.querySelectorAll('[data-switch-lang]')) {
    link.href = linkFor({ lang: link.dataset.switchLang });
    if (link.dataset.switchLang === lang) link.setAttribute('aria-current', 'true');
  }
  for (const link of document.querySelectorAll('[data-switch-backend]')) {
    link.href = linkFor({ backend: link.dataset.switchBackend });
    if (link.dataset.switchBackend === backend) link.setAttribute('aria-current', 'true');
  }
  // Page links carry the settings along.
  for (const link of document.querySelectorAll('a[href$=".html"], a[href*=".html#"], a[data-tour-link]')) {
    const url = new URL(link.getAttribute('href'), location.href);
    if (params.has('lang')) url.searchParams.set('lang', lang);
    if (params.has('backend')) url.searchParams.set('backend', backend);
    if (as) url.searchParams.set('as', as);
    link.href = url.pathname + url.search + url.hash;
  }

  setUpTour(backend, lang, as);
})();

// The two-minute tour on the home page: its invitation step makes a real invitation link and opens it as a
// colleague who is not a member yet (demo backend), so the welcome page can be tried in this browser.
function setUpTour(backend, lang, as) {
  const en = lang === 'en';
  const button = document.querySelector('[data-tour-invite]');
  const status = document.querySelector('[data-tour-status]');
  const persona = document.querySelector('[data-tour-persona]');
  if (persona && as) {
    const back = new URL(location.href);
    back.searchParams.delete('as');
    back.searchParams.delete('invite');
    const link = document.createElement('a');
    link.href = back.pathname + back.search;
    link.textContent = en ? 'back to the community manager' : 'terug naar de communitymanager';
    const who = document.createElement('span');
    who.textContent = as;
    persona.append(en ? 'Signed in as ' : 'Aangemeld als ', who, ' · ', link);
    persona.hidden = false;
    // The name once Kring has connected (the community element is defined after this script).
    customElements.whenDefined('kring-community').then(async () => {
      const community = document.querySelector('kring-community');
      for (let tries = 0; tries < 100 && !community?.communityClient; tries++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const me = await community?.communityClient?.currentUser();
      if (me?.name) who.textContent = me.name;
    });
  }
  if (!button) return;
  if (backend !== 'demo') {
    // Other backends know who is signed in from the server; one browser cannot be two people there.
    button.closest('li')?.append(en ? ' (on the demo backend)' : ' (op de demo-backend)');
    button.disabled = true;
    return;
  }
  button.addEventListener('click', async () => {
    const client = document.querySelector('kring-community')?.communityClient;
    if (!client) return;
    status.textContent = en ? 'Making an invitation link…' : 'Uitnodigingslink maken…';
    try {
      const link = await client.createInviteLink();
      const found = await client.searchPeople({ department: 'Sales', limit: 100 });
      const invitee = found.items.map((match) => match.person).find((person) => !person.isMember);
      if (!invitee) throw new Error(en ? 'everyone is a member already' : 'iedereen is al lid');
      const url = new URL(link.url, location.href);
      url.searchParams.set('as', invitee.id);
      url.searchParams.set('lang', lang);
      url.hash = '';
      status.textContent = en ? `Opening it as ${invitee.name}…` : `Openen als ${invitee.name}…`;
      location.assign(url.pathname + url.search);
    } catch (error) {
      status.textContent =
        (en ? 'No invitation: ' : 'Geen uitnodiging: ') + (error?.message ?? String(error));
    }
  });
}

// On Kring Server in dev mode: a "server" backend link, and "sign in as" a colleague (a cookie the
// server reads in dev mode only), so two windows can be two colleagues who see each other's kudos.
function addServerSwitches(meta, onServer, lang) {
  const switches = document.querySelector('.switches');
  const backendLinks = document.querySelector('[data-switch-backend="demo"]')?.parentElement;
  if (!switches || !backendLinks) return;
  const serverLink = document.createElement('a');
  serverLink.dataset.switchBackend = 'server';
  serverLink.textContent = 'server';
  backendLinks.insertBefore(serverLink, backendLinks.querySelector('[data-switch-backend="demo"]'));
  if (!onServer || !meta.dataset.people) return;

  const row = document.createElement('p');
  const label = document.createElement('label');
  label.htmlFor = 'sign-in-as';
  label.textContent = lang === 'en' ? 'Signed in as:' : 'Aangemeld als:';
  const select = document.createElement('select');
  select.id = 'sign-in-as';
  row.append(label, ' ', select);
  switches.append(row);
  const chosen = document.cookie.match(/(?:^|; )kring-dev-user=([^;]*)/)?.[1];
  fetch(meta.dataset.people)
    .then((response) => response.json())
    .then(({ items }) => {
      for (const person of items) {
        const option = document.createElement('option');
        option.value = person.id;
        const role = person.is_community_manager
          ? lang === 'en'
            ? ', community manager'
            : ', communitymanager'
          : person.is_member
            ? ''
            : lang === 'en'
              ? ', not a member yet'
              : ', nog geen lid';
        option.textContent = `${person.name} (${person.department ?? ''}${role})`;
        option.selected = chosen ? decodeURIComponent(chosen) === person.id : person.is_community_manager;
        select.append(option);
      }
    })
    .catch(() => row.remove());
  select.addEventListener('change', () => {
    document.cookie = `kring-dev-user=${encodeURIComponent(select.value)}; path=/; SameSite=Strict`;
    location.reload();
  });
}
