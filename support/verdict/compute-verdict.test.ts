import { describe, expect, it } from 'vitest'
import type { CheckStatus, GateStatus } from '../gates/index.ts'
import { computeGateStatus, computeVerdict } from './compute-verdict.ts'

const checks = (...statuses: CheckStatus[]) => statuses.map((status) => ({ status }))
const gates = (...statuses: GateStatus[]) => statuses.map((status) => ({ status }))

describe('computeGateStatus', () => {
  it.each<[CheckStatus[], GateStatus]>([
    [['pass', 'pass'], 'pass'],
    [['pass', 'fail'], 'fail'],
    [['unverified', 'fail'], 'fail'],
    [['pass', 'unverified'], 'unverified'],
    [['pass', 'optional-not-run'], 'pass'],
    [['optional-not-run'], 'unverified'],
    [[], 'unverified'],
    [['pass', 'waived'], 'waived'],
    [['waived'], 'waived'],
    [['waived', 'optional-not-run'], 'waived'],
    [['waived', 'unverified'], 'unverified'],
    [['waived', 'fail'], 'fail'],
  ])('%j → %s', (statuses, expected) => {
    expect(computeGateStatus(checks(...statuses))).toBe(expected)
  })
})

describe('computeVerdict', () => {
  it('is GO with exit 0 only when every gate passed and nothing went wrong', () => {
    expect(computeVerdict(gates('pass', 'pass'), [])).toEqual({ verdict: 'GO', verdictText: 'GO', exitCode: 0 })
  })
  it('is GO with waivers, still exit 0, when a gate passed only through waivers', () => {
    expect(computeVerdict(gates('pass', 'waived'), [])).toEqual({ verdict: 'GO', verdictText: 'GO with waivers', exitCode: 0 })
  })
  it('is NO-GO with exit 1 when a gate failed', () => {
    expect(computeVerdict(gates('pass', 'fail', 'unverified'), [])).toEqual({ verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 1 })
  })
  it('is NO-GO with exit 3 when gates are only unverified', () => {
    expect(computeVerdict(gates('pass', 'unverified', 'waived'), [])).toEqual({ verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 3 })
  })
  it('is NO-GO with exit 3 for a run problem even when every gate passed', () => {
    expect(computeVerdict(gates('pass'), [{ severity: 'unverified', message: 'filtered' }])).toEqual({ verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 3 })
  })
  it('is NO-GO with exit 1 for a failing run problem such as a live-host request or a bad waiver', () => {
    expect(computeVerdict(gates('waived'), [{ severity: 'fail', message: 'live host' }])).toEqual({ verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 1 })
  })
  it('is never GO without gates', () => {
    expect(computeVerdict([], [])).toEqual({ verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 3 })
  })
})
