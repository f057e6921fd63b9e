import type { Judgement } from '../judgement.ts'
import { isTruthyFlag } from './is-truthy-flag.ts'
import { KILL_SWITCH, type KillSwitchConfigMap } from './kill-switch-value.ts'
import { judgeOpsStatus } from '../metrics/index.ts'

/** What a service answered on `/ops/status`. */
export interface OpsStatusAnswer {
  status: number
  contentType: string | null
  body: string
}

/**
 * Whether a service's own report of the kill switch agrees with the ConfigMap.
 * - `pass` / `fail`: the service reports `safety.kill_switch`, which agrees / disagrees with what the agents read.
 * - `optional`: the service answered without `safety.kill_switch` (another status, another shape): nothing to compare.
 * - `unverified`: the ConfigMap or its key is missing, so there is nothing to compare with.
 */
export interface KillSwitchReportJudgement extends Judgement<never> {
  /** What the ConfigMap means (halted or not), when the service reports a value to compare. */
  readonly expected: boolean | null
  /** What the service reports, when it does. */
  readonly reported: boolean | null
}

/**
 * Compares a service's `/ops/status` `safety.kill_switch` with `EXECUTION_HALTED` in the kill-switch ConfigMap,
 * read the way the agents read it (`backend/common/kill_switch.py`): `1`, `true`, `yes`, `on` (trimmed, any case)
 * mean halted, so `"1"` ↔ `true` and `"0"` ↔ `false`.
 */
export function judgeKillSwitchReport(service: string, configMap: KillSwitchConfigMap, answer: OpsStatusAnswer): KillSwitchReportJudgement {
  const value = configMap?.data?.[KILL_SWITCH.key]
  const notCompared = { expected: null, reported: null, findings: [] }
  const where = `ConfigMap ${KILL_SWITCH.configMap}`
  if (configMap === null || value === undefined) {
    const missing = configMap === null ? `${where} does not exist` : `${where} has no key ${KILL_SWITCH.key}`
    return { ...notCompared, status: 'unverified', reason: `${missing}, so ${service}'s safety.kill_switch cannot be compared with it` }
  }
  if (answer.status !== 200) {
    return { ...notCompared, status: 'optional', reason: `${service} /ops/status answered HTTP ${answer.status}, so it does not report safety.kill_switch` }
  }
  const judged = judgeOpsStatus(answer.body, answer.contentType)
  if (judged.shape !== 'ops-status') {
    return { ...notCompared, status: 'optional', reason: `${service} /ops/status does not report safety.kill_switch: ${judged.reason}` }
  }
  const expected = isTruthyFlag(value)
  const reported = judged.status.safety.kill_switch
  const seen = `${KILL_SWITCH.key} ${JSON.stringify(value)} in ${where}`
  if (reported === expected) {
    return { status: 'pass', expected, reported, findings: [], reason: `${service} reports safety.kill_switch ${reported}, as ${seen} says` }
  }
  return {
    status: 'fail',
    expected,
    reported,
    findings: [],
    reason:
      `${service} reports safety.kill_switch ${reported}, but ${seen} means ${expected}: its pods do not run with the ` +
      `kill switch the ConfigMap holds (the env is read at start, the mounted file after the kubelet syncs); restart them`,
  }
}
