import { describe, expect, it } from 'vitest'
import { judgeHeartbeatAgeMetric, judgeMetricsScrape, judgeRequiredMetrics } from './metrics-endpoint.ts'
import { REQUIRED_METRICS } from '../metrics/index.ts'

const PROM = 'text/plain; version=0.0.4; charset=utf-8'
const NOW = new Date('2026-01-14T14:00:00Z')
const body = (names: readonly string[], heartbeatAge = '2.0') =>
  `${names.flatMap((name) => [`# TYPE ${name} gauge`, `${name} ${name === 'heartbeat_age_seconds' ? heartbeatAge : '1.0'}`]).join('\n')}\n`
const answer = (text: string, status = 200, contentType: string | null = PROM) => ({ status, contentType, body: text })
const ALL = body(REQUIRED_METRICS)

describe('judgeMetricsScrape', () => {
  it.each([
    ['Prometheus text that parses', answer(ALL), 'pass', `svc /metrics (${PROM}): parsed as prometheus-text`],
    ['HTTP 500', answer('oops', 500), 'fail', 'svc /metrics HTTP status: expected 500 to be 200'],
    ['JSON', answer('{}', 200, 'application/json'), 'fail', 'svc /metrics: the content type is "application/json", not Prometheus text ("text/plain; version=0.0.4" or OpenMetrics); Prometheus would not scrape it'],
    ['OpenMetrics without # EOF', answer(ALL, 200, 'application/openmetrics-text; version=1.0.0'), 'fail', expect.stringMatching(/^svc \/metrics \(application\/openmetrics-text; version=1\.0\.0\): .*# EOF/)],
  ])('%s → %s', (_case, scraped, status, reason) => {
    expect(judgeMetricsScrape('svc', scraped)).toEqual({ status, reason, findings: [] })
  })
})

describe('judgeRequiredMetrics', () => {
  it('passes with a sample of each, and keeps the values', () => {
    const judgement = judgeRequiredMetrics('svc', answer(ALL), NOW)
    expect(judgement).toMatchObject({ status: 'pass', reason: 'svc /metrics: every required metric has a sample (prometheus-text)', findings: [], format: 'prometheus-text' })
    expect(judgement.values.heartbeat_age_seconds).toEqual([2])
  })

  it('fails naming the missing metric, which is its finding', () => {
    const judgement = judgeRequiredMetrics('svc', answer(body(REQUIRED_METRICS.filter((name) => name !== 'safety_halted_total'))), NOW)
    expect(judgement).toMatchObject({ status: 'fail', reason: 'svc /metrics: no sample that counts of safety_halted_total', findings: ['safety_halted_total'] })
  })

  it('fails a body that does not parse, and one with the wrong HTTP status, with nothing parsed', () => {
    expect(judgeRequiredMetrics('svc', answer('not exposition{'), NOW)).toMatchObject({ status: 'fail', reason: expect.stringMatching(/^svc \/metrics does not parse: /), format: null })
    expect(judgeRequiredMetrics('svc', answer(ALL, 503), NOW)).toEqual({
      status: 'fail',
      reason: 'svc /metrics HTTP status: expected 503 to be 200',
      findings: [],
      format: null,
      values: {},
      dropped: {},
    })
  })
})

describe('judgeHeartbeatAgeMetric', () => {
  it.each([
    ['a fresh gauge', answer(body(['heartbeat_age_seconds'], '2.0')), 'pass', 'svc: heartbeat_age_seconds is 2 ≤ 120'],
    ['a stale gauge', answer(body(['heartbeat_age_seconds'], '900.0')), 'fail', 'svc: heartbeat_age_seconds is 900, over the 120 s threshold'],
    ['no gauge', answer(body(['errors_total'])), 'fail', 'svc: no sample that counts of heartbeat_age_seconds'],
    ['HTTP 500', answer('', 500), 'fail', 'svc /metrics HTTP status: expected 500 to be 200'],
  ])('%s → %s', (_case, scraped, status, reason) => {
    expect(judgeHeartbeatAgeMetric('svc', scraped, 120, NOW)).toMatchObject({ status, reason, findings: [] })
  })
})
