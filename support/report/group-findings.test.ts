import { describe, expect, it } from 'vitest'
import { describeSession } from './describe-session.ts'
import { groupFindings } from './group-findings.ts'
import type { CheckReport, GateReport, ReadinessReport } from '../verdict/index.ts'

const check = (id: string, status: CheckReport['status'], reason: string | null = null, values?: Record<string, unknown>): CheckReport => ({ id, title: id, status, reason, durationMs: 1, evidence: [], ...(values ? { values } : {}) })
const gate = (id: string, checks: CheckReport[], reason: string | null = null): GateReport => ({ id, title: id, runbookRef: '§', status: 'unverified', reason, durationMs: 1, checks } as GateReport)
const report = (gates: GateReport[], session: string | null = null, problems: ReadinessReport['problems'] = []) =>
  ({ gates, problems, target: { session } } as unknown as ReadinessReport)
const DOWN = '[openbell] could not reach the API server at https://10.0.0.1: ECONNREFUSED'

describe('groupFindings', () => {
  it('lists a cause once with every check it took, failures first, problems and gate reasons included', () => {
    const findings = groupFindings(report([
      gate('metrics', [check('a', 'unverified', DOWN), check('b', 'pass')]),
      gate('kill-switch', [check('halted', 'fail', 'EXECUTION_HALTED is "0"'), check('wired', 'unverified', DOWN)]),
      gate('cluster-health', [check('pods', 'unverified', DOWN), check('waived', 'waived', 'x')], 'blocked by RBAC'),
    ], null, [{ severity: 'unverified', message: 'the run was filtered' }]))
    expect(findings.map(({ severity, cause, checks }) => ({ severity, cause, checks }))).toEqual([
      { severity: 'fail', cause: 'EXECUTION_HALTED is "0"', checks: ['kill-switch/halted'] },
      { severity: 'unverified', cause: 'the run was filtered', checks: ['run'] },
      { severity: 'unverified', cause: 'could not connect (ECONNREFUSED)', checks: ['metrics/a', 'kill-switch/wired', 'cluster-health/pods'] },
      { severity: 'unverified', cause: 'blocked by RBAC', checks: ['cluster-health'] },
    ])
  })
})

describe('describeSession', () => {
  const trading = (values: Record<string, unknown>) => [gate('session', [check('trading-day', 'pass', null, values)])]
  it.each([
    ['the session the gate resolved', report(trading({ session: '2026-12-03', defaulted: true, opensAt: '2026-12-03T14:30:00.000Z' })), '2026-12-03, opens 2026-12-03T14:30:00.000Z (the next NYSE session, resolved by the session gate)'],
    ['the session asked for', report(trading({ session: '2026-12-03', defaulted: false, opensAt: '2026-12-03T14:30:00.000Z' }), '2026-12-03'), '2026-12-03, opens 2026-12-03T14:30:00.000Z (asked for with --session)'],
    ['a session asked for that the gate never resolved', report([], '2026-12-03'), '2026-12-03 (asked for with --session)'],
    ['no session at all', report([]), '-'],
    [
      'the calendar that decided it',
      report(trading({ session: '2026-12-03', defaulted: true, source: 'nyse-2025-2027.json (covers 2025-01-01..2027-12-31)' })),
      '2026-12-03 (the next NYSE session, resolved by the session gate; calendar: nyse-2025-2027.json (covers 2025-01-01..2027-12-31))',
    ],
  ])('shows %s', (_, input, text) => {
    expect(describeSession(input)).toBe(text)
  })
})

describe('connectionFailureOf', () => {
  it('gives every read that could not connect to the same address one cause', () => {
    const reasons = [
      '[openbell] list pods in namespace trading-floor: cannot reach the API server (request to http://127.0.0.1:41271/api/v1/namespaces/trading-floor/pods failed, reason: connect ECONNREFUSED 127.0.0.1:41271); check the kube context',
      '[openbell] marketdata-mcp-server /ops/status: request failed: connect ECONNREFUSED 127.0.0.1:41271',
      '[openbell] get /version: cannot reach the API server (request to http://127.0.0.1:41271/version failed, reason: connect ECONNREFUSED 127.0.0.1:41271); check',
    ]
    const findings = groupFindings(report([gate('metrics', reasons.map((reason, index) => check(`c${index}`, 'unverified', reason)))]))
    expect(findings).toEqual([{
      severity: 'unverified', cause: 'could not connect to 127.0.0.1:41271 (ECONNREFUSED)', example: reasons[0], checks: ['metrics/c0', 'metrics/c1', 'metrics/c2'],
      nextStep: { runbook: 'market-open-runbook §1A', command: 'kubectl cluster-info && kubectl auth can-i list pods' },
    }])
  })
})
