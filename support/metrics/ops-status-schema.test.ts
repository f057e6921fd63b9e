import { describe, expect, it } from 'vitest'
import { LegacyOpsStatusSchema, MarketdataHeartbeatSchema, OpsStatusSchema } from './ops-status-schema.ts'

// The VERIFIED example of reference §3.4 A, with the elided times filled in.
const VERIFIED_EXAMPLE =
  '{"service_name":"marketdata-mcp-server","service_kind":"marketdata","repo_id":"RichKingsASU/agent-trader-v2","git_sha":"deadbeef","build_id":null,' +
  '"agent_identity":{"agent_name":"marketdata-mcp-server","agent_role":"marketdata","agent_mode":"OBSERVE"},' +
  '"status":{"state":"MARKET_CLOSED","summary":"Market closed","reason_codes":["MARKET_CLOSED"],"last_updated_utc":"2026-01-14T14:16:00Z"},' +
  '"heartbeat":{"last_heartbeat_utc":"2026-01-14T14:16:00Z","age_seconds":0.0,"ttl_seconds":60},' +
  '"marketdata":{"last_tick_utc":null,"last_bar_utc":null,"stale_threshold_seconds":120,"is_fresh":null},' +
  '"safety":{"kill_switch":false,"safe_to_run_strategies":true,"safe_to_execute_orders":false,"gating_reasons":[]},' +
  '"endpoints":{"healthz":"/healthz","heartbeat":"/heartbeat","metrics":"/metrics"}}'

describe('OpsStatusSchema', () => {
  it('accepts the verified HEAD example', () => {
    expect(OpsStatusSchema.safeParse(JSON.parse(VERIFIED_EXAMPLE)).success).toBe(true)
  })

  it.each([
    ['the documented 5-key contract', { uptime: 1, last_heartbeat: null, data_freshness_seconds: null, build_sha: 'x', agent_mode: 'OBSERVE' }],
    ['a legacy {status, service} body', { status: 'ok', service: 'marketdata-mcp-server' }],
    ['safe_to_execute_orders true', patch(['safety', 'safe_to_execute_orders'], true)],
    ['an unknown state', patch(['status', 'state'], 'GREEN')],
    ['a time with milliseconds', patch(['status', 'last_updated_utc'], '2026-01-14T14:16:00.123Z')],
  ])('rejects %s', (_case, body) => {
    expect(OpsStatusSchema.safeParse(body).success).toBe(false)
  })
})

describe('the other ops bodies', () => {
  it('LegacyOpsStatusSchema accepts {status, service} and rejects OpsStatus', () => {
    expect(LegacyOpsStatusSchema.safeParse({ status: 'ok', service: 'strategy-engine' }).success).toBe(true)
    expect(LegacyOpsStatusSchema.safeParse(JSON.parse(VERIFIED_EXAMPLE)).success).toBe(false)
  })

  it('MarketdataHeartbeatSchema accepts the never-ticked body of reference §3.5', () => {
    const body = { status: 'ok', service: 'marketdata-mcp-server', heartbeat: { age_seconds: null, stale_threshold_seconds: 120.0, is_stale: true, last_observed_epoch_s: null } }
    expect(MarketdataHeartbeatSchema.parse(body)).toEqual(body)
  })
})

function patch(path: [string, string], value: unknown): unknown {
  const body = JSON.parse(VERIFIED_EXAMPLE) as Record<string, Record<string, unknown>>
  body[path[0]]![path[1]] = value
  return body
}
