/**
 * A small seeded pseudo-random generator (mulberry32) so the demo data is the same for a seed
 * on every machine and every reload. Not for anything secret.
 */

/** Turns any seed (number or text) into a 32-bit integer with FNV-1a. */
export function hashSeed(seed: number | string): number {
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number | string) {
    this.state = hashSeed(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index chosen in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let index = 0; index < weights.length; index++) {
      target -= weights[index];
      if (target < 0) return index;
    }
    return weights.length - 1;
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const wanted = Math.min(count, copy.length);
    for (let index = 0; index < wanted; index++) {
      const other = index + Math.floor(this.next() * (copy.length - index));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy.slice(0, wanted);
  }

  /** A heavy-tailed number in (0, 1]: most people are quiet, a few are very active. */
  activity(): number {
    return Math.min(1, Math.pow(this.next(), 2.2) + 0.02);
  }

  /** A 28-character token of letters and digits (demo only: predictable for a seed). */
  token(): string {
    let text = '';
    for (let part = 0; part < 4; part++)
      text += Math.floor(this.next() * 0x100000000)
        .toString(36)
        .padStart(7, '0');
    return text;
  }
}
