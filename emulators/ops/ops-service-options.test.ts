import { describe, expect, expectTypeOf, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import { UsageError } from '../../support/errors.ts'
import {
  DEFAULT_OPS_SERVICE_OPTIONS,
  getOpsOverlayJsonSchema,
  OpsOverlaySchema,
  OpsServiceEmulator,
  OpsServiceOptionsSchema,
  resolveOpsServiceOptions,
  type OpsOverlay,
  type OpsServiceOptions,
} from './index.ts'

const SCENARIO = `
marketdata-mcp-server:
  lastTickAgeSeconds: 300
  metricValues:
    heartbeat_age_seconds: inf
    'errors_total{component="marketdata-mcp-server"}': 2
  omitMetrics: [safety_halted_total]
  extraMetricsText: "marketdata_errors_total 1.0\\n"
  paths:
    /metrics: { status: 503, body: "busy\\n" }
    /ops/status: { hang: true }
strategy-engine:
  killSwitch: true
execution-engine:
  executionEnabled: true
  paths:
    /healthz: { endlessBody: true }
`

describe('OpsOverlaySchema', () => {
  it('validates a scenario YAML', () => {
    const overlay = OpsOverlaySchema.parse(parseYaml(SCENARIO))
    expect(overlay['marketdata-mcp-server']?.paths?.['/ops/status']).toEqual({ hang: true })
  })

  it.each([
    ['an unknown service', { 'risk-engine': {} }],
    ['a typo in a field', { 'strategy-engine': { killswitch: true } }],
    ['a fault field typo', { 'strategy-engine': { paths: { '/metrics': { delay: 5 } } } }],
    ['a path without "/"', { 'strategy-engine': { paths: { metrics: { status: 500 } } } }],
    ['a status out of range', { 'strategy-engine': { paths: { '/metrics': { status: 99 } } } }],
    ['hang and endless body together', { 'strategy-engine': { paths: { '/metrics': { hang: true, endlessBody: true } } } }],
    ['a series key that is not a series', { 'strategy-engine': { metricValues: { 'errors_total{': 1 } } }],
    ['YAML .inf as a value', { 'strategy-engine': { metricValues: { heartbeat_age_seconds: Infinity } } }],
    ['a tick age that is not a number', { 'marketdata-mcp-server': { lastTickAgeSeconds: '2' } }],
    ['a sample timestamp that is not whole milliseconds', { 'strategy-engine': { metricTimestamps: { strategy_cycles_total: 1.5 } } }],
  ])('rejects %s', (_case, overlay) => {
    expect(OpsOverlaySchema.safeParse(overlay).success).toBe(false)
  })

  it('is exported as JSON Schema for scenario files', () => {
    const schema = getOpsOverlayJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean }
    expect(Object.keys(schema.properties)).toEqual(['marketdata-mcp-server', 'strategy-engine', 'execution-engine'])
    expect(schema.additionalProperties).toBe(false)
  })

  it('matches the documented option types', () => {
    expectTypeOf<keyof z.input<typeof OpsServiceOptionsSchema>>().toEqualTypeOf<keyof OpsServiceOptions>()
    expectTypeOf<z.input<typeof OpsServiceOptionsSchema>>().toExtend<OpsServiceOptions>()
    expectTypeOf<keyof z.input<typeof OpsOverlaySchema>>().toEqualTypeOf<keyof OpsOverlay>()
    expectTypeOf<z.input<typeof OpsOverlaySchema>>().toExtend<OpsOverlay>()
  })
})

describe('resolveOpsServiceOptions', () => {
  it('fills the frozen healthy defaults, with the manifest agent mode per service', () => {
    expect(Object.isFrozen(DEFAULT_OPS_SERVICE_OPTIONS['strategy-engine'])).toBe(true)
    expect(resolveOpsServiceOptions('marketdata-mcp-server')).toEqual({
      lastTickAgeSeconds: 2,
      heartbeatAgeSeconds: 2,
      staleThresholdSeconds: 120,
      heartbeatTtlSeconds: 60,
      killSwitch: true,
      executionEnabled: false,
      agentMode: 'OBSERVE',
      gitSha: 'b6ea212',
      buildId: null,
      metricValues: [],
      metricTimestamps: [],
      omitMetrics: [],
      extraMetricsText: '',
      paths: {},
    })
    expect(resolveOpsServiceOptions('execution-engine').agentMode).toBe('OFF')
  })

  it('lets the heartbeat follow the tick unless told otherwise, and parses sample timestamps (issue 19)', () => {
    expect(resolveOpsServiceOptions('marketdata-mcp-server', { lastTickAgeSeconds: null }).heartbeatAgeSeconds).toBeNull()
    expect(resolveOpsServiceOptions('marketdata-mcp-server', { lastTickAgeSeconds: 900, heartbeatAgeSeconds: 2 })).toMatchObject({ lastTickAgeSeconds: 900, heartbeatAgeSeconds: 2 })
    expect(resolveOpsServiceOptions('strategy-engine', { metricTimestamps: { strategy_cycles_total: 0 } }).metricTimestamps).toEqual([{ name: 'strategy_cycles_total', labels: {}, timestampMs: 0 }])
  })

  it('parses series keys and Python infinities', () => {
    const resolved = resolveOpsServiceOptions('strategy-engine', { metricValues: { 'errors_total{component="strategy-engine"}': 'inf' } })
    expect(resolved.metricValues).toEqual([{ name: 'errors_total', labels: { component: 'strategy-engine' }, value: Infinity }])
  })

  it('names the invalid field, word for word', () => {
    expect(() => resolveOpsServiceOptions('strategy-engine', { killSwitch: 'yes' } as unknown as OpsServiceOptions)).toThrow(
      new UsageError('The options of the strategy-engine stand-in are invalid:\n✖ Invalid input: expected boolean, received string\n  → at killSwitch\nFix the scenario data or the test.'),
    )
  })

  it('rejects a series the registry does not have, listing the ones it has', () => {
    expect(() => resolveOpsServiceOptions('strategy-engine', { metricValues: { 'errors_total{stream="x"}': 1 } })).toThrow(
      /not a series of the AgentTrader registry; use one of agent_start_total\{component\}, errors_total\{component\}, heartbeat_age_seconds, /,
    )
  })

  it('rejects an unknown service name', () => {
    expect(() => new OpsServiceEmulator('risk-engine' as 'strategy-engine')).toThrow(
      '[openbell] "risk-engine" is not an AgentTrader ops service; use one of marketdata-mcp-server, strategy-engine, execution-engine.',
    )
  })
})
