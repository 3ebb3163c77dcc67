import type { LiveEvent } from '../backends/backend.js';
import { LiveUpdates, type LiveUpdatesOptions } from './live-updates.js';
import { CURRENT_USER_KEY } from './people-cache.js';
import { applyEffects, liveEffects, type EffectTarget } from './write-effects.js';

/**
 * The client's live updates: the backend's event stream (`live-updates.ts`) and what each pushed event
 * changes. Loaded with the first subscriber of a client whose backend offers a stream: a page of cards
 * subscribes to nothing and never downloads it (issue 18).
 */
export function openLive(options: Omit<LiveUpdatesOptions, 'apply'>, target: EffectTarget): LiveUpdates {
  return new LiveUpdates({ ...options, apply: (event) => applyLive(event, target) });
}

/**
 * Someone's change, pushed by the backend: the same cache updates and change notifications as a
 * write of our own, so feeds, cards and counters follow (a feed that has the kudos already keeps one).
 */
function applyLive(event: LiveEvent, target: EffectTarget): void {
  if (event.type === 'reset') {
    // Events were missed: nothing cached can be trusted to be current.
    target.cache.invalidate((key) => key !== CURRENT_USER_KEY);
    for (const topic of ['kudos', 'people', 'invites', 'ambassadors', 'metrics'] as const)
      target.emit({ topic });
    return;
  }
  const effects = liveEffects(event);
  if (effects) applyEffects(target, effects);
}
