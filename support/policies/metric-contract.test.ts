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
