/**
 * A small deterministic random source (mulberry32), so a scenario built from a seed is the
 * same on every run and a failure can be replayed with the seed it printed.
 */
export interface SeededRandom {
  /** A float in [0, 1), like Math.random. */
  (): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

export const seededRandom = (seed: number): SeededRandom => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = next as SeededRandom;
  random.int = (n) => Math.floor(next() * n);
  random.pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)];
  };
  random.chance = (p) => next() < p;
  return random;
};
