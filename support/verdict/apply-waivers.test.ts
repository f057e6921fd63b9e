import { describe, expect, it } from 'vitest'
import type { CheckReport, GateReport } from './readiness-report.ts'
import type { CheckStatus, GateId } from '../gates/index.ts'
import { applyWaivers } from './apply-waivers.ts'

const check = (id: string, status: CheckStatus): CheckReport => ({ id, title: id, status, reason: status === 'pass' ? null : `${id} said no`, durationMs: 1, evidence: [] })
const gate = (id: GateId, checks: CheckReport[], reason: string | null = null): GateReport => ({
  id,
  title: id,
  runbookRef: '§',
  status: checks.some((c) => c.status === 'fail') ? 'fail' : checks.every((c) => c.status === 'pass') ? 'pass' : 'unverified',
  reason,
  durationMs: 1,
  checks,
})
const waiver = (key: string) => ({ check: key, owner: 'alice', ticket: 'OPS-42', reason: 'known', expires: '2026-11-27T12:00:00Z' })

describe('applyWaivers', () => {
  it('turns a failing check into waived, keeps what it was, and makes its gate waived', () => {
    const { gates, waivers } = applyWaivers([gate('metrics', [check('a', 'pass'), check('b', 'fail')])], [waiver('metrics/b')])
    expect(gates[0]?.status).toBe('waived')
    expect(gates[0]?.checks[1]).toEqual({
      ...check('b', 'fail'),
      status: 'waived',
      waived: { from: 'fail', ticket: 'OPS-42', owner: 'alice', expires: '2026-11-27T12:00:00Z' },
    })
    expect(waivers).toEqual([{ ...waiver('metrics/b'), applied: true }])
  })

  it('waives an unverified check too, and leaves the gate unverified while another check is unproven', () => {
    const { gates } = applyWaivers([gate('cluster-health', [check('a', 'unverified'), check('b', 'unverified')])], [waiver('cluster-health/a')])
    expect(gates[0]?.checks.map((c) => c.status)).toEqual(['waived', 'unverified'])
    expect(gates[0]?.status).toBe('unverified')
  })

  it('does not touch a passing check, and reports the waiver as not applied', () => {
    const { gates, waivers } = applyWaivers([gate('metrics', [check('a', 'pass')])], [waiver('metrics/a')])
    expect(gates[0]?.status).toBe('pass')
    expect(waivers[0]?.applied).toBe(false)
  })

  it('never waives a check of the kill switch or the paper posture', () => {
    const input = [gate('kill-switch', [check('halted', 'fail')]), gate('paper-execution', [check('x', 'unverified')])]
    const { gates } = applyWaivers(input, [waiver('kill-switch/halted'), waiver('paper-execution/x')])
    expect(gates).toEqual(input)
  })

  it('keeps the status of a gate whose reason is not its checks (spec did not load, permission missing)', () => {
    const { gates } = applyWaivers([{ ...gate('metrics', [check('a', 'fail')], 'openbell may not get services/proxy'), status: 'fail' }], [waiver('metrics/a')])
    expect(gates[0]?.status).toBe('fail')
    expect(gates[0]?.checks[0]?.status).toBe('waived')
  })
})
