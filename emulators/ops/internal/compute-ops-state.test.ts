import { describe, expect, it } from 'vitest'
import { computeOpsState, type OpsStateInput } from './compute-ops-state.ts'

const base: OpsStateInput = {
  kind: 'strategy',
  executionEnabled: false,
  killSwitch: false,
  marketOpen: true,
  marketdataFresh: true,
  heartbeatAgeSeconds: 0,
  heartbeatTtlSeconds: 60,
}

describe('computeOpsState (first match wins)', () => {
  it.each<[string, Partial<OpsStateInput>, string, string[], boolean, string[]]>([
    ['healthy during market hours', {}, 'OK', [], true, []],
    ['market closed', { marketOpen: false }, 'MARKET_CLOSED', ['MARKET_CLOSED'], true, []],
    ['execution not enabled', { kind: 'execution', killSwitch: true }, 'OFFLINE', ['EXECUTION_DISABLED'], false, ['KILL_SWITCH', 'EXECUTION_ORDERS_DISABLED_CONTRACT']],
    ['execution enabled', { kind: 'execution', executionEnabled: true }, 'OK', [], true, ['EXECUTION_ORDERS_DISABLED_CONTRACT']],
    ['kill switch', { killSwitch: true, marketdataFresh: false }, 'HALTED', ['KILL_SWITCH'], false, ['KILL_SWITCH', 'MARKETDATA_STALE']],
    ['stale data halts strategy', { marketdataFresh: false }, 'HALTED', ['MARKETDATA_STALE'], false, ['MARKETDATA_STALE']],
    ['stale data degrades marketdata', { kind: 'marketdata', marketdataFresh: false }, 'DEGRADED', ['MARKETDATA_STALE'], false, ['MARKETDATA_STALE']],
    ['missing data halts strategy but counts as safe', { marketdataFresh: null }, 'HALTED', ['MARKETDATA_MISSING'], true, []],
    ['missing data degrades marketdata', { kind: 'marketdata', marketdataFresh: null }, 'DEGRADED', ['MARKETDATA_MISSING'], true, []],
    ['stale data with the market closed', { marketOpen: false, marketdataFresh: false }, 'MARKET_CLOSED', ['MARKET_CLOSED'], true, []],
    ['heartbeat older than its ttl', { heartbeatAgeSeconds: 61 }, 'DEGRADED', ['HEARTBEAT_STALE'], true, []],
  ])('%s', (_case, patch, state, reasonCodes, safeToRunStrategies, gatingReasons) => {
    expect(computeOpsState({ ...base, ...patch })).toEqual({ state, reasonCodes, safeToRunStrategies, gatingReasons })
  })
})
