import type { Judgement } from '../judgement.ts'
import {
  judgeHeartbeatGaugeSource,
  judgeHeartbeatSource,
  judgeOpsStatusSource,
  type EndpointReading,
  type FreshnessClock,
  type FreshnessSource,
} from './freshness-sources.ts'

export type { EndpointReading, FreshnessClock, FreshnessSource, SourceVerdict } from './freshness-sources.ts'

/** The endpoints marketdata-mcp-server offers that say something about freshness. */
export interface FreshnessReadings {
  /** `GET /heartbeat`. */
  readonly heartbeat: EndpointReading
  /** `GET /ops/status`. */
  readonly opsStatus: EndpointReading
  /** `GET /metrics` (its `heartbeat_age_seconds` gauge). */
  readonly metrics: EndpointReading
}

/** The freshness verdict over every source; the reason names the service and what each source said, the findings are the sources. */
export type FreshnessJudgement = Judgement<FreshnessSource>

/**
 * Judges market-data freshness by every source the service offers, with openbell's clock and `--stale-threshold`
 * (never the service's own threshold or verdict alone):
 * - `fail` when any source is stale: it says so (`is_stale`, `is_fresh: false`), an age is over the threshold,
 *   non-finite or negative, or a reported time is in the future beyond `CLOCK_SKEW_ALLOWANCE_SECONDS`;
 * - else `unverified` when any source is null, malformed or unreadable, when no source is present at all, or when
 *   `/ops/status` `marketdata` (the only source that follows real ticks) is absent;
 * - else `pass`. An absent source (HTTP 404, no `marketdata` block, no gauge sample) is recorded as absent, never as fresh.
 * @note AgentTrader's `/heartbeat` and `heartbeat_age_seconds` count from process start (reference §3.2), so a
 * restarted server with a dead quote stream looks fresh there; only `/ops/status` follows real ticks.
 */
export function judgeMarketdataFreshness(service: string, readings: FreshnessReadings, clock: FreshnessClock): FreshnessJudgement {
  const ticks = judgeOpsStatusSource(readings.opsStatus, clock)
  const sources = [judgeHeartbeatSource(readings.heartbeat, clock), ticks, judgeHeartbeatGaugeSource(readings.metrics, clock)]
  const by = (verdict: FreshnessSource['verdict']) => sources.filter((source) => source.verdict === verdict)
  const listed = sources.map((source) => `${source.source} ${source.verdict} (${source.said})`).join('; ')
  const threshold = `--stale-threshold ${clock.thresholdSeconds} s`
  if (by('stale').length > 0) {
    const names = by('stale').map((source) => source.source).join(' and ')
    return { status: 'fail', reason: `${service}: market data is stale by ${names} (${threshold}): ${listed}`, findings: sources }
  }
  if (by('unknown').length > 0) {
    const names = by('unknown').map((source) => source.source).join(' and ')
    return { status: 'unverified', reason: `${service}: cannot tell whether market data is fresh: ${names} said nothing usable (${threshold}): ${listed}`, findings: sources }
  }
  if (by('fresh').length === 0) {
    return { status: 'unverified', reason: `${service}: no source of market-data freshness is present (${threshold}): ${listed}`, findings: sources }
  }
  // @note the other two count from process start (reference §3.2): without the tick source, a restarted server with a
  // dead quote stream would look fresh.
  if (ticks.verdict === 'absent') {
    return {
      status: 'unverified',
      reason: `${service}: cannot tell whether market data is fresh: only ${ticks.source} follows real ticks, and it is absent (/heartbeat and heartbeat_age_seconds count from process start) (${threshold}): ${listed}`,
      findings: sources,
    }
  }
  return { status: 'pass', reason: `${service}: every source present says market data is fresh (${threshold}): ${listed}`, findings: sources }
}

/**
 * Judges the `heartbeat_age_seconds` samples of a parsed `/metrics` body: at least one, each finite, not negative
 * and within the threshold (`inf` means never observed).
 */
export function judgeHeartbeatAge(values: readonly number[], thresholdSeconds: number): Judgement<never> {
  const fail = (reason: string): Judgement<never> => ({ status: 'fail', reason, findings: [] })
  if (values.length === 0) return fail('heartbeat_age_seconds has no sample')
  const bad = values.find((value) => !Number.isFinite(value) || value < 0 || value > thresholdSeconds)
  if (bad === undefined) return { status: 'pass', reason: `heartbeat_age_seconds is ${values.join(', ')} ≤ ${thresholdSeconds}`, findings: [] }
  if (!Number.isFinite(bad)) return fail(`heartbeat_age_seconds is ${bad}: no market data was ever observed`)
  if (bad < 0) return fail(`heartbeat_age_seconds is negative (${bad}): a clock or a bug, not a fresh feed`)
  return fail(`heartbeat_age_seconds is ${bad}, over the ${thresholdSeconds} s threshold`)
}
