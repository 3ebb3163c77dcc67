import { expect, fixture, html, waitUntil as waitUntilDefault } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/elements/skill-list/define.js';
import type { KringSkillList } from '../src/elements/skill-list/skill-list.js';
import type { KringEndorseEvent as EndorseEvent } from '../src/events/index.js';
import { BackendError } from '../src/errors.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import type { Person } from '../src/model.js';
import { FakeClient, PEOPLE, provide } from './helpers/expertise-finder.js';

/** The machine is shared and busy: allow more than the default second for a condition. */
const waitUntil = (condition: () => unknown, message?: string) =>
  waitUntilDefault(condition, message, { timeout: 5000 });

const anna = (): Person => structuredClone(PEOPLE[0]);
const me = (): Person => structuredClone(PEOPLE[3]);

async function mountLists(client: FakeClient, people: Person[], view = 'full'): Promise<KringSkillList[]> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provide(host, client);
  const lists = people.map((person) => {
    const list = document.createElement('kring-skill-list');
    list.person = person;
    list.setAttribute('view', view);
    host.append(list);
    return list;
  });
  await Promise.all(lists.map((list) => list.updateComplete));
  // The current user arrives asynchronously; endorse buttons depend on it.
  await waitUntil(() => lists.every((list) => (list as unknown as { currentUserId?: string }).currentUserId));
  await Promise.all(lists.map((list) => list.updateComplete));
  return lists;
}

function row(list: KringSkillList, skill: string) {
  const item = [...list.shadowRoot!.querySelectorAll('[part~="skill"]')].find(
    (li) => li.querySelector('[part~="skill-name"]')!.textContent!.trim() === skill,
  )!;
  return {
    count: () => item.querySelector('[part~="count"]')!.textContent!.trim(),
    button: () => item.querySelector<HTMLButtonElement>('[part~="endorse"]'),
  };
}

const message = (list: KringSkillList) =>
  list.shadowRoot!.querySelector('[part~="message"]')!.textContent!.trim();

