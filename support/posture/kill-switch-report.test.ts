import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { judgeKillSwitchReport, type OpsStatusAnswer } from './kill-switch-report.ts'
import type { KillSwitchConfigMap } from './kill-switch-value.ts'

/** A halted strategy-engine's `/ops/status` answer (`fixtures/ops/`), reporting the given kill switch. */
const HALTED = JSON.parse(readFileSync(new URL('../../fixtures/ops/ops-status-halted.json', import.meta.url), 'utf8')) as { safety: object }

function opsStatus(killSwitch: boolean): OpsStatusAnswer {
  const body = { ...HALTED, safety: { ...HALTED.safety, kill_switch: killSwitch, safe_to_run_strategies: !killSwitch } }
  return { status: 200, contentType: 'application/json', body: JSON.stringify(body) }
}
const holding = (value: string): KillSwitchConfigMap => ({ data: { EXECUTION_HALTED: value } })

describe('judgeKillSwitchReport', () => {
  it.each([
    { case: '"1" and true', configMap: holding('1'), answer: opsStatus(true), status: 'pass' },
    { case: '"0" and false', configMap: holding('0'), answer: opsStatus(false), status: 'pass' },
    { case: '"true" is read as halted by the agents', configMap: holding('true'), answer: opsStatus(true), status: 'pass' },
    { case: '" ON " is read as halted by the agents', configMap: holding(' ON '), answer: opsStatus(true), status: 'pass' },
    { case: '"1" but false', configMap: holding('1'), answer: opsStatus(false), status: 'fail' },
    { case: '"0" but true', configMap: holding('0'), answer: opsStatus(true), status: 'fail' },
    { case: 'an empty value is not halted', configMap: holding(''), answer: opsStatus(true), status: 'fail' },
    { case: 'no ConfigMap', configMap: null, answer: opsStatus(true), status: 'unverified' },
    { case: 'no key', configMap: { data: {} }, answer: opsStatus(true), status: 'unverified' },
    { case: 'HTTP 503', configMap: holding('1'), answer: { status: 503, contentType: 'text/html', body: '<html></html>' }, status: 'optional' },
    {
      case: 'the legacy shape',
      configMap: holding('1'),
      answer: { status: 200, contentType: 'application/json', body: '{"status":"ok","service":"strategy-engine"}' },
      status: 'optional',
    },
  ])('$case → $status', ({ configMap, answer, status }) => {
    expect(judgeKillSwitchReport('strategy-engine', configMap, answer).status).toBe(status)
  })

  it.each([
    {
      case: 'agrees',
      configMap: holding('1'),
      answer: opsStatus(true),
      reason: 'strategy-engine reports safety.kill_switch true, as EXECUTION_HALTED "1" in ConfigMap agenttrader-kill-switch says',
    },
    {
      case: 'disagrees',
      configMap: holding('1'),
      answer: opsStatus(false),
      reason:
        'strategy-engine reports safety.kill_switch false, but EXECUTION_HALTED "1" in ConfigMap agenttrader-kill-switch means true: ' +
        'its pods do not run with the kill switch the ConfigMap holds (the env is read at start, the mounted file after the kubelet syncs); restart them',
    },
    {
      case: 'no ConfigMap',
      configMap: null,
      answer: opsStatus(true),
      reason: "ConfigMap agenttrader-kill-switch does not exist, so strategy-engine's safety.kill_switch cannot be compared with it",
    },
    {
      case: 'no key',
      configMap: {},
      answer: opsStatus(true),
      reason: "ConfigMap agenttrader-kill-switch has no key EXECUTION_HALTED, so strategy-engine's safety.kill_switch cannot be compared with it",
    },
    {
      case: 'HTTP 503',
      configMap: holding('1'),
      answer: { status: 503, contentType: 'text/html', body: '' },
      reason: 'strategy-engine /ops/status answered HTTP 503, so it does not report safety.kill_switch',
    },
    {
      case: 'the legacy shape',
      configMap: holding('1'),
      answer: { status: 200, contentType: 'application/json', body: '{"status":"ok","service":"strategy-engine"}' },
      reason: 'strategy-engine /ops/status does not report safety.kill_switch: legacy {status, service} shape (no OpsStatus contract)',
    },
  ])('says why: $case', ({ configMap, answer, reason }) => {
    expect(judgeKillSwitchReport('strategy-engine', configMap, answer).reason).toBe(reason)
  })
})
