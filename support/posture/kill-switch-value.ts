import { isAuthorization } from '../config/index.ts'
import type { Judgement } from '../judgement.ts'

/** The kill switch ConfigMap, its key, and the one value that means halted. */
export const KILL_SWITCH = Object.freeze({
  configMap: 'agenttrader-kill-switch',
  key: 'EXECUTION_HALTED',
  halted: '1',
})

/** How the AgentTrader agents read a flag (`backend/common/kill_switch.py`): these values, trimmed, any case. */
export const FALSY_FLAG_VALUES = Object.freeze(['0', 'false', 'no', 'off'])

/** The part of the kill-switch ConfigMap the judgement reads; `null` when the API server says it does not exist. */
export type KillSwitchConfigMap = { data?: Readonly<Record<string, string>> | undefined } | null

/** The judgement of the kill switch's value; on a pass, `posture` says whether it is halted or authorized to execute. */
export interface KillSwitchJudgement extends Judgement<never> {
  readonly posture: 'halted' | 'authorized-to-execute' | null
}

/**
 * Judges that the kill-switch ConfigMap exists in the namespace: without it nothing holds execution halted, and pods
 * that reference it cannot start.
 * @example judgeKillSwitchPresence(await kube.readConfigMap(KILL_SWITCH.configMap), run.namespace)
 */
export function judgeKillSwitchPresence(configMap: KillSwitchConfigMap, namespace: string): Judgement<never> {
  const where = `ConfigMap ${namespace}/${KILL_SWITCH.configMap}`
  if (configMap !== null) return { status: 'pass', reason: `${where} exists`, findings: [] }
  return {
    status: 'fail',
    reason: `${where} does not exist: nothing holds execution halted. Recreate it with ${KILL_SWITCH.key}: "1"`,
    findings: [],
  }
}

/**
 * Judges `EXECUTION_HALTED` in the kill-switch ConfigMap, fail-closed: exactly `"1"` is halted. An explicit
 * "not halted" value passes only with an operator's authorization; anything else (`"true"`, `" 1"`) is ambiguous,
 * a missing key or a missing ConfigMap leaves nothing holding execution halted, and each of those is NO-GO.
 * @example judgeKillSwitch(await kube.readConfigMap(KILL_SWITCH.configMap), run.authorization)
 */
export function judgeKillSwitch(configMap: KillSwitchConfigMap, authorization: string | null): KillSwitchJudgement {
  const where = `ConfigMap ${KILL_SWITCH.configMap}`
  if (configMap === null) {
    return {
      status: 'fail',
      posture: null,
      findings: [],
      reason:
        `${where} does not exist: nothing holds execution halted, and pods that reference it cannot start. ` +
        `Recreate it with ${KILL_SWITCH.key}: "1"`,
    }
  }
  const value = configMap.data?.[KILL_SWITCH.key]
  if (value === undefined) {
    return { status: 'fail', posture: null, findings: [], reason: `${where} has no key ${KILL_SWITCH.key}; the agents would run un-halted. Set ${KILL_SWITCH.key}: "1"` }
  }
  const seen = `${KILL_SWITCH.key} in ${where} is ${JSON.stringify(value)}`
  if (value === KILL_SWITCH.halted) return { status: 'pass', posture: 'halted', reason: `${seen}: execution halted`, findings: [] }
  if (FALSY_FLAG_VALUES.includes(value.trim().toLowerCase())) {
    // @note the CLI validates --authorize-execution; the rule still refuses a blank or partial one (issue 7's property).
    if (isAuthorization(authorization)) {
      return { status: 'pass', posture: 'authorized-to-execute', reason: `${seen}, authorized by "${authorization}"`, findings: [] }
    }
    return {
      status: 'fail',
      posture: null,
      findings: [],
      reason: `${seen}: execution is NOT halted and no --authorize-execution was given; run \`openbell halt\` or authorize the run`,
    }
  }
  return { status: 'fail', posture: null, reason: `${seen}, which is ambiguous; only exactly "1" means halted`, findings: [] }
}
