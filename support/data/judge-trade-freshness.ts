import type { Judgement } from '../judgement.ts'
import { coerceDate } from './golden-sweep.ts'
import { tradesTheUiShows, type WhaleTradesObservation } from './judge-whale-trades.ts'

/** A newest trade dated further ahead than this says nothing about recency: the writer's clock is wrong. */
export const MAX_FUTURE_SKEW_SECONDS = 300

/** The judgement of how recent the newest Whale Flow trade is. */
export interface TradeFreshnessJudgement extends Judgement<never> {
  /** The newest trade's timestamp, ISO 8601, or `null` when no trade has one the UI can read. */
  readonly newest: string | null
  /** Its age at `now`, in whole seconds (negative when in the future). */
  readonly ageSeconds: number | null
}

const describeAge = (seconds: number): string =>
  seconds >= 3_600 ? `${(seconds / 3_600).toFixed(1)} h` : seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${seconds} s`

/**
 * Judges recency (runbook §2B "recent trades"): the newest trade the UI shows is at most `maxAgeSeconds` old at
 * `now`, and not more than {@link MAX_FUTURE_SKEW_SECONDS} in the future. Timestamps are read the way the UI reads
 * them (`coerceDate`).
 * @example judgeTradeFreshness({ path, documents }, new Date(), 3600)
 */
export function judgeTradeFreshness(observation: WhaleTradesObservation, now: Date, maxAgeSeconds: number): TradeFreshnessJudgement {
  const times = tradesTheUiShows(observation.documents)
    .map((document) => coerceDate(document.data.timestamp)?.getTime())
    .filter((time): time is number => time !== undefined)
  if (times.length === 0) {
    return { status: 'fail', findings: [], reason: `no trade in ${observation.path} has a timestamp the Whale Flow UI can read`, newest: null, ageSeconds: null }
  }
  const newestMs = Math.max(...times)
  const newest = new Date(newestMs).toISOString()
  const ageSeconds = Math.round((now.getTime() - newestMs) / 1_000)
  if (ageSeconds > maxAgeSeconds) {
    return {
      status: 'fail',
      findings: [],
      reason:
        `the newest Whale Flow trade in ${observation.path} is from ${newest}, ${describeAge(ageSeconds)} old, over the ` +
        `${maxAgeSeconds} s allowed (--max-trade-age): the page shows no recent trades. Check the writer, or reseed`,
      newest,
      ageSeconds,
    }
  }
  if (-ageSeconds > MAX_FUTURE_SKEW_SECONDS) {
    return {
      status: 'fail',
      findings: [],
      reason:
        `the newest Whale Flow trade in ${observation.path} is dated ${newest}, ${describeAge(-ageSeconds)} in the future: ` +
        "that proves nothing about recency; check the writer's clock",
      newest,
      ageSeconds,
    }
  }
  return { status: 'pass', findings: [], reason: `the newest trade is from ${newest}, ${describeAge(Math.max(0, ageSeconds))} old (≤ ${maxAgeSeconds} s)`, newest, ageSeconds }
}
