import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { judgeMetricContract, REQUIRED_METRICS } from './metric-contract.ts'

const head = readFileSync(new URL('../../fixtures/metrics/agenttrader-head.prom', import.meta.url), 'utf8')

describe('judgeMetricContract', () => {
  it('finds every required family in the real AgentTrader body', () => {
    const judgement = judgeMetricContract(head)
    expect(judgement).toMatchObject({ parsed: true, missing: [] })
    if (judgement.parsed) expect(judgement.values.agent_start_total).toEqual([0, 0])
  })

  it('is not fooled by decoys: a longer name, a HELP line, a comment or a label value', () => {
    const body = [
      '# HELP errors_total Total errors.',
      '# TYPE errors_total counter',
      '# errors_total 1.0',
      '# TYPE marketdata_errors_total counter',
      'marketdata_errors_total 1.0',
      '# TYPE decoy_total counter',
      'decoy_total{name="errors_total"} 1.0',
      ...REQUIRED_METRICS.filter((name) => name !== 'errors_total').flatMap((name) => [`# TYPE ${name} gauge`, `${name} 0.0`]),
      '',
    ].join('\n')
    expect(judgeMetricContract(body)).toMatchObject({ parsed: true, missing: ['errors_total'] })
  })

  it('does not count a histogram family of a required name: it has no series of that name (issue 7)', () => {
    const body = [
      '# TYPE errors_total histogram',
      'errors_total_bucket{le="+Inf"} 3.0',
      'errors_total_sum 1.5',
      'errors_total_count 3.0',
      ...REQUIRED_METRICS.filter((name) => name !== 'errors_total').flatMap((name) => [`# TYPE ${name} gauge`, `${name} 0.0`]),
      '',
    ].join('\n')
    expect(judgeMetricContract(body)).toMatchObject({ parsed: true, missing: ['errors_total'] })
  })

  it('reports the line of a malformed body', () => {
    expect(judgeMetricContract('agent_start_total 0.0\nerrors_total banana\n')).toMatchObject({ parsed: false, line: 2 })
  })
})

describe('judgeMetricContract as Prometheus scrapes (issue 19)', () => {
  const NOW = new Date('2026-01-14T15:00:00.000Z')
  const body = (stamp: string) =>
    REQUIRED_METRICS.flatMap((name) => [`# TYPE ${name} gauge`, name === 'strategy_cycles_total' ? `${name} 3.0${stamp}` : `${name} 0.0`]).join('\n') + '\n'

  it.each<[string, string, string[], RegExp]>([
    ['no timestamp: stamped at scrape time', '', [], /every required metric has a sample \(prometheus-text\)/],
    ['a timestamp a minute old', ` ${NOW.getTime() - 60_000}`, [], /every required metric/],
    ['a timestamp from 1970 (item 8)', ' 0', ['strategy_cycles_total'], /strategy_cycles_total \(its explicit timestamp 1970-01-01T00:00:00.000Z is \d+ s old, over the 300 s Prometheus looks back/],
    ['a timestamp six minutes old', ` ${NOW.getTime() - 360_000}`, ['strategy_cycles_total'], /360 s old, over the 300 s/],
    ['a timestamp a day in the future', ` ${NOW.getTime() + 86_400_000}`, ['strategy_cycles_total'], /86400 s in the future \(more than the 30 s clock skew allowed\)/],
  ])('%s', (_name, stamp, missing, reason) => {
    const judgement = judgeMetricContract(body(stamp), REQUIRED_METRICS, { now: NOW })
    expect(judgement).toMatchObject({ parsed: true, missing })
    if (judgement.parsed) expect(judgement.reason).toMatch(reason)
  })

  it('parses by content type: the AgentTrader body served as OpenMetrics does not parse (item 7)', () => {
    expect(judgeMetricContract(head, REQUIRED_METRICS, { contentType: 'application/openmetrics-text; version=1.0.0; charset=utf-8' })).toMatchObject({
      parsed: false,
      reason: expect.stringContaining('no "# EOF" line'),
    })
    expect(judgeMetricContract(head, REQUIRED_METRICS, { contentType: 'text/plain; version=0.0.4; charset=utf-8' })).toMatchObject({ parsed: true, missing: [] })
  })

  it('finds an OpenMetrics counter by its _total sample, and not a counter family named like it', () => {
    const openMetrics = (counter: string) =>
      [...REQUIRED_METRICS.filter((name) => name !== 'errors_total').flatMap((name) => [`# TYPE ${name} gauge`, `${name} 0.0`]), ...counter.split('\n'), '# EOF', ''].join('\n')
    const contentType = 'application/openmetrics-text; version=1.0.0'
    expect(judgeMetricContract(openMetrics('# TYPE errors counter\nerrors_total 1.0'), REQUIRED_METRICS, { contentType })).toMatchObject({ parsed: true, missing: [], format: 'openmetrics' })
    expect(judgeMetricContract(openMetrics('# TYPE errors counter\nerrors_created 1.0'), REQUIRED_METRICS, { contentType })).toMatchObject({ parsed: true, missing: ['errors_total'] })
  })
})
