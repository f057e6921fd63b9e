import type { Judgement } from '../judgement.ts'

/** The content types a Prometheus scrape accepts for the text exposition formats. */
export const PROMETHEUS_TEXT_TYPES = Object.freeze(['text/plain', 'application/openmetrics-text'])

/**
 * Judges the `Content-Type` of a `/metrics` answer: the Prometheus text format (`text/plain; version=0.0.4`) or
 * OpenMetrics. Anything else (JSON, an HTML error page, none at all) is a fail even when the body parses: Prometheus 3
 * refuses to scrape an answer whose content type it does not know, so those metrics would not populate.
 * @see https://prometheus.io/docs/prometheus/latest/migration/#scrape-protocols
 */
export function judgeMetricsContentType(contentType: string | null): Judgement<never> {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (PROMETHEUS_TEXT_TYPES.includes(media)) return { status: 'pass', reason: `content type ${contentType}`, findings: [] }
  return {
    status: 'fail',
    findings: [],
    reason:
      `the content type is ${contentType === null ? 'missing' : JSON.stringify(contentType)}, not Prometheus text ` +
      '("text/plain; version=0.0.4" or OpenMetrics); Prometheus would not scrape it',
  }
}
