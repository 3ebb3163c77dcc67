import type { ActivityEvent, ActivityType } from '../model.js';
import { grown, type PeopleIndex } from './people-index.js';
import { monthAndDayOf, type MonthIndex } from './time.js';

/** Participation level of an act: 1 reading/visiting, 2 contributing, 3 creating. */
export const LEVEL_READ = 1;
export const LEVEL_CONTRIBUTE = 2;
export const LEVEL_CREATE = 3;

export const ACTIVITY_LEVEL: Record<ActivityType, number> = {
  'element-seen': LEVEL_READ,
  'profile-opened': LEVEL_READ,
  search: LEVEL_READ,
  'invite-accepted': LEVEL_READ,
  'ambassador-role-chosen': LEVEL_READ,
  reaction: LEVEL_CONTRIBUTE,
  endorsement: LEVEL_CONTRIBUTE,
  'kudos-given': LEVEL_CREATE,
  'invite-sent': LEVEL_CREATE,
  post: LEVEL_CREATE,
};

/** What one month's events add up to, per person number. */
export interface MonthActivity {
  /** Highest participation level each person reached (0 = not active). */
  level: Uint8Array;
  /** Bit d set when the person was active on day d+1 of the month. */
  activeDays: Uint32Array;
}

export interface SearchTally {
  count: number;
  people: Set<number>;
}

/** A period after an accepted invitation in which the invitee's first activity is looked for. */
export interface ActivityWindow {
  startMs: number;
  endMs: number;
}

export interface ActivityScan {
  current: MonthActivity;
  previous: MonthActivity;
  /** Normalised skill term → searches and distinct searchers, current month only. */
  searches: Map<string, SearchTally>;
  /** Person numbers that were active inside one of their windows. */
  activeInWindow: Set<number>;
}

function emptyMonth(capacity: number): MonthActivity {
  return { level: new Uint8Array(capacity), activeDays: new Uint32Array(capacity) };
}

/**
 * One pass over every event: participation levels and active days for the month and the one before,
 * skill searches, and whether watched people (new invitees) were active inside their window.
 * Per event: one map lookup (the actor's number), a few character reads for the date, typed-array
 * writes. Everything else is rare enough to cost nothing.
 */
export function scanActivity(
  events: readonly ActivityEvent[],
  index: PeopleIndex,
  month: MonthIndex,
  windows: ReadonlyMap<number, readonly ActivityWindow[]>,
): ActivityScan {
  const capacity = index.count + 64;
  const current = emptyMonth(capacity);
  const previous = emptyMonth(capacity);
  let watched = new Uint8Array(capacity);
  for (const person of windows.keys()) {
    watched = grown(watched, person);
    watched[person] = 1;
  }
  const searches = new Map<string, SearchTally>();
  const activeInWindow = new Set<number>();

  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const person = index.numberOf(event.actorId);
    if (person >= current.level.length) {
      current.level = grown(current.level, person);
      current.activeDays = grown(current.activeDays, person);
      previous.level = grown(previous.level, person);
      previous.activeDays = grown(previous.activeDays, person);
      watched = grown(watched, person);
    }
    // Accepting is what opens the window, so it does not count as being active in it.
    if (watched[person] === 1 && event.type !== 'invite-accepted') {
      const ms = Date.parse(event.at);
      if (windows.get(person)!.some((window) => ms >= window.startMs && ms < window.endMs)) {
        activeInWindow.add(person);
        watched[person] = 2;
      }
    }
    const monthAndDay = monthAndDayOf(event.at);
    const eventMonth = monthAndDay >> 5;
    let target: MonthActivity;
    if (eventMonth === month) target = current;
    else if (eventMonth === month - 1) target = previous;
    else continue;
    const level = ACTIVITY_LEVEL[event.type];
    if (!level) continue;

    if (target.level[person] < level) target.level[person] = level;
    target.activeDays[person] |= 1 << (monthAndDay & 31);

    if (event.type === 'search' && target === current && event.subject) {
      const term = event.subject.trim().toLowerCase();
      if (!term) continue;
      let tally = searches.get(term);
      if (!tally) searches.set(term, (tally = { count: 0, people: new Set() }));
      tally.count++;
      tally.people.add(person);
    }
  }
  return { current, previous, searches, activeInWindow };
}
