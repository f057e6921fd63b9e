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

/** The judgement of the kill switch's value. */
export type KillSwitchJudgement =
  | { ok: true; posture: 'halted' | 'authorized-to-execute'; reason: string }
  | { ok: false; reason: string }

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
      ok: false,
      reason:
        `${where} does not exist: nothing holds execution halted, and pods that reference it cannot start. ` +
        `Recreate it with ${KILL_SWITCH.key}: "1"`,
    }
  }
  const value = configMap.data?.[KILL_SWITCH.key]
  if (value === undefined) {
    return { ok: false, reason: `${where} has no key ${KILL_SWITCH.key}; the agents would run un-halted. Set ${KILL_SWITCH.key}: "1"` }
  }
  const seen = `${KILL_SWITCH.key} in ${where} is ${JSON.stringify(value)}`
  if (value === KILL_SWITCH.halted) return { ok: true, posture: 'halted', reason: `${seen}: execution halted` }
  if (FALSY_FLAG_VALUES.includes(value.trim().toLowerCase())) {
    // @note the CLI validates --authorize-execution; the rule still refuses a blank or partial one (issue 7's property).
    if (isAuthorization(authorization)) {
      return { ok: true, posture: 'authorized-to-execute', reason: `${seen}, authorized by "${authorization}"` }
    }
    return {
      ok: false,
      reason: `${seen}: execution is NOT halted and no --authorize-execution was given; run \`openbell halt\` or authorize the run`,
    }
  }
  return { ok: false, reason: `${seen}, which is ambiguous; only exactly "1" means halted` }
}

/** Whether a text is an operator's authorization: "WHO/TICKET/REASON", every part filled in. */
export function isAuthorization(text: string | null): text is string {
  const parts = (text ?? '').split('/')
  return parts.length >= 3 && parts.every((part) => part.trim() !== '')
}