describe('<kring-skill-list>', () => {
  it('shows skills with level and endorsement counts, and endorse toggles for a colleague', async () => {
    const [list] = await mountLists(new FakeClient(), [anna()]);
    const power = row(list, 'Power BI');
    expect(power.count()).to.equal('12 endorsements');
    expect(power.button()!.getAttribute('aria-pressed')).to.equal('false');
    expect(power.button()!.getAttribute('aria-label')).to.equal('Endorse Power BI');
    expect(list.shadowRoot!.querySelector('[part~="tags"]')!.textContent).to.equal(
      'can mentor · ask me about',
    );
    expect(list.shadowRoot!.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal(
      'Skills of Anna Müller',
    );
    await expect(list).to.be.accessible();
  });

  it('never offers endorsing your own skills', async () => {
    const [list] = await mountLists(new FakeClient(), [me()]);
    expect(row(list, 'Facilitation').count()).to.equal('0 endorsements');
    expect(list.shadowRoot!.querySelector('[part~="endorse"]')).to.equal(null);
    await expect(list).to.be.accessible();
  });

  it('endorses optimistically by keyboard, once per press, and undoes on a second press', async () => {
    const client = new FakeClient();
    client.holdWrites = true;
    const [list] = await mountLists(client, [anna()]);
    const power = row(list, 'Power BI');
    power.button()!.focus();
    await sendKeys({ press: 'Enter' });
    await list.updateComplete;
    // Optimistic: the count and pressed state change before the backend answers.
    expect(power.count()).to.equal('13 endorsements');
    expect(power.button()!.getAttribute('aria-pressed')).to.equal('true');
    // A second press while saving does not send a second endorsement.
    await sendKeys({ press: 'Space' });
    await list.updateComplete;
    expect(client.endorseCalls).to.deep.equal([{ personId: 'p1', skill: 'Power BI', on: true }]);
    await expect(list).to.be.accessible();

    const endorsed = nextEvent<EndorseEvent>(list, 'kring-endorse');
    client.releaseWrites();
    expect((await endorsed).detail).to.deep.equal({
      personId: 'p1',
      skill: 'Power BI',
      endorsed: true,
      endorsements: 13,
    });
    await list.updateComplete;
    expect(message(list)).to.equal('You endorsed Power BI.');
    expect(list.shadowRoot!.activeElement).to.equal(power.button());

    client.holdWrites = false;
    await sendKeys({ press: 'Space' });
    await waitUntil(() => message(list) === 'Your endorsement of Power BI was removed.');
    expect(power.count()).to.equal('12 endorsements');
    expect(power.button()!.getAttribute('aria-pressed')).to.equal('false');
    expect(client.endorseCalls.at(-1)).to.deep.equal({ personId: 'p1', skill: 'Power BI', on: false });
  });

  it('rolls back and says so politely when the backend refuses', async () => {
    const client = new FakeClient();
    client.failWrites = new BackendError('forbidden', 'Endorsements are closed.');
    const [list] = await mountLists(client, [anna()]);
    const excel = row(list, 'Excel');
    excel.button()!.click();
    await waitUntil(() => message(list).includes('could not be saved'));
    expect(excel.count()).to.equal('3 endorsements');
    expect(excel.button()!.getAttribute('aria-pressed')).to.equal('false');
    expect(message(list)).to.equal('Your change to Excel could not be saved: Endorsements are closed.');
    // Said politely through the page's one announcement queue; the list has no live region of its own.
    await waitUntil(() =>
      announcementQueue().liveRegion.textContent!.includes(
        'Your change to Excel could not be saved: Endorsements are closed.',
      ),
    );
    expect(announcementQueue().liveRegion.getAttribute('aria-live')).to.equal('polite');
    expect(list.shadowRoot!.querySelector('[role="status"], [aria-live]')).to.equal(null);
    await expect(list).to.be.accessible();
  });

  it('updates every list of the same person at once', async () => {
    const client = new FakeClient();
    const [first, second] = await mountLists(client, [anna(), anna()]);
    row(first, 'Excel').button()!.click();
    await waitUntil(() => row(second, 'Excel').count() === '4 endorsements', 'second list did not update');
    expect(row(first, 'Excel').count()).to.equal('4 endorsements');
    expect(row(second, 'Excel').button()!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('shows the strongest skills in the compact view, with "+N more"', async () => {
    const person = anna();
    person.skills.push(
      { name: 'SQL', level: 'learning', endorsements: 0, tags: [], endorsedByMe: false },
      { name: 'DAX', level: 'practitioner', endorsements: 9, tags: [], endorsedByMe: false },
    );
    const [list] = await mountLists(new FakeClient(), [person], 'compact');
    list.max = 2;
    await list.updateComplete;
    const names = [...list.shadowRoot!.querySelectorAll('[part~="skill-name"]')].map((n) => n.textContent);
    expect(names).to.deep.equal(['Power BI', 'Excel']);
    expect(list.shadowRoot!.querySelector('[part~="more"]')!.textContent).to.equal('+2 more');
    expect(list.shadowRoot!.querySelector('[part~="endorse"]')).to.equal(null);
    await expect(list).to.be.accessible();
  });

  it('says when there are no skills, and rejects a bad view with a message', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (text: string) => errors.push(text);
    try {
      const [list] = await mountLists(new FakeClient(), [{ ...anna(), skills: [] }], 'huge');
      expect(list.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.equal(
        'No skills listed yet.',
      );
      expect(list.shadowRoot!.textContent).to.contain('view="huge" is not valid');
      expect(errors.length).to.equal(1);
      await expect(list).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('stays readable in dark mode, pressed and not', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const client = new FakeClient();
      const [list] = await mountLists(client, [anna()]);
      row(list, 'Excel').button()!.click();
      await waitUntil(() => message(list) === 'You endorsed Excel.');
      await expect(list).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('speaks Dutch', async () => {
    const client = new FakeClient();
    const host = await fixture<HTMLDivElement>(html`<div lang="nl"></div>`);
    provide(host, client);
    const list = document.createElement('kring-skill-list');
    list.person = anna();
    list.view = 'full';
    host.append(list);
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="endorse"]'));
    expect(row(list, 'Power BI').count()).to.equal('12 aanbevelingen');
    expect(row(list, 'Power BI').button()!.getAttribute('aria-label')).to.equal('Power BI aanbevelen');
  });
});
