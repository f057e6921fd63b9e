import type { MarketdataHeartbeat, OpsStatus } from '../metrics/index.ts'

/** A freshness judgement: `fresh` true or false, or `null` when the service did not say. */
export interface FreshnessJudgement {
  fresh: boolean | null
  reason: string
}

/**
 * Judges market-data freshness from the service's own contract: `/heartbeat` (`is_stale` false and
 * `age_seconds` within the threshold) or, failing that, `/ops/status` `marketdata.is_fresh`.
 * Missing or `null` freshness is `fresh: null` — unverified, never a pass.
 */
export function judgeFreshness(
  heartbeat: MarketdataHeartbeat | null,
  opsStatus: OpsStatus | null,
  thresholdSeconds: number,
): FreshnessJudgement {
  const beat = heartbeat?.heartbeat
  if (beat && typeof beat.age_seconds === 'number') {
    if (beat.is_stale) return { fresh: false, reason: `/heartbeat says is_stale=true (age ${beat.age_seconds} s)` }
    if (!Number.isFinite(beat.age_seconds) || beat.age_seconds > thresholdSeconds) {
      return { fresh: false, reason: `/heartbeat age_seconds is ${beat.age_seconds}, over the ${thresholdSeconds} s threshold` }
    }
    return { fresh: true, reason: `/heartbeat age ${beat.age_seconds} s ≤ ${thresholdSeconds} s` }
  }
  const isFresh = opsStatus?.marketdata?.is_fresh
  if (isFresh === true) return { fresh: true, reason: '/ops/status marketdata.is_fresh is true' }
  if (isFresh === false) return { fresh: false, reason: `/ops/status marketdata.is_fresh is false (last tick ${opsStatus?.marketdata?.last_tick_utc ?? 'never'})` }
  return { fresh: null, reason: 'neither /heartbeat nor /ops/status says whether market data is fresh (null or missing)' }
}

/** Judges the `heartbeat_age_seconds` gauge: finite and within the threshold (`inf` means never ticked). */
export function judgeHeartbeatAge(values: readonly number[], thresholdSeconds: number): { ok: boolean; reason: string } {
  if (values.length === 0) return { ok: false, reason: 'heartbeat_age_seconds has no sample' }
  const worst = Math.max(...values.map((value) => (Number.isNaN(value) ? Number.POSITIVE_INFINITY : value)))
  if (!Number.isFinite(worst)) return { ok: false, reason: 'heartbeat_age_seconds is inf or NaN: no market data was ever observed' }
  if (worst > thresholdSeconds) return { ok: false, reason: `heartbeat_age_seconds is ${worst}, over the ${thresholdSeconds} s threshold` }
  return { ok: true, reason: `heartbeat_age_seconds is ${worst} ≤ ${thresholdSeconds}` }
}
