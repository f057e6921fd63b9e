/**
 * Numbers as Prometheus reads them (Go's `strconv.ParseFloat` and `ParseInt`), without hex floats and `_`,
 * which Prometheus's own scrape parser refuses too.
 */

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
// @note Go accepts any case, so Python's `inf`/`-inf`/`nan` and Go's `+Inf`/`NaN` all parse; a sign before NaN does not.
const INFINITE = /^[+-]?(?:inf|infinity)$/i
const NOT_A_NUMBER = /^nan$/i
const INTEGER = /^[+-]?\d+$/
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Parses a sample value, or returns `undefined` when the token is not a float Prometheus accepts. */
export function parseSampleValue(token: string): number | undefined {
  if (DECIMAL.test(token)) {
    const value = Number(token)
    // @note Go reports a range error for finite syntax that overflows (1e400); underflow to 0 is fine.
    return Number.isFinite(value) ? value : undefined
  }
  if (INFINITE.test(token)) return token.startsWith('-') ? -Infinity : Infinity
  if (NOT_A_NUMBER.test(token)) return Number.NaN
  return undefined
}

/** Parses a timestamp (an int64 of milliseconds), or returns `undefined` when the token is not one. */
export function parseTimestamp(token: string): number | undefined {
  if (!INTEGER.test(token)) return undefined
  const value = BigInt(token)
  return value < INT64_MIN || value > INT64_MAX ? undefined : Number(value)
}
