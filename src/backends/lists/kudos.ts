import { REACTION_TYPES, type Kudos, type ReactionType } from '../../model.js';
import type { Backend } from '../backend.js';
import { BackendError } from '../../errors.js';
import type { ListContext } from './context.js';

type Reactions = Partial<Record<ReactionType, string[]>>;

export type KudosLists = Pick<Backend, 'listKudos' | 'giveKudos' | 'react' | 'listReactors' | 'kudosValues'>;

/** A `Kring Kudos` item as a kudos seen by `myId`. */
export function kudosFromItem<Item>(
  ctx: ListContext<Item>,
  item: Item,
  myId: string,
  creator?: string,
): Kudos {
  const { lists, text } = ctx;
  const reactions = ctx.parseJson<Reactions>(text(item, 'KringReactions'), {});
  return {
    id: lists.id(item),
    // `KringFrom` is only an index for filtering; the giver is who created the item.
    from: ctx.authorOf(item, creator),
    to: ctx.idList(text(item, 'KringTo')),
    value: text(item, 'KringValue'),
    message: text(item, 'KringMessage') ?? text(item, 'Title') ?? '',
    createdAt: lists.created(item) ?? ctx.nowIso(),
    reactions: REACTION_TYPES.map((type) => ({
      type,
      count: reactions[type]?.length ?? 0,
      reactedByMe: reactions[type]?.includes(myId) ?? false,
    })).filter((summary) => summary.count > 0),
  };
}

/** Kudos and reactions in the `Kring Kudos` list. */
export function createKudosLists<Item>(ctx: ListContext<Item>): KudosLists {
  const { lists, titles, meId, getPeople, text } = ctx;
  return {
    async listKudos(query, call) {
      const myId = await meId(call?.signal);
      const equals: Record<string, string> = {};
      if (query.from) equals.KringFrom = query.from;
      if (query.value) equals.KringValue = query.value;
      const contains =
        query.person && lists.filtersContains ? { column: 'KringTo', text: `;${query.person};` } : undefined;
      const page = query.cursor
        ? await lists.pageAt(query.cursor, call?.signal)
        : await lists.page(
            titles.kudos,
            { contains, equals, newestFirst: true, top: query.limit ?? 20 },
            call?.signal,
          );
      let items = page.items.map((item) => kudosFromItem(ctx, item, myId));
      // A kudos "from" someone is one they created, whatever its `KringFrom` says.
      if (query.from) items = items.filter((kudos) => kudos.from === query.from);
      // Not every transport filters list columns on "contains": then receivers are matched here.
      if (query.person && !contains) items = items.filter((kudos) => kudos.to.includes(query.person!));
      if (query.department) {
        const people = await getPeople([...new Set(items.flatMap((k) => k.to))], call);
        const inDepartment = new Set(
          people.filter((person) => person?.department === query.department).map((person) => person!.id),
        );
        items = items.filter((k) => k.to.some((id) => inDepartment.has(id)));
      }
      return { items, next: page.next };
    },

    async giveKudos(input, write) {
      const myId = await meId(write.signal);
      const message = ctx.requireText(input.message, 'Write a message to go with the kudos.');
      const to = [...new Set(input.to)].filter((id) => id && id !== myId);
      if (to.length === 0)
        throw new BackendError('invalid', 'Choose at least one colleague other than yourself.');
      const item = await lists.create(
        titles.kudos,
        {
          Title: message.slice(0, 255),
          KringMessage: message,
          KringFrom: myId,
          KringTo: `;${to.join(';')};`,
          KringValue: input.value ?? '',
          KringReactions: '{}',
        },
        write.idempotencyKey,
        write.signal,
      );
      return kudosFromItem(ctx, item, myId, myId);
    },

    async react(kudosId, reaction, on, write) {
      const myId = await meId(write.signal);
      const item = await ctx.updateItem(
        titles.kudos,
        kudosId,
        (current) => {
          const reactions = ctx.parseJson<Reactions>(text(current, 'KringReactions'), {});
          const people = new Set(reactions[reaction] ?? []);
          if (people.has(myId) === on) return undefined;
          if (on) people.add(myId);
          else people.delete(myId);
          return { KringReactions: JSON.stringify({ ...reactions, [reaction]: [...people] }) };
        },
        write.signal,
      );
      return kudosFromItem(ctx, item, myId);
    },

    async listReactors(kudosId, reaction, call) {
      const { item } = await lists.item(titles.kudos, kudosId, call?.signal);
      return ctx.parseJson<Reactions>(text(item, 'KringReactions'), {})[reaction] ?? [];
    },

    async kudosValues() {
      return [...ctx.kudosValues];
    },
  };
}
