// Moved to src/errors.ts; kept so imports written before the move still resolve.
export * from '../errors.js';
