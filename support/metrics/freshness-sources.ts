import { CLOCK_SKEW_ALLOWANCE_SECONDS } from './clock-skew.ts'
import { judgeMetricContract } from './metric-contract.ts'
import { redactText } from '../secrets/index.ts'

/** What one source said: fresh, stale (a fail), unknown (null or malformed: unverified), or absent (not offered). */
export type SourceVerdict = 'fresh' | 'stale' | 'unknown' | 'absent'

/** One source's verdict and, in words, what it said. */
export interface FreshnessSource {
  /** `/heartbeat`, `/ops/status marketdata` or `heartbeat_age_seconds`. */
  readonly source: string
  readonly verdict: SourceVerdict
  /** What the source said and why that verdict, e.g. `is_fresh false, last_tick_utc 2026-01-14T13:45:00Z (900 s old)`. */
  readonly said: string
}

/** An endpoint as observed: its answer, or why openbell could not read it. */
export type EndpointReading = { readonly status: number; readonly contentType: string | null; readonly body: string } | { readonly error: string }

/** openbell's own clock and threshold: every age is computed and judged with these, never with the service's. */
export interface FreshnessClock {
  readonly now: Date
  /** `--stale-threshold`. */
  readonly thresholdSeconds: number
}

/** Collects what a source said and what is wrong with it; stale findings win over unknown ones. */
class Findings {
  readonly said: string[] = []
  readonly stale: string[] = []
  readonly unknown: string[] = []

  /** Judges an age in seconds the service computed: finite, not negative, within the threshold. */
  age(label: string, value: unknown, clock: FreshnessClock): void {
    if (value === null) this.unknown.push(`${label} is null`)
    else if (typeof value !== 'number') this.unknown.push(`${label} is ${JSON.stringify(value)}, not a number`)
    else if (Number.isNaN(value) || !Number.isFinite(value)) this.stale.push(`${label} is ${value}: no market data observed`)
    else if (value < 0) this.stale.push(`${label} is negative (${value}): a clock or a bug, not a fresh feed`)
    else if (value > clock.thresholdSeconds) this.stale.push(`${label} ${value} s is over the ${clock.thresholdSeconds} s threshold`)
  }

  /** Judges a time the service reported, by openbell's clock: not in the future beyond the skew, within the threshold. */
  time(label: string, at: Date, clock: FreshnessClock): void {
    const ageSeconds = Math.round((clock.now.getTime() - at.getTime()) / 1000)
    this.said.push(`${label} ${at.toISOString()} (${ageSeconds < 0 ? `${-ageSeconds} s ahead of` : `${ageSeconds} s old by`} openbell's clock)`)
    if (-ageSeconds > CLOCK_SKEW_ALLOWANCE_SECONDS) {
      this.stale.push(`${label} is ${-ageSeconds} s in the future (more than the ${CLOCK_SKEW_ALLOWANCE_SECONDS} s clock skew allowed)`)
    } else if (ageSeconds > clock.thresholdSeconds) {
      this.stale.push(`${label} is ${ageSeconds} s old, over the ${clock.thresholdSeconds} s threshold`)
    }
  }

  verdict(source: string): FreshnessSource {
    const verdict = this.stale.length > 0 ? 'stale' : this.unknown.length > 0 ? 'unknown' : 'fresh'
    return { source, verdict, said: [...this.said, ...this.stale, ...this.unknown].join(', ') }
  }
}

const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

