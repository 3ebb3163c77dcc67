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
  for (const link of document.querySelectorAll('a[href$=".html"], a[href*=".html#"]')) {
    const url = new URL(link.getAttribute('href'), location.href);
    if (params.has('lang')) url.searchParams.set('lang', lang);
    if (params.has('backend')) url.searchParams.set('backend', backend);
    link.href = url.pathname + url.search + url.hash;
  }
})();

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
