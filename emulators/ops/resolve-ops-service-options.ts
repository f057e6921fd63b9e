import { z } from 'zod'
import { UsageError } from '../../support/errors.ts'
import { AGENTTRADER_METRICS } from './internal/agenttrader-metrics.ts'
import { OPS_SERVICE_CATALOG } from './internal/ops-service-catalog.ts'
import { parseSeriesKey, type SeriesValue } from './internal/series-key.ts'
import { OpsServiceOptionsSchema, type MetricValueInput, type OpsServiceOptions, type PathFault } from './ops-service-options.ts'
import type { OpsServiceName } from './ops-service-names.ts'

/** {@link OpsServiceOptions} after defaults: every field set, metric values parsed into series. */
export interface ResolvedOpsServiceOptions {
  readonly lastTickAgeSeconds: number | null
  readonly heartbeatAgeSeconds: number | null
  readonly staleThresholdSeconds: number
  readonly heartbeatTtlSeconds: number
  readonly killSwitch: boolean
  readonly executionEnabled: boolean
  readonly agentMode: string
  readonly gitSha: string | null
  readonly buildId: string | null
  readonly metricValues: readonly SeriesValue[]
  /** Explicit sample timestamps, by series. */
  readonly metricTimestamps: readonly (Omit<SeriesValue, 'value'> & { readonly timestampMs: number })[]
  readonly omitMetrics: readonly string[]
  readonly extraMetricsText: string
  readonly paths: Readonly<Record<string, PathFault>>
}

function defaultsFor(name: OpsServiceName): ResolvedOpsServiceOptions {
  return Object.freeze({
    lastTickAgeSeconds: 2,
    heartbeatAgeSeconds: 2,
    staleThresholdSeconds: 120,
    heartbeatTtlSeconds: 60,
    // @note a healthy pre-open floor is halted: EXECUTION_HALTED="1" in the kill-switch ConfigMap, which the services report.
    killSwitch: true,
    executionEnabled: false,
    agentMode: OPS_SERVICE_CATALOG[name].manifestAgentMode,
    gitSha: 'b6ea212',
    buildId: null,
    metricValues: Object.freeze([]),
    metricTimestamps: Object.freeze([]),
    omitMetrics: Object.freeze([]),
    extraMetricsText: '',
    paths: Object.freeze({}),
  })
}

/** The healthy defaults of each stand-in: marketdata ticked 2 s ago, kill switch engaged (halted), manifest agent modes. */
export const DEFAULT_OPS_SERVICE_OPTIONS: Readonly<Record<OpsServiceName, ResolvedOpsServiceOptions>> = Object.freeze({
  'marketdata-mcp-server': defaultsFor('marketdata-mcp-server'),
  'strategy-engine': defaultsFor('strategy-engine'),
  'execution-engine': defaultsFor('execution-engine'),
})

/** Combines option layers: later fields win, `metricValues`, `metricTimestamps` and `paths` merge by key. */
export function mergeOpsServiceOptions(base: OpsServiceOptions, overlay: OpsServiceOptions): OpsServiceOptions {
  return {
    ...base,
    ...overlay,
    metricValues: { ...base.metricValues, ...overlay.metricValues },
    metricTimestamps: { ...base.metricTimestamps, ...overlay.metricTimestamps },
    paths: { ...base.paths, ...overlay.paths },
  }
}

/**
 * Validates options with {@link OpsServiceOptionsSchema} and fills in {@link DEFAULT_OPS_SERVICE_OPTIONS}.
 * @throws {UsageError} naming every invalid field, or a series of a family the registry does not have.
 */
export function resolveOpsServiceOptions(name: OpsServiceName, options: OpsServiceOptions = {}): ResolvedOpsServiceOptions {
  const parsed = OpsServiceOptionsSchema.safeParse(options)
  if (!parsed.success) {
    throw new UsageError(`The options of the ${name} stand-in are invalid:\n${z.prettifyError(parsed.error)}\nFix the scenario data or the test.`)
  }
  const defaults = DEFAULT_OPS_SERVICE_OPTIONS[name]
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined))
  const lastTickAgeSeconds = 'lastTickAgeSeconds' in given ? (given.lastTickAgeSeconds as number | null) : defaults.lastTickAgeSeconds
  return Object.freeze({
    ...defaults,
    ...given,
    // @note at HEAD the heartbeat counts from process start; unless a scenario says otherwise it tracks the tick.
    heartbeatAgeSeconds: 'heartbeatAgeSeconds' in given ? (given.heartbeatAgeSeconds as number | null) : lastTickAgeSeconds,
    metricValues: Object.freeze(Object.entries(parsed.data.metricValues ?? {}).map(([key, value]) => toSeriesValue(name, key, value))),
    metricTimestamps: Object.freeze(
      Object.entries(parsed.data.metricTimestamps ?? {}).map(([key, timestampMs]) => {
        const { value: _value, ...series } = toSeriesValue(name, key, 0)
        return { ...series, timestampMs }
      }),
    ),
  })
}

function toSeriesValue(service: OpsServiceName, key: string, input: MetricValueInput): SeriesValue {
  const series = parseSeriesKey(key)!
  const family = AGENTTRADER_METRICS.find((metric) => metric.name === series.name)
  const labelNames = Object.keys(series.labels).sort()
  if (family === undefined || labelNames.join() !== [...family.labelNames].sort().join()) {
    const known = AGENTTRADER_METRICS.map((metric) => `${metric.name}${metric.labelNames.length ? `{${metric.labelNames.join(',')}}` : ''}`)
    throw new UsageError(
      `metricValues of the ${service} stand-in names ${JSON.stringify(key)}, which is not a series of the AgentTrader registry; ` +
        `use one of ${known.join(', ')}, or add other text with extraMetricsText.`,
    )
  }
  const value = input === 'inf' ? Infinity : input === '-inf' ? -Infinity : input === 'nan' ? Number.NaN : input
  return { ...series, value }
}
