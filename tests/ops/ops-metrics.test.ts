import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OPS_SERVICE_NAMES, OpsServiceEmulator, startOpsServices } from '../../emulators/ops/index.ts'
import { checkWithPromtool, findPromtool, hasSample, parseExposition, sampleValues } from '../../support/metrics/index.ts'
import { REQUIRED_METRICS as REQUIRED } from '../../support/metrics/metric-contract.ts'
import { httpGet } from './http-get.ts'

const PROMTOOL = findPromtool()
const HEAD_BODY = readFileSync(new URL('../../fixtures/metrics/agenttrader-head.prom', import.meta.url), 'utf8')
const clock = (): Date => new Date('2026-01-14T14:00:00Z')

describe('/metrics of the healthy stand-ins', () => {
  it.each(['strategy-engine', 'execution-engine'] as const)('%s serves the registry body of reference §4 byte for byte', async (service) => {
    await using started = await new OpsServiceEmulator(service).withClock(clock).start()
    for (const path of ['/metrics', '/ops/metrics']) {
      expect(await httpGet(`${started.url}${path}`)).toEqual({ status: 200, contentType: 'text/plain; version=0.0.4; charset=utf-8', body: HEAD_BODY })
    }
  })

  it('marketdata-mcp-server counts its own start and the age of its last tick', async () => {
    await using started = await new OpsServiceEmulator('marketdata-mcp-server').withClock(clock).start()
    const body = (await httpGet(`${started.url}/metrics`)).body
    expect(body).toBe(
      HEAD_BODY.replace('agent_start_total{component="marketdata-mcp-server"} 0.0', 'agent_start_total{component="marketdata-mcp-server"} 1.0').replace(
        'heartbeat_age_seconds 0.0',
        'heartbeat_age_seconds 2.0',
      ),
    )
  })

  it.each(OPS_SERVICE_NAMES)('%s: every required name has a sample, the stream families have none', async (service) => {
    await using started = await new OpsServiceEmulator(service).withClock(clock).start()
    const exposition = parseExposition((await httpGet(`${started.url}/metrics`)).body)
    expect(REQUIRED.filter((name) => !hasSample(exposition, name))).toEqual([])
    expect(['messages_received_total', 'messages_published_total', 'reconnect_attempts_total'].map((name) => exposition.families.get(name)?.samples)).toEqual([[], [], []])
  })

  it.skipIf(PROMTOOL === undefined)('promtool parses every stand-in body (lint findings allowed) — skipped without promtool', async () => {
    await using ops = await startOpsServices({ clock, services: { 'marketdata-mcp-server': { lastTickAgeSeconds: null } } })
    for (const service of OPS_SERVICE_NAMES) {
      const verdict = await checkWithPromtool((await httpGet(`${ops.urls[service]}/metrics`)).body, { promtoolPath: PROMTOOL })
      expect({ service, syntax: verdict.syntax, parseError: verdict.parseError }).toEqual({ service, syntax: 'valid', parseError: undefined })
    }
  })
})

describe('/metrics from state overrides', () => {
  it('never ticked: heartbeat_age_seconds is inf and the stale transition is counted once', async () => {
    await using started = await new OpsServiceEmulator('marketdata-mcp-server').withClock(clock).withOverrides({ lastTickAgeSeconds: null }).start()
    const first = await httpGet(`${started.url}/metrics`)
    expect(first.body).toContain('\nheartbeat_age_seconds inf\n')
    expect(sampleValues(parseExposition(first.body), 'marketdata_stale_total')).toEqual([1])
    await httpGet(`${started.url}/heartbeat`)
    expect(sampleValues(parseExposition((await httpGet(`${started.url}/metrics`)).body), 'marketdata_stale_total')).toEqual([1])
  })

  it('takes metric values by series and keeps registry order', async () => {
    await using started = await new OpsServiceEmulator('strategy-engine')
      .withOverrides({
        metricValues: {
          strategy_cycles_total: 41,
          'errors_total{component="strategy-engine"}': 1.6689300537109375e-6,
          'messages_received_total{stream="quotes",component="a-feed"}': 3,
        },
      })
      .start()
    const body = (await httpGet(`${started.url}/metrics`)).body
    expect(body).toContain('\nstrategy_cycles_total 41.0\n')
    expect(body).toContain('\nerrors_total{component="strategy-engine"} 1.6689300537109375e-06\n')
    expect(body).toContain(
      '# TYPE messages_received_total counter\nmessages_received_total{component="a-feed",stream="quotes"} 3.0\n# HELP order_proposals_total',
    )
  })

  it('omits a family entirely', async () => {
    await using started = await new OpsServiceEmulator('strategy-engine').withOverrides({ omitMetrics: ['safety_halted_total'] }).start()
    const body = (await httpGet(`${started.url}/metrics`)).body
    expect(body).not.toContain('safety_halted_total')
    expect(parseExposition(body).families.has('safety_halted_total')).toBe(false)
  })

  it.each([
    ['a longer name', 'errors_total', 'marketdata_errors_total 1.0\n'],
    ['a HELP-only line', 'safety_halted_total', '# HELP safety_halted_total decoy\n'],
    ['a comment', 'safety_halted_total', '# safety_halted_total 1.0\n'],
    ['a label value', 'safety_halted_total', 'decoy{name="safety_halted_total"} 1.0\n'],
  ])('appends decoys that a substring check falls for but hasSample does not: %s', async (_case, family, extraMetricsText) => {
    await using started = await new OpsServiceEmulator('strategy-engine').withOverrides({ omitMetrics: [family], extraMetricsText }).start()
    const body = (await httpGet(`${started.url}/metrics`)).body
    expect(body.includes(family)).toBe(true)
    expect(hasSample(parseExposition(body), family)).toBe(false)
  })
})
