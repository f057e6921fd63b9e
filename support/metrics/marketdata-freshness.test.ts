import { describe, expect, it } from 'vitest'
import { secretRegistry } from '../secrets/index.ts'
import { judgeHeartbeatAge, judgeMarketdataFreshness, type EndpointReading, type FreshnessReadings } from './marketdata-freshness.ts'

/** Issue 19, items 1–6: fresh means fresh by every source, judged by openbell's clock and --stale-threshold. */
const NOW = new Date('2026-01-14T15:00:00Z')
const CLOCK = { now: NOW, thresholdSeconds: 120 }
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000)
const utc = (at: Date) => `${at.toISOString().slice(0, 19)}Z`
const json = (body: unknown): EndpointReading => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) })
const NOT_FOUND: EndpointReading = { status: 404, contentType: 'text/plain', body: 'not found\n' }

const heartbeat = (age: unknown, isStale: unknown = false, epoch: unknown = typeof age === 'number' ? ago(age).getTime() / 1000 : null) =>
  json({ status: 'ok', service: 'marketdata-mcp-server', heartbeat: { age_seconds: age, stale_threshold_seconds: 120, is_stale: isStale, last_observed_epoch_s: epoch } })
const opsStatus = (tick: string | null, isFresh: unknown, own = 120) =>
  json({ service_name: 'marketdata-mcp-server', marketdata: { last_tick_utc: tick, last_bar_utc: null, stale_threshold_seconds: own, is_fresh: isFresh } })
const metrics = (value: string, contentType = 'text/plain; version=0.0.4; charset=utf-8'): EndpointReading => ({
  status: 200,
  contentType,
  body: `# TYPE heartbeat_age_seconds gauge\nheartbeat_age_seconds ${value}\n`,
})

const HEALTHY: FreshnessReadings = { heartbeat: heartbeat(2), opsStatus: opsStatus(utc(ago(2)), true), metrics: metrics('2.0') }

