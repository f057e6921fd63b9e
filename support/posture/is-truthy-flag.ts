/** The values AgentTrader reads as "on" (`backend/common/kill_switch.py`), after trimming, in any case. */
export const TRUTHY_FLAG_VALUES: readonly string[] = Object.freeze(['1', 'true', 'yes', 'on'])

/** Whether a flag value means "on": `1`, `true`, `yes` or `on`, trimmed, any case. */
export function isTruthyFlag(value: string | undefined): boolean {
  return value !== undefined && TRUTHY_FLAG_VALUES.includes(value.trim().toLowerCase())
}
