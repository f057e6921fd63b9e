/** The kill switch ConfigMap, its key, and the one value that means halted. */
export const KILL_SWITCH = Object.freeze({
  configMap: 'agenttrader-kill-switch',
  key: 'EXECUTION_HALTED',
  halted: '1',
})

/** How the AgentTrader agents read a flag (`backend/common/kill_switch.py`): these values, trimmed, any case. */
export const FALSY_FLAG_VALUES = Object.freeze(['0', 'false', 'no', 'off'])

/** The judgement of the kill switch's value. */
export type KillSwitchJudgement =
  | { ok: true; posture: 'halted' | 'authorized-to-execute'; reason: string }
  | { ok: false; reason: string }

/**
 * Judges `EXECUTION_HALTED`, fail-closed: exactly `"1"` is halted. An explicit "not halted" value passes only
 * with an operator's authorization; anything else (missing, `"true"`, `" 1"`) is ambiguous, and ambiguity is NO-GO.
 */
export function judgeKillSwitch(value: string | undefined, authorization: string | null): KillSwitchJudgement {
  if (value === undefined) {
    return { ok: false, reason: `${KILL_SWITCH.configMap} has no key ${KILL_SWITCH.key}; the agents would run un-halted` }
  }
  if (value === KILL_SWITCH.halted) return { ok: true, posture: 'halted', reason: `${KILL_SWITCH.key} is "1": execution halted` }
  const seen = JSON.stringify(value)
  if (FALSY_FLAG_VALUES.includes(value.trim().toLowerCase())) {
    if (authorization !== null) {
      return { ok: true, posture: 'authorized-to-execute', reason: `${KILL_SWITCH.key} is ${seen}, authorized by "${authorization}"` }
    }
    return {
      ok: false,
      reason: `${KILL_SWITCH.key} is ${seen}: execution is NOT halted and no --authorize-execution was given`,
    }
  }
  return { ok: false, reason: `${KILL_SWITCH.key} is ${seen}, which is ambiguous; only exactly "1" means halted` }
}
