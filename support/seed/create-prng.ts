/** A small deterministic random number generator: the same seed gives the same sequence on every machine. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** A float in [min, max), like Python's `random.uniform`. */
  uniform(min: number, max: number): number
  /** An integer in [min, max], both inclusive, like Python's `random.randint`. */
  int(min: number, max: number): number
  /** One item, uniformly, like `random.choice`. */
  pick<T>(items: readonly T[]): T
  /** One item by relative weight, like `random.choices(items, weights)[0]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T
}

/**
 * Creates a mulberry32 generator from a 32-bit seed.
 * @note mulberry32 is tiny, fast and good enough for test data; it is not cryptographic.
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted(items, weights) {
      const total = weights.reduce((sum, w) => sum + w, 0)
      let r = next() * total
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0
        if (r < 0) return items[i] as (typeof items)[number]
      }
      return items[items.length - 1] as (typeof items)[number]
    },
  }
}
