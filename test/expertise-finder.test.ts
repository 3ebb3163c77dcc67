import { expect, fixture, html, waitUntil as waitUntilDefault } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/elements/expertise-finder/define.js';
import type { KringExpertiseFinder } from '../src/elements/expertise-finder/expertise-finder.js';
import type {
  KringInviteRequestEvent as InviteRequestEvent,
  KringPersonSelectEvent as PersonSelectEvent,
} from '../src/events/index.js';
import { BackendError } from '../src/errors.js';
import { FakeClient, provide } from './helpers/expertise-finder.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { typeBurst } from './helpers/typing.js';

/** The machine is shared and busy: allow more than the default second for a condition. */
const waitUntil = (condition: () => unknown, message?: string) =>
  waitUntilDefault(condition, message, { timeout: 5000 });

async function mount(
  client: FakeClient,
  template = html`<kring-expertise-finder></kring-expertise-finder>`,
): Promise<KringExpertiseFinder> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provide(host, client);
  const wrapper = await fixture<HTMLDivElement>(html`<div>${template}</div>`, { parentNode: host });
  const el = wrapper.querySelector('kring-expertise-finder')!;
  await el.updateComplete;
  return el;
}

function shadow(el: KringExpertiseFinder) {
  const root = el.shadowRoot!;
  return {
    input: root.querySelector('input')!,
    options: () => [...root.querySelectorAll<HTMLElement>('[role="option"]')],
    names: () => [...root.querySelectorAll('[part~="name"]')].map((n) => n.textContent!.trim()),
    // What the finder says: the page's one announcement queue (src/elements/shared/announcer.ts).
    status: () => announcementQueue().liveRegion.textContent!.trim(),
    part: (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`),
    parts: (name: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)],
  };
}

async function typeInto(el: KringExpertiseFinder, text: string): Promise<void> {
  shadow(el).input.focus();
  await typeBurst(text);
}

async function settled(el: KringExpertiseFinder, client: FakeClient, count: number) {
  await waitUntil(
    () => client.searches.length >= count && shadow(el).status() !== '',
    'search did not settle',
  );
  await el.updateComplete;
}

describe('<kring-expertise-finder>', () => {
  beforeEach(() => announcementQueue().clear());

  it('shows ranked results with a "why this person" line and announces the count', async () => {
    const client = new FakeClient();
    const el = await mount(client);
    // Idle: nothing typed, nothing asked.
    expect(shadow(el).input.getAttribute('aria-expanded')).to.equal('false');
    expect(client.searches.length).to.equal(0);
    await expect(el).to.be.accessible();
    await typeInto(el, 'power bi');
    await settled(el, client, 1);
    const view = shadow(el);
    expect(view.names()).to.deep.equal(['Anna Müller', 'Ayşe Öztürk', 'Bjørn Olsen']);
    expect(view.parts('why')[0].textContent!.trim()).to.equal(
      'Expert in Power BI · 12 endorsements · can mentor · ask me about',
    );
    expect(view.parts('meta')[0].textContent!.trim()).to.equal('Data analyst · Finance');
    await waitUntil(() => view.status() === '3 people found', '3 people found');
    expect(view.input.getAttribute('aria-expanded')).to.equal('true');
    // Typing debounced into one request.
    expect(client.searches.length).to.equal(1);
    expect(client.searches[0].query.text).to.equal('power bi');
    await expect(el).to.be.accessible();
  });

  it('records a search event with the normalised skill, and not for free text', async () => {
    const client = new FakeClient();
    const el = await mount(client);
    await typeInto(el, 'POWER BI');
    await waitUntil(() => shadow(el).status() === '3 people found');
    // Other activity (e.g. `element-seen` from the base class) is not this test's business.
    const searches = () => client.tracked.filter((event) => event.type === 'search');
    expect(searches()).to.deep.equal([{ type: 'search', subject: 'power bi' }]);
    const view = shadow(el);
    view.input.select();
    await typeBurst('anna');
    await waitUntil(() => view.names().join() === 'Anna Müller');
    expect(searches().length).to.equal(1);
  });

  it('finds people regardless of accents', async () => {
    const client = new FakeClient();
    const el = await mount(client, html`<kring-expertise-finder query="ozturk"></kring-expertise-finder>`);
    await settled(el, client, 1);
    expect(shadow(el).names()).to.deep.equal(['Ayşe Öztürk']);
    expect(shadow(el).input.value).to.equal('ozturk');
  });

  it('works by keyboard alone: arrows, Home/End, Enter, Escape', async () => {
    const client = new FakeClient();
    const el = await mount(client);
    const view = shadow(el);
    await typeInto(el, 'power bi');
    await settled(el, client, 1);
    const activeName = () =>
      el
        .shadowRoot!.getElementById(view.input.getAttribute('aria-activedescendant') ?? '')
        ?.querySelector('[part~="name"]')?.textContent;

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeName()).to.equal('Anna Müller');
    expect(view.options()[0].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeName()).to.equal('Ayşe Öztürk');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(activeName()).to.equal('Bjørn Olsen');
    await sendKeys({ press: 'ArrowDown' }); // wraps
    await el.updateComplete;
    expect(activeName()).to.equal('Anna Müller');
    await sendKeys({ press: 'ArrowUp' }); // wraps back
    await el.updateComplete;
    expect(activeName()).to.equal('Bjørn Olsen');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeName()).to.equal('Anna Müller');
    await expect(el).to.be.accessible();

    const selected = nextEvent<PersonSelectEvent>(el, 'kring-person-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.person.id).to.equal('p1');
    expect(event.bubbles && event.composed).to.equal(true);
    // Without href-template the choice opens the person's card, focus in it; Escape gives it back.
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~="person-card"]'), 'card opened');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="person-card"]'), 'card closed');
    expect(el.shadowRoot!.activeElement).to.equal(view.input);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(view.input.getAttribute('aria-expanded')).to.equal('false');
    expect(view.input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(view.input.value).to.equal('power bi');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(view.input.value).to.equal('');
    // Focus stayed in the field through every re-render.
    expect(el.shadowRoot!.activeElement).to.equal(view.input);
    // Arrow down reopens after a new search.
    await typeBurst('excel');
    await waitUntil(() => view.names().length === 1);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(view.input.getAttribute('aria-expanded')).to.equal('true');
    expect(activeName()).to.equal('Anna Müller');
  });

  it('keeps the focus in the field while results re-render', async () => {
    const client = new FakeClient();
    const el = await mount(client);
    await typeInto(el, 'p');
    await settled(el, client, 1);
    await typeBurst('ower');
    await waitUntil(() => client.searches.length === 2);
    await typeBurst(' bi');
    await waitUntil(() => client.searches.length === 3 && shadow(el).names().length === 3);
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el).input);
    expect(shadow(el).input.value).to.equal('power bi');
  });

  it('refreshes quietly when someone in the results is endorsed elsewhere', async () => {
    const client = new FakeClient();
    const el = await mount(client, html`<kring-expertise-finder query="power bi"></kring-expertise-finder>`);
    await settled(el, client, 1);
    const view = shadow(el);
    view.input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(view.part('status')?.textContent ?? ''));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await client.endorseSkill('p1', 'Power BI');
    await waitUntil(() => view.parts('why')[0].textContent!.includes('13 endorsements'));
    observer.disconnect();
    expect(client.searches.length).to.equal(2);
    expect(seen).to.not.include('Searching…');
    // The keyboard position survived the refresh.
    expect(view.input.getAttribute('aria-activedescendant')).to.equal(view.options()[0].id);
    // A change to someone not shown sends nothing.
    client.emit({ topic: 'people', ids: ['nobody'] });
    await el.updateComplete;
    expect(client.searches.length).to.equal(2);
  });

  it('turns results into links with href-template and lets the select event cancel them', async () => {
    const client = new FakeClient();
    const el = await mount(
      client,
      html`<kring-expertise-finder query="excel" href-template="/people/{id}"></kring-expertise-finder>`,
    );
    await settled(el, client, 1);
    const [option] = shadow(el).options();
    expect(option.localName).to.equal('a');
    expect(option.getAttribute('href')).to.equal('/people/p1');
    el.addEventListener('kring-person-select', (event) => event.preventDefault(), { once: true });
    const selected = nextEvent(el, 'kring-person-select');
    option.click();
    expect((await selected).detail.person.name).to.equal('Anna Müller');
    expect(location.pathname).to.not.equal('/people/p1');
    await expect(el).to.be.accessible();
  });

  it('never links to an unsafe href-template', async () => {
    const client = new FakeClient();
    const el = await mount(
      client,
      html`<kring-expertise-finder
        query="excel"
        href-template="javascript:alert('{id}')"
      ></kring-expertise-finder>`,
    );
    await settled(el, client, 1);
    const [option] = shadow(el).options();
    expect(option.localName).to.equal('div');
    expect(option.hasAttribute('href')).to.equal(false);
  });

  it('drops a slow older response that arrives after a newer one', async () => {
    const client = new FakeClient();
    client.holdSearches = true;
    const el = await mount(client);
    await typeInto(el, 'excel');
    await waitUntil(() => client.pending.length === 1);
    expect(shadow(el).part('status')!.textContent).to.equal('Searching…');
    await expect(el).to.be.accessible();
    const [older] = client.pending;

    const view = shadow(el);
    view.input.select();
    await typeBurst('ux');
    const newest = () => client.pending.find((request) => request.query.text === 'ux');
    await waitUntil(newest);
    // The older request was aborted when the newer one started: at most one in flight.
    expect(older.signal!.aborted).to.equal(true);
    client.answer(newest()!);
    await waitUntil(() => view.names().join() === 'Ayşe Öztürk');
    // The older one answers late anyway (a backend that ignores abort): it must not win.
    client.answer(older);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    expect(view.names()).to.deep.equal(['Ayşe Öztürk']);
    await waitUntil(() => view.status() === '1 person found', '1 person found');
  });

  it('aborts the request in flight when the field is cleared and when removed', async () => {
    const client = new FakeClient();
    client.holdSearches = true;
    const el = await mount(client);
    await typeInto(el, 'excel');
    await waitUntil(() => client.pending.length === 1);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(el).input.value).to.equal('');
    expect(client.pending[0].signal!.aborted).to.equal(true);

    await typeBurst('ux');
    const newest = () => client.pending.find((request) => request.query.text === 'ux');
    await waitUntil(newest);
    el.remove();
    expect(newest()!.signal!.aborted).to.equal(true);
  });

  it('searches again when moved in the page mid-search (waiting for its debounce, or in flight)', async () => {
    const client = new FakeClient();
    client.holdSearches = true;
    const el = await mount(client);
    const finder = el.constructor as typeof KringExpertiseFinder;
    const elsewhere = document.createElement('div');
    el.parentElement!.append(elsewhere);
    // In flight: the move aborts it, and the search goes out again in the new place.
    await typeInto(el, 'excel');
    await waitUntil(() => client.pending.length === 1);
    elsewhere.append(el);
    expect(client.pending[0].signal!.aborted).to.equal(true);
    await waitUntil(() => client.pending.length === 2, 'the search went out again');
    expect(client.pending[1].query.text).to.equal('excel');
    client.answer(client.pending[1]);
    await waitUntil(() => shadow(el).names().length === 1, 'its answer is shown');
    // Waiting for its debounce: the move does not lose it.
    const debounce = finder.debounceMs;
    finder.debounceMs = 600_000;
    try {
      shadow(el).input.focus();
      await typeBurst(' ux');
      elsewhere.before(el);
    } finally {
      finder.debounceMs = debounce;
    }
    await waitUntil(() => client.pending.length === 3, 'the waiting search went out');
    expect(client.pending[2].query.text).to.equal('excel ux');
    expect(shadow(el).input.value).to.equal('excel ux');
  });

  it('shows an error with a working retry', async () => {
    const client = new FakeClient();
    client.failSearches = new BackendError('network', 'The server could not be reached.');
    const el = await mount(client, html`<kring-expertise-finder query="excel"></kring-expertise-finder>`);
    await waitUntil(() => shadow(el).part('retry'));
    expect(shadow(el).part('error')!.textContent).to.contain('The server could not be reached.');
    await waitUntil(() => shadow(el).status().includes('The search did not work'), 'The search did not work');
    await expect(el).to.be.accessible();
    client.failSearches = undefined;
    shadow(el).part('retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).names().length === 1);
    expect(shadow(el).names()).to.deep.equal(['Anna Müller']);
    // The retry button went away; the focus did not get lost with it.
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el).input);
  });

  it('helps when nobody is found: related skills and an invite request', async () => {
    const client = new FakeClient();
    const el = await mount(client, html`<kring-expertise-finder query="powr bi"></kring-expertise-finder>`);
    await waitUntil(() => shadow(el).part('empty'));
    const view = shadow(el);
    await waitUntil(() => view.status() === 'No one found for “powr bi”.', 'No one found for “powr bi”.');
    expect(view.parts('suggestion').map((b) => b.textContent!.trim())).to.include('Power BI');
    await expect(el).to.be.accessible();

    const invite = nextEvent<InviteRequestEvent>(el, 'kring-invite-request');
    view.part('invite')!.click();
    const event = await invite;
    expect(event.detail).to.deep.equal({ skill: 'powr bi' });
    expect(event.bubbles && event.composed).to.equal(true);

    view
      .parts('suggestion')
      .find((b) => b.textContent!.trim() === 'Power BI')!
      .click();
    await waitUntil(() => view.names().length === 3);
    expect(view.input.value).to.equal('Power BI');
  });

  it('offers facets and removable filter chips, by keyboard too', async () => {
    const client = new FakeClient();
    const el = await mount(
      client,
      html`<kring-expertise-finder query="power bi" show-facets></kring-expertise-finder>`,
    );
    await settled(el, client, 1);
    const view = shadow(el);
    const facetLabels = view.parts('facet').map((b) => b.textContent!.trim());
    expect(facetLabels).to.include('Only Finance (1)');
    expect(facetLabels).to.include('Also knows Excel (1)');
    await expect(el).to.be.accessible();

    view
      .parts('facet')
      .find((b) => b.textContent!.includes('Finance'))!
      .click();
    await waitUntil(() => view.names().length === 1);
    expect(client.searches.at(-1)!.query.department).to.equal('Finance');
    const chip = view.part('chip')!;
    expect(chip.getAttribute('aria-label')).to.equal('Remove filter Department: Finance');
    await expect(el).to.be.accessible();

    chip.focus();
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => view.names().length === 3);
    expect(view.part('chip')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(view.input);
  });

  it('starts from skill and department attributes', async () => {
    const client = new FakeClient();
    const el = await mount(
      client,
      html`<kring-expertise-finder skill="power bi" department="IT"></kring-expertise-finder>`,
    );
    await settled(el, client, 1);
    expect(shadow(el).names()).to.deep.equal(['Bjørn Olsen']);
    expect(shadow(el).parts('chip').length).to.equal(2);
  });

  it('reports a bad limit once, visibly, and still works with the default', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (text: string) => errors.push(text);
    try {
      const client = new FakeClient();
      const el = await mount(
        client,
        html`<kring-expertise-finder limit="lots" query="power bi"></kring-expertise-finder>`,
      );
      await settled(el, client, 1);
      expect(el.shadowRoot!.textContent).to.contain('limit="NaN" is not valid');
      expect(errors.length).to.equal(1);
      expect(client.searches[0].query.limit).to.equal(10);
      expect(shadow(el).names().length).to.equal(3);
    } finally {
      console.error = original;
    }
  });

  it('renders a query with markup as text', async () => {
    const client = new FakeClient();
    const el = await mount(client);
    await typeInto(el, '<img src=x onerror=alert(1)><b>bold</b>');
    await waitUntil(() => shadow(el).status().includes('<b>bold</b>'));
    const empty = shadow(el).part('empty')!;
    expect(empty.querySelector('img, b')).to.equal(null);
    expect(empty.textContent).to.contain('<img src=x onerror=alert(1)><b>bold</b>');
    expect(shadow(el).part('invite')!.textContent).to.contain('<b>bold</b>');
  });

  it('stays readable in dark mode (results, facets, chips, empty state)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const client = new FakeClient();
      const el = await mount(
        client,
        html`<kring-expertise-finder
          query="power bi"
          department="Finance"
          show-facets
        ></kring-expertise-finder>`,
      );
      await settled(el, client, 1);
      shadow(el).input.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.query = 'nobody knows this';
      await waitUntil(() => shadow(el).part('empty'));
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('speaks Dutch', async () => {
    const client = new FakeClient();
    const host = await fixture<HTMLDivElement>(html`<div lang="nl"></div>`);
    provide(host, client);
    const el = await fixture<KringExpertiseFinder>(
      html`<kring-expertise-finder query="power bi"></kring-expertise-finder>`,
      { parentNode: host },
    );
    await settled(el, client, 1);
    await waitUntil(() => shadow(el).status() === '3 mensen gevonden', '3 mensen gevonden');
    expect(shadow(el).parts('why')[0].textContent!.trim()).to.equal(
      'Expert in Power BI · 12 aanbevelingen · kan begeleiden · vraag me ernaar',
    );
    expect(shadow(el).input.placeholder).to.equal('Wie weet iets van…');
    await expect(el).to.be.accessible();
  });
});
