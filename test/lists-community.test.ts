import { expect } from '@open-wc/testing';
import { createListCommunity } from '../src/backends/lists/community.js';
import type { CommunityListTransport, ListQuery } from '../src/backends/lists/transport.js';
import { DEFAULT_LIST_TITLES } from '../src/backends/lists/schema.js';
import type { Person } from '../src/model.js';

interface FakeItem {
  id: string;
  author: string;
  created: string;
  fields: Record<string, string>;
}

/** Lists in memory; every item records who created it, as SharePoint's `Author` does. */
function fakeLists(items: Record<string, FakeItem[]>, me: string): CommunityListTransport<FakeItem> {
  const matching = (title: string, query: ListQuery) =>
    (items[title] ?? []).filter((item) =>
      Object.entries(query.equals ?? {}).every(([column, value]) => item.fields[column] === value),
    );
  let next = 1000;
  return {
    filtersContains: false,
    id: (item) => item.id,
    text: (item, column) => item.fields[column] || undefined,
    created: (item) => item.created,
    author: (item) => item.author,
    withFields: (item, fields) => ({
      ...item,
      fields: { ...item.fields, ...(fields as Record<string, string>) },
    }),
    page: async (title, query) => ({ items: matching(title, query).slice(0, query.top ?? 100) }),
    pageAt: async () => ({ items: [] }),
    all: async (title, query) => matching(title, query),
    item: async (title, id) => ({ item: items[title].find((item) => item.id === id)! }),
    findByKey: async () => undefined,
    create: async (title, fields) => {
      const item = {
        id: String(++next),
        author: me,
        created: new Date().toISOString(),
        fields: fields as Record<string, string>,
      };
      (items[title] ??= []).push(item);
      return item;
    },
    update: async () => undefined,
    remove: async () => undefined,
  };
}

const person = (id: string): Person => ({ id, name: id, skills: [], isManagement: false, links: [] });

describe('list backends: who did something is the item author', () => {
  const october = '2026-10-10T10:00:00.000Z';
  const authors = ['a@x.nl', 'b@x.nl', 'c@x.nl', 'd@x.nl', 'e@x.nl'];
  const setup = (items: Record<string, FakeItem[]>) =>
    createListCommunity({
      lists: fakeLists(items, 'a@x.nl'),
      titles: DEFAULT_LIST_TITLES,
      meId: async () => 'a@x.nl',
      getPeople: async (ids) => ids.map(person),
      manageBadges: false,
      kudosValues: [],
      inviteUrl: (token) => `https://intranet.example/welkom?invite=${token}`,
      now: () => Date.parse('2026-11-05T10:00:00.000Z'),
    });

  it('counts activity for whoever wrote the batch, not the actor written into it', async () => {
    // Five people each send a batch claiming it was the victim's activity.
    const activity = authors.map((author, index) => ({
      id: String(index + 1),
      author,
      created: october,
      fields: {
        KringEvents: JSON.stringify([{ type: 'reaction', actorId: 'victim@x.nl', at: october }]),
      },
    }));
    const metrics = await setup({ [DEFAULT_LIST_TITLES.activity]: activity }).metrics({ month: '2026-10' });
    // Believed, the actor would make one visitor (withheld); by author, there are five contributors.
    expect(metrics.visitors.value).to.equal(5);
    expect(metrics.contributors.value).to.equal(5);
  });

  it('ignores a member item made for someone else, and kudos "from" a person they did not create', async () => {
    const community = setup({
      [DEFAULT_LIST_TITLES.members]: [
        { id: '1', author: 'a@x.nl', created: october, fields: { KringPerson: 'a@x.nl' } },
        { id: '2', author: 'a@x.nl', created: october, fields: { KringPerson: 'victim@x.nl' } },
      ],
      [DEFAULT_LIST_TITLES.kudos]: [
        {
          id: '3',
          author: 'a@x.nl',
          created: october,
          fields: { KringFrom: 'victim@x.nl', KringTo: ';b@x.nl;', KringMessage: 'Forged' },
        },
      ],
    });
    expect([...(await community.members()).keys()]).to.deep.equal(['a@x.nl']);
    expect((await community.listKudos({ from: 'victim@x.nl' })).items).to.deep.equal([]);
    expect((await community.listKudos({})).items[0]).to.include({ from: 'a@x.nl', message: 'Forged' });
  });
});
