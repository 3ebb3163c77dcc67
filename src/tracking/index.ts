export { SeenController, SEEN_THRESHOLD } from './seen-controller.js';
