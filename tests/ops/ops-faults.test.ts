import { describe, expect, it } from 'vitest'
import { OpsServiceEmulator, startOpsServices } from '../../emulators/ops/index.ts'
import { MarketdataHeartbeatSchema, OpsStatusSchema } from '../../support/metrics/index.ts'
import { httpGet, HttpGetError } from './http-get.ts'

const clock = (): Date => new Date('2026-01-14T15:00:00Z')
const reasonOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof HttpGetError ? error.reason : `unexpected ${String(error)}`),
  )

describe('faults as data, per service and path', () => {
  it.each([
    ['status and body', { status: 503, body: 'busy\n' }, { status: 503, contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'busy\n' }],
    ['status only keeps the body', { status: 500 }, { status: 500, contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'BODY' }],
    ['content type only', { contentType: 'text/html' }, { status: 200, contentType: 'text/html', body: 'BODY' }],
    ['a short delay still answers', { delayMs: 20 }, { status: 200, contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'BODY' }],
  ])('/metrics with %s', async (_case, fault, expected) => {
    await using plain = await new OpsServiceEmulator('strategy-engine').withClock(clock).start()
    await using faulty = await new OpsServiceEmulator('strategy-engine').withClock(clock).withOverrides({ paths: { '/metrics': fault } }).start()
    const normal = (await httpGet(`${plain.url}/metrics`)).body
    expect(await httpGet(`${faulty.url}/metrics`)).toEqual({ ...expected, body: expected.body === 'BODY' ? normal : expected.body })
  })

  it('answers a path the real server 404s when a fault says so', async () => {
    await using started = await new OpsServiceEmulator('strategy-engine').withOverrides({ paths: { '/ops/status/': { status: 200, body: '{}' } } }).start()
    expect((await httpGet(`${started.url}/ops/status/`)).body).toBe('{}')
    expect((await httpGet(`${started.url}/ops/status`)).status).toBe(200)
  })

  it('a delay longer than the client waits is a timeout', async () => {
    await using started = await new OpsServiceEmulator('strategy-engine').withOverrides({ paths: { '/ops/status': { delayMs: 5_000 } } }).start()
    expect(await reasonOf(httpGet(`${started.url}/ops/status`, { timeoutMs: 100 }))).toBe('timeout')
  })

  it('a hanging path accepts the request and never answers', async () => {
    await using started = await new OpsServiceEmulator('marketdata-mcp-server').withOverrides({ paths: { '/heartbeat': { hang: true } } }).start()
    expect(await reasonOf(httpGet(`${started.url}/heartbeat`, { timeoutMs: 150 }))).toBe('timeout')
    expect((await httpGet(`${started.url}/healthz`)).status).toBe(200)
  })

  it('an endless body is cut by the client size cap', async () => {
    await using started = await new OpsServiceEmulator('strategy-engine').withOverrides({ paths: { '/metrics': { endlessBody: true } } }).start()
    expect(await reasonOf(httpGet(`${started.url}/metrics`, { maxBytes: 256 * 1024 }))).toBe('too-large')
  })

  it('applies faults to the named service only', async () => {
    await using ops = await startOpsServices({ clock, services: { 'strategy-engine': { paths: { '/ops/status': { status: 503 } } } } })
    expect((await httpGet(`${ops.urls['strategy-engine']}/ops/status`)).status).toBe(503)
    expect((await httpGet(`${ops.urls['marketdata-mcp-server']}/ops/status`)).status).toBe(200)
  })
})

describe('state overrides', () => {
  it('an old last tick makes marketdata stale everywhere it shows', async () => {
    // @note with the kill switch released: an engaged one (the default) wins over staleness in status.state.
    await using ops = await startOpsServices({ clock, services: { 'marketdata-mcp-server': { lastTickAgeSeconds: 600, killSwitch: false } } })
    const url = ops.urls['marketdata-mcp-server']
    const heartbeat = MarketdataHeartbeatSchema.parse(JSON.parse((await httpGet(`${url}/heartbeat`)).body))
    const status = OpsStatusSchema.parse(JSON.parse((await httpGet(`${url}/ops/status`)).body))
    expect([heartbeat.status, heartbeat.heartbeat.is_stale, heartbeat.heartbeat.age_seconds]).toEqual(['ok', true, 600])
    expect([status.status.state, status.status.reason_codes, status.marketdata?.last_tick_utc]).toEqual(['DEGRADED', ['MARKETDATA_STALE'], '2026-01-14T14:50:00Z'])
    expect((await httpGet(`${url}/metrics`)).body).toContain('\nheartbeat_age_seconds 600.0\n')
  })

  it('the kill switch halts and shows in safety, by default', async () => {
    await using ops = await startOpsServices({ clock })
    const status = OpsStatusSchema.parse(JSON.parse((await httpGet(`${ops.urls['strategy-engine']}/ops/status`)).body))
    expect([status.status.state, status.safety]).toEqual([
      'HALTED',
      { kill_switch: true, safe_to_run_strategies: false, safe_to_execute_orders: false, gating_reasons: ['KILL_SWITCH'] },
    ])
  })

  it('a released kill switch shows in safety', async () => {
    await using ops = await startOpsServices({ clock, services: { 'strategy-engine': { killSwitch: false } } })
    const status = OpsStatusSchema.parse(JSON.parse((await httpGet(`${ops.urls['strategy-engine']}/ops/status`)).body))
    expect([status.status.state, status.safety]).toEqual([
      'OK',
      { kill_switch: false, safe_to_run_strategies: true, safe_to_execute_orders: false, gating_reasons: [] },
    ])
  })
})