/** Reads a JSON answer; returns a finished verdict when the answer is absent (404), unreadable or not a JSON object. */
function readJsonObject(source: string, reading: EndpointReading): { body: Record<string, unknown> } | { done: FreshnessSource } {
  if ('error' in reading) return { done: { source, verdict: 'unknown', said: `could not be read: ${reading.error}` } }
  if (reading.status === 404) return { done: { source, verdict: 'absent', said: 'HTTP 404: not offered' } }
  if (reading.status !== 200) return { done: { source, verdict: 'unknown', said: `HTTP ${reading.status}` } }
  try {
    const parsed: unknown = JSON.parse(reading.body)
    if (isObject(parsed)) return { body: parsed }
  } catch {}
  const kind = /^\s*</.test(reading.body) ? 'an HTML page, not JSON' : 'not JSON (or not a JSON object)'
  return { done: { source, verdict: 'unknown', said: `${kind}: ${JSON.stringify(redactText(reading.body).slice(0, 80))}` } }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `/heartbeat` (reference §3.5): `is_stale` false, `age_seconds` and `now − last_observed_epoch_s` within the threshold. */
export function judgeHeartbeatSource(reading: EndpointReading, clock: FreshnessClock): FreshnessSource {
  const source = '/heartbeat'
  const read = readJsonObject(source, reading)
  if ('done' in read) return read.done
  const { body } = read
  if (!isObject(body.heartbeat)) return { source, verdict: 'unknown', said: 'no "heartbeat" object in the body' }
  const { is_stale: isStale, age_seconds: age, last_observed_epoch_s: epoch } = body.heartbeat
  const findings = new Findings()
  findings.said.push(`is_stale ${JSON.stringify(isStale)}`, `age_seconds ${JSON.stringify(age)}`)
  if (isStale === true) findings.stale.push('it says is_stale=true')
  else if (isStale !== false) findings.unknown.push('is_stale is not a boolean')
  findings.age('age_seconds', age, clock)
  if (typeof epoch === 'number' && Number.isFinite(epoch)) findings.time('last_observed_epoch_s', new Date(epoch * 1000), clock)
  else if (epoch !== null || typeof age === 'number') findings.unknown.push(`last_observed_epoch_s is ${JSON.stringify(epoch)}`)
  return findings.verdict(source)
}

/** `/ops/status` `marketdata` (reference §3.4 A): `is_fresh` true and `last_tick_utc` within the threshold by openbell's clock. */
export function judgeOpsStatusSource(reading: EndpointReading, clock: FreshnessClock): FreshnessSource {
  const source = '/ops/status marketdata'
  const read = readJsonObject(source, reading)
  if ('done' in read) return read.done
  const { body } = read
  if (body.marketdata === undefined || body.marketdata === null) return { source, verdict: 'absent', said: `no marketdata block (${JSON.stringify(body.marketdata ?? 'missing')})` }
  if (!isObject(body.marketdata)) return { source, verdict: 'unknown', said: `marketdata is ${JSON.stringify(body.marketdata)}, not an object` }
  const { is_fresh: isFresh, last_tick_utc: tick, stale_threshold_seconds: own } = body.marketdata
  const findings = new Findings()
  findings.said.push(`is_fresh ${JSON.stringify(isFresh)} (by its own ${JSON.stringify(own)} s threshold)`)
  if (isFresh === false) findings.stale.push('it says is_fresh=false')
  else if (isFresh === null) findings.unknown.push('is_fresh is null')
  else if (isFresh !== true) findings.unknown.push('is_fresh is not a boolean')
  if (tick === null) findings.unknown.push('last_tick_utc is null (no tick since the service started)')
  else if (typeof tick !== 'string' || !UTC_TIME.test(tick) || Number.isNaN(Date.parse(tick))) findings.unknown.push(`last_tick_utc ${JSON.stringify(tick)} is not a UTC time`)
  else findings.time('last_tick_utc', new Date(tick), clock)
  return findings.verdict(source)
}

/** The `heartbeat_age_seconds` gauge of `/metrics`, parsed as Prometheus would scrape it; every sample is judged. */
export function judgeHeartbeatGaugeSource(reading: EndpointReading, clock: FreshnessClock): FreshnessSource {
  const source = 'heartbeat_age_seconds'
  if ('error' in reading) return { source, verdict: 'unknown', said: `/metrics could not be read: ${reading.error}` }
  if (reading.status === 404) return { source, verdict: 'absent', said: '/metrics HTTP 404: not offered' }
  if (reading.status !== 200) return { source, verdict: 'unknown', said: `/metrics HTTP ${reading.status}` }
  const metrics = judgeMetricContract(reading.body, [source], { contentType: reading.contentType, now: clock.now })
  if (!metrics.parsed) return { source, verdict: 'unknown', said: `/metrics does not parse: ${metrics.reason}` }
  const values = metrics.values[source] ?? []
  if (values.length === 0) {
    return metrics.dropped[source] ? { source, verdict: 'unknown', said: metrics.reason } : { source, verdict: 'absent', said: 'no sample in /metrics' }
  }
  const findings = new Findings()
  findings.said.push(`value ${values.join(', ')}`)
  for (const value of values) findings.age('the value', value, clock)
  return findings.verdict(source)
}
