import type { OpsState } from '../../../support/metrics/index.ts'

/** The `summary` AgentTrader serves with each `status.state` (`backend/ops/status_contract.py`). */
export const STATE_SUMMARIES: Readonly<Record<OpsState, string>> = Object.freeze({
  OK: 'Healthy',
  DEGRADED: 'Degraded',
  HALTED: 'Halted',
  MARKET_CLOSED: 'Market closed',
  OFFLINE: 'Offline',
  UNKNOWN: 'Unknown',
})

/** What `compute_ops_state` and the safety gating look at. */
export interface OpsStateInput {
  readonly kind: 'marketdata' | 'strategy' | 'execution'
  readonly executionEnabled: boolean
  readonly killSwitch: boolean
  readonly marketOpen: boolean
  /** `age(last_tick) <= stale_threshold`, or `null` without a tick. */
  readonly marketdataFresh: boolean | null
  readonly heartbeatAgeSeconds: number
  readonly heartbeatTtlSeconds: number
}

/** The `status` and `safety` verdicts of one OpsStatus body. */
export interface OpsStateResult {
  readonly state: OpsState
  readonly reasonCodes: readonly string[]
  readonly safeToRunStrategies: boolean
  readonly gatingReasons: readonly string[]
}

/** `backend/ops/status_contract.py` `compute_ops_state` (first match wins) plus the safety block (reference §3.4 A). */
export function computeOpsState(input: OpsStateInput): OpsStateResult {
  const { state, reasonCodes } = computeState(input)
  const safeToRunStrategies = !input.killSwitch && (!input.marketOpen || input.marketdataFresh !== false)
  // @note inferred from the reference: only the kill switch, open-market staleness and the execution contract gate.
  const gatingReasons = [
    ...(input.killSwitch ? ['KILL_SWITCH'] : []),
    ...(input.marketOpen && input.marketdataFresh === false ? ['MARKETDATA_STALE'] : []),
    ...(input.kind === 'execution' ? ['EXECUTION_ORDERS_DISABLED_CONTRACT'] : []),
  ]
  return { state, reasonCodes, safeToRunStrategies, gatingReasons }
}

function computeState(input: OpsStateInput): { state: OpsState; reasonCodes: string[] } {
  const haltsOnData = input.kind === 'strategy' || input.kind === 'execution'
  if (input.kind === 'execution' && !input.executionEnabled) return { state: 'OFFLINE', reasonCodes: ['EXECUTION_DISABLED'] }
  if (input.killSwitch) return { state: 'HALTED', reasonCodes: ['KILL_SWITCH'] }
  if (input.marketOpen && input.marketdataFresh === false) {
    return { state: haltsOnData ? 'HALTED' : 'DEGRADED', reasonCodes: ['MARKETDATA_STALE'] }
  }
  if (input.marketOpen && input.marketdataFresh === null) {
    return { state: haltsOnData ? 'HALTED' : 'DEGRADED', reasonCodes: ['MARKETDATA_MISSING'] }
  }
  if (input.heartbeatAgeSeconds > input.heartbeatTtlSeconds) return { state: 'DEGRADED', reasonCodes: ['HEARTBEAT_STALE'] }
  if (!input.marketOpen) return { state: 'MARKET_CLOSED', reasonCodes: ['MARKET_CLOSED'] }
  return { state: 'OK', reasonCodes: [] }
}
