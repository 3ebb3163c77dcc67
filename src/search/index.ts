/**
 * The in-memory people search: `PeopleIndex` (./people-index.ts) over the skill dictionary
 * (./skill-dictionary.ts), ranking (./rank.ts), facets (./facets.ts) and the top-k heap (./top-k.ts).
 */
export {
  buildPeopleIndex,
  PeopleIndex,
  type KudosText,
  type PeopleIndexOptions,
  type PeopleIndexStats,
} from './people-index.js';
export { editDistanceWithin } from './skill-dictionary.js';
