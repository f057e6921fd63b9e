import { describe, expect, it } from 'vitest'
import { judgeKillSwitch, judgeKillSwitchPresence, type KillSwitchConfigMap } from './kill-switch-value.ts'

const AUTH = 'alice/OPS-1/demo'
const holding = (value: string): KillSwitchConfigMap => ({ data: { EXECUTION_HALTED: value } })

describe('judgeKillSwitch', () => {
  it.each([
    { case: '"1"', configMap: holding('1'), authorization: null, status: 'pass', posture: 'halted' },
    { case: '"1", authorized anyway', configMap: holding('1'), authorization: AUTH, status: 'pass', posture: 'halted' },
    { case: '"0", authorized', configMap: holding('0'), authorization: AUTH, status: 'pass', posture: 'authorized-to-execute' },
    { case: '"false", authorized', configMap: holding('false'), authorization: AUTH, status: 'pass', posture: 'authorized-to-execute' },
    { case: '"0"', configMap: holding('0'), authorization: null, status: 'fail' },
    { case: '"off"', configMap: holding('off'), authorization: null, status: 'fail' },
    { case: '"true"', configMap: holding('true'), authorization: null, status: 'fail' },
    { case: '"true", authorized', configMap: holding('true'), authorization: AUTH, status: 'fail' },
    { case: '" 1"', configMap: holding(' 1'), authorization: null, status: 'fail' },
    { case: '"1\\n"', configMap: holding('1\n'), authorization: null, status: 'fail' },
    { case: '""', configMap: holding(''), authorization: null, status: 'fail' },
    { case: 'key missing', configMap: { data: { OTHER: '1' } }, authorization: null, status: 'fail' },
    { case: 'no data at all', configMap: {}, authorization: null, status: 'fail' },
    { case: 'key missing, authorized', configMap: { data: {} }, authorization: AUTH, status: 'fail' },
    { case: 'ConfigMap missing', configMap: null, authorization: null, status: 'fail' },
    { case: 'ConfigMap missing, authorized', configMap: null, authorization: AUTH, status: 'fail' },
  ])('$case with authorization $authorization → $status', ({ configMap, authorization, status, posture }) => {
    const judgement = judgeKillSwitch(configMap, authorization)
    expect(judgement.status).toBe(status)
    expect(judgement.posture).toBe(posture ?? null)
  })

  it.each([
    {
      case: 'halted',
      configMap: holding('1'),
      authorization: null,
      reason: 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "1": execution halted',
    },
    {
      case: 'authorized',
      configMap: holding('0'),
      authorization: AUTH,
      reason: 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0", authorized by "alice/OPS-1/demo"',
    },
    {
      case: '"0" without authorization',
      configMap: holding('0'),
      authorization: null,
      reason:
        'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0": execution is NOT halted and no --authorize-execution was given; ' +
        'run `openbell halt` or authorize the run',
    },
    {
      case: 'ambiguous',
      configMap: holding('true'),
      authorization: null,
      reason: 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "true", which is ambiguous; only exactly "1" means halted',
    },
    {
      case: 'key missing',
      configMap: { data: {} },
      authorization: null,
      reason: 'ConfigMap agenttrader-kill-switch has no key EXECUTION_HALTED; the agents would run un-halted. Set EXECUTION_HALTED: "1"',
    },
    {
      case: 'ConfigMap missing',
      configMap: null,
      authorization: AUTH,
      reason:
        'ConfigMap agenttrader-kill-switch does not exist: nothing holds execution halted, and pods that reference it cannot start. ' +
        'Recreate it with EXECUTION_HALTED: "1"',
    },
  ])('says why: $case', ({ configMap, authorization, reason }) => {
    expect(judgeKillSwitch(configMap, authorization).reason).toBe(reason)
  })
})

describe('judgeKillSwitchPresence', () => {
  it('passes when the ConfigMap exists, whatever it holds, and fails when it does not', () => {
    expect(judgeKillSwitchPresence({}, 'trading-floor')).toEqual({ status: 'pass', reason: 'ConfigMap trading-floor/agenttrader-kill-switch exists', findings: [] })
    expect(judgeKillSwitchPresence(null, 'trading-floor')).toEqual({
      status: 'fail',
      reason: 'ConfigMap trading-floor/agenttrader-kill-switch does not exist: nothing holds execution halted. Recreate it with EXECUTION_HALTED: "1"',
      findings: [],
    })
  })
})
