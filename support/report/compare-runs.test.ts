import { describe, expect, it } from 'vitest'
import { compareRuns } from './compare-runs.ts'
import type { CheckReport, GateReport, ReadinessReport } from '../verdict/index.ts'

const check = (id: string, values?: Record<string, unknown>): CheckReport => ({
  id, title: id, status: 'pass', reason: null, durationMs: 1, evidence: [], ...(values ? { values } : {}),
})
const gate = (id: GateReport['id'], status: GateReport['status'], checks: CheckReport[] = []): GateReport => ({
  id, title: id, runbookRef: '§', status, reason: null, durationMs: 1, checks,
})
const report = (runId: string, gates: GateReport[]) => ({ runId, gates }) as ReadinessReport

const required = (ticks: number[], heartbeat: number[]) => ({
  required: { marketdata_ticks_total: ticks, heartbeat_age_seconds: heartbeat, errors_total: [0, 0] },
})

describe('compareRuns', () => {
  it('lists the gates whose status changed, in report order', () => {
    const before = report('r1', [gate('kill-switch', 'pass'), gate('metrics', 'pass'), gate('cluster-health', 'fail')])
    const after = report('r2', [gate('kill-switch', 'fail'), gate('metrics', 'pass'), gate('cluster-health', 'pass'), gate('session', 'pass')])
    expect(compareRuns(before, after)).toEqual({
      previousRunId: 'r1',
      gateChanges: [{ gate: 'kill-switch', from: 'pass', to: 'fail' }, { gate: 'cluster-health', from: 'fail', to: 'pass' }],
      newWarningEvents: [],
      moreWarningEvents: [],
      stuckCounters: [],
    })
  })

  it('lists Warning events the previous run did not have, ignoring repeat counts and timestamps', () => {
    const backoff = { object: 'Pod/strategy-engine-1', reason: 'BackOff', message: 'Back-off restarting', count: 3, lastTimestamp: '2026-11-24T12:00:00Z' }
    const pull = { object: 'Pod/gamma-0', reason: 'Failed', message: 'ErrImagePull' }
    const before = report('r1', [gate('cluster-health', 'pass', [check('stable', { warningEvents: [backoff] })])])
    const after = report('r2', [gate('cluster-health', 'pass', [check('stable', { warningEvents: [{ ...backoff, count: 9, lastTimestamp: '2026-11-25T12:00:00Z' }, pull] })])])
    expect(compareRuns(before, after).newWarningEvents).toEqual([{ gate: 'cluster-health', check: 'stable', events: [pull] }])
  })

  it('treats every Warning event as new when the previous run had no such check', () => {
    const after = report('r2', [gate('cluster-health', 'pass', [check('stable', { warningEvents: ['a'] })])])
    expect(compareRuns(report('r1', []), after).newWarningEvents).toEqual([{ gate: 'cluster-health', check: 'stable', events: ['a'] }])
  })

  it('lists a Warning event count that grew', () => {
    const before = report('r1', [gate('cluster-health', 'pass', [check('stable', { warningEventsWithin30m: 1 })])])
    const after = report('r2', [gate('cluster-health', 'pass', [check('stable', { warningEventsWithin30m: 4 })])])
    expect(compareRuns(before, after).moreWarningEvents).toEqual([{ gate: 'cluster-health', check: 'stable', key: 'warningEventsWithin30m', from: 1, to: 4 }])
    expect(compareRuns(after, before).moreWarningEvents).toEqual([])
  })

  it('lists required counters of the metrics gate that did not move, and not gauges', () => {
    const before = report('r1', [gate('metrics', 'pass', [check('marketdata-mcp-server.required-metrics', required([10], [2]))])])
    const after = report('r2', [gate('metrics', 'pass', [check('marketdata-mcp-server.required-metrics', required([25], [2]))])])
    expect(compareRuns(before, after).stuckCounters).toEqual([
      { gate: 'metrics', check: 'marketdata-mcp-server.required-metrics', metric: 'errors_total', values: [0, 0] },
    ])
    const stuck = report('r3', [gate('metrics', 'pass', [check('marketdata-mcp-server.required-metrics', required([25], [3]))])])
    expect(compareRuns(after, stuck).stuckCounters.map((entry) => entry.metric)).toEqual(['marketdata_ticks_total', 'errors_total'])
  })

  it('reads a previous report of another shape without throwing', () => {
    const odd = { runId: 'old', gates: [{ id: 'metrics', status: 'pass', checks: [{ id: 'x', values: 'not a record' }] }, null] } as unknown as ReadinessReport
    expect(compareRuns(odd, report('r2', [gate('metrics', 'fail')])).gateChanges).toEqual([{ gate: 'metrics', from: 'pass', to: 'fail' }])
  })
})
