import { expect, fixture, html, waitUntil as waitUntilDefault } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import type { KringExpertiseFinder } from '../src/elements/expertise-finder/expertise-finder.js';
import type { KringSkillList } from '../src/elements/skill-list/skill-list.js';
import type { KringPersonSelectEvent as PersonSelectEvent } from '../src/events/index.js';
import type { ActivityEvent, Person } from '../src/model.js';
import { registerTestBackend } from './helpers/backends.js';
import { inCommunity, testBackend } from './helpers/kudos.js';
import { avatarShows, photosLater, tinyPhotoUrl } from './helpers/photos-later.js';
import { typeBurst } from './helpers/typing.js';

const waitUntil = (condition: () => unknown, message?: string) =>
  waitUntilDefault(condition, message, { timeout: 8000 });

describe('<kring-expertise-finder> and <kring-skill-list> in <kring-community>', () => {
  it('finds who knows Power BI by keyboard, then endorses with the count changing everywhere', async () => {
    const { name, calls } = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name}>
        <kring-expertise-finder></kring-expertise-finder>
        <kring-skill-list view="full"></kring-skill-list>
        <kring-skill-list view="full"></kring-skill-list>
      </kring-community>`,
    );
    const finder = community.querySelector('kring-expertise-finder') as KringExpertiseFinder;
    const lists = [...community.querySelectorAll('kring-skill-list')] as KringSkillList[];
    await finder.updateComplete;
    const input = finder.shadowRoot!.querySelector('input')!;
    input.focus();
    await typeBurst('Power BI');
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'no results');
    const why = finder.shadowRoot!.querySelector('[part~="why"]')!.textContent!;
    expect(why).to.match(/Power BI/);
    await expect(finder).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    const selected = nextEvent<PersonSelectEvent>(finder, 'kring-person-select');
    await sendKeys({ press: 'Enter' });
    const { person } = (await selected).detail;
    expect(person.skills.some((skill) => skill.name === 'Power BI')).to.equal(true);

    // The search was recorded with the normalised skill only.
    await community.communityClient!.flushActivity();
    const tracked = (calls.track ?? []).flatMap((args) => args[0] as ActivityEvent[]);
    expect(tracked.filter((event) => event.type === 'search').map((event) => event.subject)).to.deep.equal([
      'power bi',
    ]);

    for (const list of lists) list.person = person;
    const countOf = (list: KringSkillList) =>
      [...list.shadowRoot!.querySelectorAll('[part~="skill"]')]
        .find((li) => li.querySelector('[part~="skill-name"]')!.textContent!.trim() === 'Power BI')
        ?.querySelector('[part~="count"]')
        ?.textContent?.trim();
    const buttonOf = (list: KringSkillList) =>
      [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="endorse"]')].find(
        (button) => button.getAttribute('aria-label') === 'Endorse Power BI',
      );
    await waitUntil(() => buttonOf(lists[0]) && buttonOf(lists[1]), 'no endorse buttons');
    const before = Number.parseInt(countOf(lists[1])!, 10);
    const endorsing = !(buttonOf(lists[0])!.getAttribute('aria-pressed') === 'true');
    buttonOf(lists[0])!.focus();
    await sendKeys({ press: 'Enter' });
    const expected = `${before + (endorsing ? 1 : -1)}`;
    await waitUntil(() => countOf(lists[1])!.startsWith(expected + ' '), 'the other list did not update');
    expect(countOf(lists[0])!.startsWith(expected + ' ')).to.equal(true);
    expect(calls[endorsing ? 'endorseSkill' : 'unendorseSkill']?.length).to.equal(1);
    // The finder's "why" line for that person follows too.
    const whyOf = () =>
      [...finder.shadowRoot!.querySelectorAll('[role="option"]')]
        .find((option) => option.querySelector('[part~="name"]')!.textContent!.trim() === person.name)
        ?.querySelector('[part~="why"]')?.textContent ?? '';
    const after = Number(expected);
    await waitUntil(
      () => (after > 0 ? whyOf().includes(`${after} endorsement`) : !whyOf().includes('endorsement')),
      `the finder did not refresh: ${whyOf()}`,
    );
    await expect(lists[0]).to.be.accessible();
  });
  it('shows results at once and their photos when they follow, without searching again', async () => {
    const setup = testBackend();
    const { backend, sendLater, searches } = photosLater(setup.demo);
    const { element: finder } = await inCommunity<KringExpertiseFinder>(
      backend,
      html`<kring-expertise-finder query="power bi"></kring-expertise-finder>`,
    );
    const root = finder.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('[role="option"]').length > 0, 'results');
    const firstAvatar = () => root.querySelector('[role="option"] [part~="avatar"]')!;
    expect(avatarShows(firstAvatar()), 'a plain circle until the photo comes').to.equal('circle');
    await expect(finder).to.be.accessible();
    const name = root.querySelector('[role="option"] [part~="name"]')!.textContent!.trim();
    const shown = setup.demo.demo.data.people.find((person) => person.name === name)!;
    const [person] = (await setup.demo.getPeople([shown.id])) as Person[];
    const photo = tinyPhotoUrl();
    sendLater([{ ...person, photoUrl: photo }]);
    await waitUntil(() => firstAvatar().getAttribute('src') === photo, 'the photo follows');
    expect(searches(), 'the cached results were updated, not searched again').to.equal(1);
  });
});
