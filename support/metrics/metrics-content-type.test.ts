import { describe, expect, it } from 'vitest'
import { judgeMetricsContentType } from './metrics-content-type.ts'

describe('judgeMetricsContentType', () => {
  it.each([
    ['text/plain; version=0.0.4; charset=utf-8', true],
    ['TEXT/PLAIN', true],
    ['application/openmetrics-text; version=1.0.0; charset=utf-8', true],
    ['application/json', false],
    ['text/html; charset=utf-8', false],
    ['text/plainx', false],
    ['', false],
    [null, false],
  ])('%j → %s', (contentType, prometheus) => {
    expect(judgeMetricsContentType(contentType).status).toBe(prometheus ? 'pass' : 'fail')
  })

  it('says what it saw and why it matters', () => {
    expect(judgeMetricsContentType('application/json').reason).toBe(
      'the content type is "application/json", not Prometheus text ("text/plain; version=0.0.4" or OpenMetrics); Prometheus would not scrape it',
    )
    expect(judgeMetricsContentType(null).reason).toContain('the content type is missing')
  })
})
