import type { Judgement } from '../judgement.ts'
import type { SystemStatusObservation } from './judge-system-status.ts'
import { MAX_FUTURE_SKEW_SECONDS } from './judge-trade-freshness.ts'
import { systemStatusSchema } from './whale-trade-contract.ts'

/** The judgement of how recent the GEX overlay is. */
export interface GexFreshnessJudgement extends Judgement<never> {
  /** Its age at `now`, in whole seconds (negative when in the future), or `null` when it has no readable timestamp. */
  readonly ageSeconds: number | null
}

/**
 * Judges the recency of the GEX overlay (`tenants/{t}/ops/system_status` `timestamp`, reference §2.3), which the
 * Whale Flow page shows as live like the trades: at most `maxAgeSeconds` old at `now` (`--max-gex-age`) and not more
 * than {@link MAX_FUTURE_SKEW_SECONDS} in the future. A missing document or timestamp fails: nothing recent is shown.
 * @example judgeGexFreshness({ path, document }, new Date(), 86_400)
 */
export function judgeGexFreshness(observation: SystemStatusObservation, now: Date, maxAgeSeconds: number): GexFreshnessJudgement {
  if (observation.document === null) {
    return { status: 'fail', findings: [], reason: `${observation.path} does not exist: there is no GEX overlay to be recent`, ageSeconds: null }
  }
  const parsed = systemStatusSchema.shape.timestamp.safeParse(observation.document.data.timestamp)
  if (!parsed.success) {
    return { status: 'fail', findings: [], reason: `${observation.path} has no timestamp the GEX overlay can be dated by: timestamp: ${parsed.error.issues[0]?.message ?? 'invalid'}`, ageSeconds: null }
  }
  const at = parsed.data.toDate()
  const ageSeconds = Math.round((now.getTime() - at.getTime()) / 1_000)
  if (ageSeconds > maxAgeSeconds) {
    return {
      status: 'fail',
      findings: [],
      reason:
        `${observation.path} is from ${at.toISOString()}, ${(ageSeconds / 86_400).toFixed(1)} days (${ageSeconds} s) old, over the ` +
        `${maxAgeSeconds} s allowed (--max-gex-age): the GEX overlay shows stale numbers as live. Reseed, or check the writer`,
      ageSeconds,
    }
  }
  if (-ageSeconds > MAX_FUTURE_SKEW_SECONDS) {
    return {
      status: 'fail',
      findings: [],
      reason: `${observation.path} is dated ${at.toISOString()}, ${-ageSeconds} s in the future: that proves nothing about recency; check the writer's clock`,
      ageSeconds,
    }
  }
  return { status: 'pass', findings: [], reason: `${observation.path} is from ${at.toISOString()}, ${Math.max(0, ageSeconds)} s old (≤ ${maxAgeSeconds} s)`, ageSeconds }
}