describe('judgeMarketdataFreshness', () => {
  it('passes when every source says fresh, and names all three', () => {
    const judgement = judgeMarketdataFreshness('marketdata-mcp-server', HEALTHY, CLOCK)
    expect(judgement.status).toBe('pass')
    expect(judgement.findings.map((source) => [source.source, source.verdict])).toEqual([
      ['/heartbeat', 'fresh'],
      ['/ops/status marketdata', 'fresh'],
      ['heartbeat_age_seconds', 'fresh'],
    ])
  })

  it.each<[string, Partial<FreshnessReadings>, 'fail' | 'unverified', RegExp]>([
    ['1: /heartbeat fresh (process age) but /ops/status is_fresh false, tick 15 min old', { opsStatus: opsStatus(utc(ago(900)), false) }, 'fail', /stale by \/ops\/status marketdata .*is_fresh=false.*900 s old/],
    ['1: the same with the last tick 6.5 h old', { opsStatus: opsStatus(utc(ago(23_400)), false) }, 'fail', /23400 s old, over the 120 s threshold/],
    ['2: /ops/status last_tick_utc null and is_fresh null', { opsStatus: opsStatus(null, null) }, 'unverified', /\/ops\/status marketdata said nothing usable.*is_fresh is null.*last_tick_utc is null/],
    ['3: /heartbeat is_stale true with age_seconds null', { heartbeat: heartbeat(null, true) }, 'fail', /stale by \/heartbeat .*is_stale=true/],
    ['3: /heartbeat is_stale true with age_seconds "+Inf"', { heartbeat: heartbeat('+Inf', true, null) }, 'fail', /stale by \/heartbeat/],
    ['3: /heartbeat age_seconds "+Inf" and is_stale false', { heartbeat: heartbeat('+Inf', false, null) }, 'unverified', /age_seconds is "\+Inf", not a number/],
    ['4: heartbeat_age_seconds -86400 in /heartbeat and /metrics', { heartbeat: heartbeat(-86_400), metrics: metrics('-86400.0') }, 'fail', /stale by \/heartbeat and heartbeat_age_seconds .*negative \(-86400\)/],
    ['5: last_tick_utc seven days in the future with is_fresh true', { opsStatus: opsStatus(utc(ago(-7 * 86_400)), true) }, 'fail', /604800 s in the future/],
    ['6: tick 50 min old, fresh by the service\'s own 3600 s threshold', { opsStatus: opsStatus(utc(ago(3_000)), true, 3_600) }, 'fail', /is_fresh true \(by its own 3600 s threshold\).*3000 s old, over the 120 s threshold/],
    ['the gauge is +Inf (never observed)', { metrics: metrics('+Inf') }, 'fail', /heartbeat_age_seconds .*Infinity: no market data observed/],
    ['the gauge is NaN', { metrics: metrics('NaN') }, 'fail', /NaN: no market data observed/],
    ['the gauge carries a 1970 timestamp', { metrics: { ...metrics('2.0'), body: '# TYPE heartbeat_age_seconds gauge\nheartbeat_age_seconds 2.0 0\n' } }, 'unverified', /1970-01-01T00:00:00.000Z/],
    ['/metrics served as OpenMetrics without # EOF', { metrics: metrics('2.0', 'application/openmetrics-text; version=1.0.0; charset=utf-8') }, 'unverified', /heartbeat_age_seconds said nothing usable.*# EOF/],
    ['/heartbeat within the skew in the future is fine, beyond it fails', { heartbeat: heartbeat(2, false, ago(-31).getTime() / 1000) }, 'fail', /last_observed_epoch_s is 31 s in the future/],
    ['/heartbeat answers 500', { heartbeat: { status: 500, contentType: 'text/html', body: '<html>' } }, 'unverified', /\/heartbeat unknown \(HTTP 500\)/],
    ['/heartbeat could not be read', { heartbeat: { error: 'no complete response within 5000 ms' } }, 'unverified', /could not be read: no complete response/],
    ['/ops/status is an HTML page', { opsStatus: { status: 200, contentType: 'text/html', body: '<html>502</html>' } }, 'unverified', /an HTML page, not JSON/],
    ['/ops/status last_tick_utc is not a time', { opsStatus: opsStatus('yesterday', true) }, 'unverified', /"yesterday" is not a UTC time/],
    ['/ops/status answers 404 while /heartbeat and the gauge (process age) say fresh', { opsStatus: NOT_FOUND }, 'unverified', /only \/ops\/status marketdata follows real ticks.*\/ops\/status marketdata absent \(HTTP 404/],
    ['/ops/status has marketdata null while /heartbeat and the gauge say fresh', { opsStatus: json({ service_name: 'marketdata-mcp-server', marketdata: null }) }, 'unverified', /only \/ops\/status marketdata follows real ticks.*no marketdata block/],
    ['no source is present at all', { heartbeat: NOT_FOUND, opsStatus: json({ service_name: 'x', marketdata: null }), metrics: NOT_FOUND }, 'unverified', /no source of market-data freshness is present.*\/heartbeat absent.*no marketdata block.*heartbeat_age_seconds absent/],
  ])('%s', (_name, change, status, reason) => {
    const judgement = judgeMarketdataFreshness('marketdata-mcp-server', { ...HEALTHY, ...change }, CLOCK)
    expect(judgement.status).toBe(status)
    expect(judgement.reason).toMatch(reason)
    // @note the reason always names every source, so an operator sees which ones disagree.
    for (const source of ['/heartbeat', '/ops/status marketdata', 'heartbeat_age_seconds']) expect(judgement.reason).toContain(source)
  })

  it('records an absent source as absent, never as fresh, and passes on the sources present', () => {
    const judgement = judgeMarketdataFreshness('marketdata-mcp-server', { ...HEALTHY, heartbeat: NOT_FOUND, metrics: { ...metrics('2.0'), body: '' } }, CLOCK)
    expect(judgement.status).toBe('pass')
    expect(judgement.findings.map((source) => source.verdict)).toEqual(['absent', 'fresh', 'absent'])
  })

  it('counts a tick up to the skew allowance in the future as now, and a tick exactly at the threshold as fresh', () => {
    expect(judgeMarketdataFreshness('marketdata-mcp-server', { ...HEALTHY, opsStatus: opsStatus(utc(ago(-30)), true) }, CLOCK).status).toBe('pass')
    expect(judgeMarketdataFreshness('marketdata-mcp-server', { ...HEALTHY, opsStatus: opsStatus(utc(ago(120)), true) }, CLOCK).status).toBe('pass')
    expect(judgeMarketdataFreshness('marketdata-mcp-server', { ...HEALTHY, opsStatus: opsStatus(utc(ago(121)), true) }, CLOCK).status).toBe('fail')
  })

  it('a stale source wins over an unreadable one: fail, not unverified', () => {
    const judgement = judgeMarketdataFreshness('marketdata-mcp-server', { ...HEALTHY, heartbeat: { error: 'timeout' }, opsStatus: opsStatus(utc(ago(900)), false) }, CLOCK)
    expect(judgement.status).toBe('fail')
  })
})

describe('judgeHeartbeatAge', () => {
  it.each<[number[], boolean, string]>([
    [[2], true, 'heartbeat_age_seconds is 2 ≤ 120'],
    [[120], true, 'heartbeat_age_seconds is 120 ≤ 120'],
    [[121], false, 'heartbeat_age_seconds is 121, over the 120 s threshold'],
    [[-86_400], false, 'heartbeat_age_seconds is negative (-86400): a clock or a bug, not a fresh feed'],
    [[Infinity], false, 'heartbeat_age_seconds is Infinity: no market data was ever observed'],
    [[Number.NaN], false, 'heartbeat_age_seconds is NaN: no market data was ever observed'],
    [[], false, 'heartbeat_age_seconds has no sample'],
  ])('%j → %s', (values, fresh, reason) => {
    expect(judgeHeartbeatAge(values, 120)).toEqual({ status: fresh ? 'pass' : 'fail', reason, findings: [] })
  })
})

describe('judgeMarketdataFreshness: an unreadable body quoted in the reason', () => {
  it('scrubs a known credential before cutting the quote, so no part of it shows', () => {
    const secret = 'canary-freshness-secret-0123456789'
    secretRegistry.add(secret)
    // @note the secret straddles the 80-character quote of a body that is not JSON.
    const page: EndpointReading = { status: 200, contentType: 'text/html', body: `<html>${'x'.repeat(60)} ${secret}</html>` }
    const { status, reason } = judgeMarketdataFreshness('marketdata-mcp-server', { heartbeat: page, opsStatus: page, metrics: NOT_FOUND }, CLOCK)
    expect(status).toBe('unverified')
    expect(reason).toContain('an HTML page, not JSON')
    expect(reason).not.toMatch(/canary/)
  })
})
