/** Minimum, median and maximum of repeated measurements. */
export interface Summary {
  /** How many measurements. */
  n: number
  min: number
  /** The middle value; for an even count, the mean of the two middle values. */
  median: number
  max: number
}

/**
 * Summarizes repeated measurements; `null` when there are none (a phase that was skipped).
 * @example summarize([3, 1, 2]) // { n: 3, min: 1, median: 2, max: 3 }
 */
export function summarize(values: readonly number[]): Summary | null {
  const finite = values.filter((value) => Number.isFinite(value))
  if (finite.length === 0) return null
  const sorted = [...finite].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { n: sorted.length, min: sorted[0]!, median, max: sorted.at(-1)! }
}

/** The ratio of two medians (`a / b`), or `null` when either is missing or `b` is zero. */
export function ratioOfMedians(a: Summary | null, b: Summary | null): number | null {
  if (a === null || b === null || b.median === 0) return null
  return a.median / b.median
}
