import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOpsServices, type StartedOpsServices } from '../../emulators/ops/index.ts'
import { LegacyOpsStatusSchema, MarketdataHeartbeatSchema, OpsStatusSchema } from '../../support/metrics/index.ts'
import { httpGet } from './http-get.ts'

// Wed 2026-01-14 09:00 America/New_York: before the open, when openbell runs.
const PRE_OPEN = new Date('2026-01-14T14:00:00.000Z')
const SERVICES = ['marketdata-mcp-server', 'strategy-engine', 'execution-engine'] as const

describe('the ops endpoints of the healthy stand-ins, before the open', () => {
  let ops: StartedOpsServices
  beforeAll(async () => {
    ops = await startOpsServices({ clock: () => PRE_OPEN })
  })
  afterAll(() => ops.stop())

  it('binds every stand-in to 127.0.0.1 on its own port', () => {
    expect(Object.keys(ops.urls)).toEqual([...SERVICES])
    for (const url of Object.values(ops.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(new Set(Object.values(ops.urls)).size).toBe(3)
  })

  it('serves the marketdata OpsStatus byte for byte as FastAPI would', async () => {
    const answer = await httpGet(`${ops.urls['marketdata-mcp-server']}/ops/status`)
    expect(answer).toEqual({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body:
        '{"service_name":"marketdata-mcp-server","service_kind":"marketdata","repo_id":"RichKingsASU/agent-trader-v2","git_sha":"b6ea212","build_id":null,' +
        '"agent_identity":{"agent_name":"marketdata-mcp-server","agent_role":"marketdata","agent_mode":"OBSERVE"},' +
        '"status":{"state":"HALTED","summary":"Halted","reason_codes":["KILL_SWITCH"],"last_updated_utc":"2026-01-14T14:00:00Z"},' +
        '"heartbeat":{"last_heartbeat_utc":"2026-01-14T14:00:00Z","age_seconds":0.0,"ttl_seconds":60},' +
        '"marketdata":{"last_tick_utc":"2026-01-14T13:59:58Z","last_bar_utc":null,"stale_threshold_seconds":120,"is_fresh":true},' +
        '"safety":{"kill_switch":true,"safe_to_run_strategies":false,"safe_to_execute_orders":false,"gating_reasons":["KILL_SWITCH"]},' +
        '"endpoints":{"healthz":"/healthz","heartbeat":"/heartbeat","metrics":"/metrics"}}',
    })
  })

  it.each([
    ['marketdata-mcp-server', 'marketdata', 'OBSERVE', 'HALTED', '/heartbeat', ['KILL_SWITCH']],
    ['strategy-engine', 'strategy', 'OFF', 'HALTED', null, ['KILL_SWITCH']],
    ['execution-engine', 'execution', 'OFF', 'OFFLINE', null, ['KILL_SWITCH', 'EXECUTION_ORDERS_DISABLED_CONTRACT']],
  ] as const)('%s /ops/status matches the OpsStatus contract', async (service, kind, mode, state, heartbeat, gating) => {
    const answer = await httpGet(`${ops.urls[service]}/ops/status`)
    const status = OpsStatusSchema.parse(JSON.parse(answer.body))
    expect(status).toMatchObject({
      service_name: service,
      service_kind: kind,
      agent_identity: { agent_name: service, agent_mode: mode },
      status: { state },
      safety: { kill_switch: true, safe_to_execute_orders: false, gating_reasons: gating },
      endpoints: { heartbeat },
    })
    expect(status).not.toHaveProperty('ok')
  })

  it.each(SERVICES.flatMap((service) => ['/healthz', '/health', '/ops/health'].map((path) => [service, path] as const)))(
    '%s %s answers the legacy {status, service} shape',
    async (service, path) => {
      const answer = await httpGet(`${ops.urls[service]}${path}`)
      expect({ status: answer.status, contentType: answer.contentType, body: answer.body }).toEqual({
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: `{"status":"ok","service":"${service}"}`,
      })
      expect(LegacyOpsStatusSchema.parse(JSON.parse(answer.body))).toEqual({ status: 'ok', service })
    },
  )

  it('serves /heartbeat on marketdata-mcp-server only', async () => {
    const answer = await httpGet(`${ops.urls['marketdata-mcp-server']}/heartbeat`)
    expect(answer.body).toBe(
      '{"status":"ok","service":"marketdata-mcp-server","heartbeat":{"age_seconds":2.0,"stale_threshold_seconds":120.0,"is_stale":false,"last_observed_epoch_s":1768399198.0}}',
    )
    expect(MarketdataHeartbeatSchema.safeParse(JSON.parse(answer.body)).success).toBe(true)
    expect((await httpGet(`${ops.urls['strategy-engine']}/heartbeat`)).status).toBe(404)
  })

  it.each(['/ops/status/', '/metrics?x=1', '/', '/readyz'])('answers %s with 404 "not found"', async (path) => {
    expect(await httpGet(`${ops.urls['strategy-engine']}${path}`)).toEqual({ status: 404, contentType: 'text/plain', body: 'not found\n' })
  })

  it.each(['POST', 'HEAD', 'DELETE'])('answers %s with 501, as the stdlib server does', async (method) => {
    const answer = await httpGet(`${ops.urls['strategy-engine']}/ops/status`, { method })
    expect([answer.status, answer.contentType]).toEqual([501, 'text/html;charset=utf-8'])
    if (method !== 'HEAD') expect(answer.body).toContain(`<p>Message: Unsupported method ('${method}').</p>`)
  })
})

describe('state from the clock and data, with the kill switch released', () => {
  const RELEASED = { killSwitch: false } as const
  it.each([
    // 10:00 ET on a Wednesday: the market is open.
    ['fresh data, market open', {}, 'OK', [], true],
    ['a tick exactly at the threshold is fresh', { lastTickAgeSeconds: 120 }, 'OK', [], true],
    ['a tick past the threshold is stale', { lastTickAgeSeconds: 120.5 }, 'HALTED', ['MARKETDATA_STALE'], false],
    ['no tick ever', { lastTickAgeSeconds: null }, 'HALTED', ['MARKETDATA_MISSING'], null],
    ['kill switch engaged', { killSwitch: true }, 'HALTED', ['KILL_SWITCH'], true],
  ] as const)('strategy-engine: %s', async (_case, overrides, state, reasons, fresh) => {
    await using ops = await startOpsServices({ clock: () => new Date('2026-01-14T15:00:00Z'), services: { 'strategy-engine': { ...RELEASED, ...overrides } } })
    const status = OpsStatusSchema.parse(JSON.parse((await httpGet(`${ops.urls['strategy-engine']}/ops/status`)).body))
    expect([status.status.state, status.status.reason_codes, status.marketdata?.is_fresh]).toEqual([state, reasons, fresh])
  })

  it('reads the clock at every request', async () => {
    let now = new Date('2026-01-14T14:29:59Z')
    await using ops = await startOpsServices({ clock: () => now, services: { 'marketdata-mcp-server': RELEASED } })
    const state = async (): Promise<string> => OpsStatusSchema.parse(JSON.parse((await httpGet(`${ops.urls['marketdata-mcp-server']}/ops/status`)).body)).status.state
    expect(await state()).toBe('MARKET_CLOSED')
    now = new Date('2026-01-14T14:30:00Z')
    expect(await state()).toBe('OK')
  })

  it('serves the injected git sha, agent mode and execution flag', async () => {
    await using ops = await startOpsServices({
      clock: () => PRE_OPEN,
      services: { 'execution-engine': { ...RELEASED, gitSha: '54afffe', agentMode: 'PAPER', executionEnabled: true } },
    })
    const status = OpsStatusSchema.parse(JSON.parse((await httpGet(`${ops.urls['execution-engine']}/ops/status`)).body))
    expect([status.git_sha, status.agent_identity.agent_mode, status.status.state]).toEqual(['54afffe', 'PAPER', 'MARKET_CLOSED'])
  })
})
