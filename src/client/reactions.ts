import type { Kudos, ReactionType } from '../model.js';

/** The kudos as it will look once the reaction is saved, so the button responds at once. */
export function withReaction(kudos: Kudos, reaction: ReactionType, on: boolean): Kudos {
  const exists = kudos.reactions.some((summary) => summary.type === reaction);
  const reactions = exists
    ? kudos.reactions.map((summary) =>
        summary.type === reaction && summary.reactedByMe !== on
          ? { ...summary, reactedByMe: on, count: Math.max(0, summary.count + (on ? 1 : -1)) }
          : summary,
      )
    : [...kudos.reactions, { type: reaction, count: on ? 1 : 0, reactedByMe: on }];
  return { ...kudos, reactions };
}
