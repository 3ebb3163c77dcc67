import type { Random } from '../random.js';

/** Cumulative weights for O(log n) weighted picks among many people. */
export class WeightedPool<T> {
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(
    readonly items: T[],
    weight: (item: T) => number,
  ) {
    for (const item of items) {
      this.total += weight(item);
      this.cumulative.push(this.total);
    }
  }
  pick(random: Random): T | undefined {
    if (this.items.length === 0) return undefined;
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low];
  }
}
