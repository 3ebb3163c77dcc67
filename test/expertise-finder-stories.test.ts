/**
 * The stories render what they promise, with the demo backend: every state a designer looks at.
 */
import { expect, fixture, waitUntil as waitUntilDefault } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import finderMeta, * as finder from '../stories/expertise-finder.stories.js';
import skillMeta, * as skills from '../stories/skill-list.stories.js';
import type { KringExpertiseFinder } from '../src/elements/expertise-finder/expertise-finder.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import type { KringSkillList } from '../src/elements/skill-list/skill-list.js';

const waitUntil = (condition: () => unknown, message?: string) =>
  waitUntilDefault(condition, message, { timeout: 8000 });

type AnyStory = { args?: Record<string, unknown>; render?: (...args: never[]) => unknown };

async function renderFinder(story: AnyStory): Promise<KringExpertiseFinder> {
  const args = { ...finderMeta.args, ...story.args };
  const render = (story.render ?? finderMeta.render) as (a: typeof args, c: object) => TemplateResult;
  const root = await fixture<HTMLElement>(render(args, { args }));
  const el = root.querySelector('kring-expertise-finder') as KringExpertiseFinder;
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)];

describe('expertise finder stories', () => {
  it('Results: ranked people with a why line', async () => {
    const el = await renderFinder(finder.Results);
    await waitUntil(() => part(el, 'option').length > 0);
    expect(part(el, 'why')[0].textContent).to.contain('Power BI');
    await expect(el).to.be.accessible();
  });

  it('NoResults: related skills and the invite button', async () => {
    const el = await renderFinder(finder.NoResults);
    await waitUntil(() => part(el, 'empty').length > 0);
    expect(part(el, 'suggestion').map((b) => b.textContent!.trim())).to.include('Power BI');
    expect(part(el, 'invite').length).to.equal(1);
  });

  it('ManyFacets: many department and related-skill facets', async () => {
    const el = await renderFinder(finder.ManyFacets);
    await waitUntil(() => part(el, 'facet').length > 0);
    expect(part(el, 'facet').length).to.be.greaterThan(8);
    await expect(el).to.be.accessible();
  });

  it('Filters: skill and department chips with results', async () => {
    const el = await renderFinder(finder.Filters);
    await waitUntil(() => part(el, 'option').length > 0);
    expect(part(el, 'chip').length).to.equal(2);
  });

  it('Error: the message and retry', async () => {
    const el = await renderFinder(finder.Error);
    await waitUntil(() => part(el, 'retry').length > 0);
    expect(part(el, 'error')[0].textContent).to.contain('could not be reached');
  });

  it('Dutch: Dutch strings', async () => {
    const el = await renderFinder(finder.Dutch);
    await waitUntil(() => part(el, 'option').length > 0);
    // Said through the page's one announcement queue.
    await waitUntil(() => /gevonden/.test(announcementQueue().liveRegion.textContent!), 'said in Dutch');
  });
});

describe('skill list stories', () => {
  async function renderSkills(story: AnyStory): Promise<KringSkillList[]> {
    const args = { ...skillMeta.args, ...story.args };
    const loaded = await (skillMeta.loaders as ((c: object) => Promise<Record<string, unknown>>)[])[0]({
      args,
    });
    const render = (story.render ?? skillMeta.render) as (a: typeof args, c: object) => TemplateResult;
    const root = await fixture<HTMLElement>(render(args, { args, loaded }));
    return [...root.querySelectorAll('kring-skill-list')] as KringSkillList[];
  }

  it('Full: endorse toggles for a colleague', async () => {
    const [list] = await renderSkills(skills.Full);
    await waitUntil(() => part(list, 'endorse').length > 0);
    await expect(list).to.be.accessible();
  });

  it('Yourself: no endorse toggles', async () => {
    const [list] = await renderSkills(skills.Yourself);
    await waitUntil(() => part(list, 'skill').length > 0);
    // Give the current user time to arrive, then check no buttons appeared.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await list.updateComplete;
    expect(part(list, 'endorse').length).to.equal(0);
  });
});
