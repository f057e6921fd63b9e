import type { ScrapeFormat } from '../metrics/index.ts'
import type { Judgement } from '../judgement.ts'
import { judgeHttpStatus, type EndpointAnswer } from './http-status.ts'
import { judgeHeartbeatAge, judgeMetricContract, REQUIRED_METRICS, judgeMetricsContentType } from '../metrics/index.ts'

/** The required metrics of one `/metrics` answer; the findings are the required names without a sample that counts. */
export interface RequiredMetricsJudgement extends Judgement<string> {
  /** The format the body was parsed as, or `null` when it was not. */
  readonly format: ScrapeFormat | null
  /** The values of the samples that count, by required name. */
  readonly values: Readonly<Record<string, number[]>>
  /** Why samples of a required name do not count, by name. */
  readonly dropped: Readonly<Record<string, string[]>>
}

/** The `heartbeat_age_seconds` samples of one `/metrics` answer. */
export interface HeartbeatAgeJudgement extends Judgement<never> {
  /** The samples that count, or `null` when the body did not parse. */
  readonly heartbeatAgeSeconds: readonly number[] | null
  /** Why samples do not count (an explicit timestamp too old or in the future). */
  readonly dropped: Readonly<Record<string, string[]>>
}

/**
 * Judges a service's `/metrics` answer as Prometheus would scrape it (runbook §4A): HTTP 200, a Prometheus text
 * content type (Prometheus 3 refuses others), and a body that parses with the parser that content type picks.
 */
export function judgeMetricsScrape(service: string, answer: EndpointAnswer): Judgement<never> {
  const http = judgeHttpStatus(`${service} /metrics`, answer.status)
  if (http.status !== 'pass') return http
  const contentType = judgeMetricsContentType(answer.contentType)
  if (contentType.status !== 'pass') return { ...contentType, reason: `${service} /metrics: ${contentType.reason}` }
  const parsed = judgeMetricContract(answer.body, REQUIRED_METRICS, { contentType: answer.contentType })
  if (!parsed.parsed) return { status: 'fail', reason: `${service} /metrics (${answer.contentType}): ${parsed.reason}`, findings: [] }
  return { status: 'pass', reason: `${service} /metrics (${answer.contentType}): parsed as ${parsed.format}`, findings: [] }
}

/**
 * Judges that a service's `/metrics` answer has a sample that counts of each `required` metric at `now`
 * (`judgeMetricContract`): HTTP 200, a body that parses, nothing missing.
 */
export function judgeRequiredMetrics(service: string, answer: EndpointAnswer, now: Date, required: readonly string[] = REQUIRED_METRICS): RequiredMetricsJudgement {
  const unparsed = { format: null, values: {}, dropped: {} }
  const http = judgeHttpStatus(`${service} /metrics`, answer.status)
  if (http.status !== 'pass') return { ...http, ...unparsed }
  const metrics = judgeMetricContract(answer.body, required, { contentType: answer.contentType, now })
  if (!metrics.parsed) return { status: 'fail', reason: `${service} /metrics does not parse: ${metrics.reason}`, findings: [], ...unparsed }
  const { format, values, dropped, missing } = metrics
  return { status: missing.length === 0 ? 'pass' : 'fail', reason: `${service} /metrics: ${metrics.reason}`, findings: missing, format, values, dropped }
}

/**
 * Judges a service's `heartbeat_age_seconds` gauge on `/metrics` at `now`: HTTP 200, a body that parses, and at
 * least one sample, each finite, not negative and within `thresholdSeconds` (`judgeHeartbeatAge`).
 */
export function judgeHeartbeatAgeMetric(service: string, answer: EndpointAnswer, thresholdSeconds: number, now: Date): HeartbeatAgeJudgement {
  const http = judgeHttpStatus(`${service} /metrics`, answer.status)
  if (http.status !== 'pass') return { ...http, heartbeatAgeSeconds: null, dropped: {} }
  const metrics = judgeMetricContract(answer.body, ['heartbeat_age_seconds'], { contentType: answer.contentType, now })
  if (!metrics.parsed) {
    return { status: 'fail', reason: `${service} /metrics does not parse: ${metrics.reason}`, findings: [], heartbeatAgeSeconds: null, dropped: {} }
  }
  const samples = metrics.values.heartbeat_age_seconds ?? []
  const age = judgeHeartbeatAge(samples, thresholdSeconds)
  // @note with no sample that counts, the contract's reason says why (none, or dropped for its timestamp).
  const reason = `${service}: ${metrics.missing.length > 0 ? metrics.reason : age.reason}`
  return { status: age.status, reason, findings: [], heartbeatAgeSeconds: samples, dropped: metrics.dropped }
}
