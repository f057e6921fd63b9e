import type { Sample } from './index.ts'
import { CLOCK_SKEW_ALLOWANCE_SECONDS } from './clock-skew.ts'

/**
 * The oldest explicit sample timestamp that still populates a dashboard: Prometheus's default query lookback
 * (`--query.lookback-delta`, 5 min). With `honor_timestamps` (the default) Prometheus stores the sample at its own
 * timestamp, so an instant query at "now" finds nothing older than this; older than about 1 h (half the head block's
 * 2 h range) the TSDB refuses the sample outright as out of bounds, and a 1970 sample is never stored.
 */
export const MAX_SAMPLE_AGE_SECONDS = 300

/**
 * Why Prometheus would not show a sample's value now, or `null` when it would: a sample without a timestamp is
 * stamped with the scrape time and always counts; one with an explicit timestamp counts only when it is at most
 * {@link MAX_SAMPLE_AGE_SECONDS} old and at most {@link CLOCK_SKEW_ALLOWANCE_SECONDS} in the future.
 * @example whySampleDoesNotCount({ name: 'x', labels: {}, value: 1, timestampMs: 0 }, now) // 'its timestamp 1970-01-01T00:00:00.000Z is …'
 */
export function whySampleDoesNotCount(sample: Sample, now: Date): string | null {
  if (sample.timestampMs === undefined) return null
  const ageSeconds = (now.getTime() - sample.timestampMs) / 1000
  const at = describeTimestamp(sample.timestampMs)
  if (ageSeconds > MAX_SAMPLE_AGE_SECONDS) {
    return (
      `its explicit timestamp ${at} is ${Math.round(ageSeconds)} s old, over the ${MAX_SAMPLE_AGE_SECONDS} s Prometheus looks back ` +
      '(older than ~1 h it is refused as out of bounds): the sample would not populate'
    )
  }
  if (-ageSeconds > CLOCK_SKEW_ALLOWANCE_SECONDS) {
    return `its explicit timestamp ${at} is ${Math.round(-ageSeconds)} s in the future (more than the ${CLOCK_SKEW_ALLOWANCE_SECONDS} s clock skew allowed): the sample would not show now`
  }
  return null
}

function describeTimestamp(timestampMs: number): string {
  const date = new Date(timestampMs)
  return Number.isNaN(date.getTime()) ? `${timestampMs} ms` : date.toISOString()
}
