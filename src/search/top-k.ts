/** Keeps the best `capacity` (slot, score) pairs: higher score first, then lower name rank. */
export class TopK {
  private readonly heap: { slot: number; score: number }[] = [];

  constructor(
    private readonly capacity: number,
    private readonly rank: Int32Array,
  ) {}

  /** Whether a ranks after b (worse). */
  private worse(a: { slot: number; score: number }, b: { slot: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && this.rank[a.slot] > this.rank[b.slot]);
  }

  offer(slot: number, score: number): void {
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push({ slot, score });
      this.siftUp(heap.length - 1);
    } else if (this.worse(heap[0], { slot, score })) {
      heap[0] = { slot, score };
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): { slot: number; score: number }[] {
    return [...this.heap].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }

  // A min-heap on "worse": the root is the worst kept item.
  private siftUp(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(heap[at], heap[parent])) break;
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && this.worse(heap[left], heap[worst])) worst = left;
      if (right < heap.length && this.worse(heap[right], heap[worst])) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst], heap[at]];
      at = worst;
    }
  }
}
