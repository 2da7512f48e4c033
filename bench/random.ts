/** Deterministic randomness for the corpus: the same seed gives the same library on every machine. */
export type Random = () => number;

/** mulberry32: tiny, fast, and good enough for synthetic text. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Zipf-distributed ranks 0..n-1 (P(rank r) ∝ 1/(r+1)^s), sampled in O(1) with Vose's alias method:
 * a 100,000-article corpus draws ~45 million words, too many for a binary search per word.
 */
export class ZipfSampler {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(
    readonly size: number,
    exponent = 1,
  ) {
    const weights = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) total += weights[r] = 1 / Math.pow(r + 1, exponent);
    this.probability = new Float64Array(size);
    this.alias = new Int32Array(size);
    const scaled = weights.map((weight) => (weight * size) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((value, r) => (value < 1 ? small : large).push(r));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.probability[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const r of [...small, ...large]) this.probability[r] = 1;
  }

  sample(random: Random): number {
    const column = Math.floor(random() * this.size);
    return random() < this.probability[column]! ? column : this.alias[column]!;
  }
}
