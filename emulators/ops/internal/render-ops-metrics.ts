import type { MetricFamily, Sample } from '../../../support/metrics/index.ts'
import { renderExposition } from './render-exposition.ts'
import type { ResolvedOpsServiceOptions } from '../resolve-ops-service-options.ts'
import { AGENTTRADER_METRICS, type AgentTraderMetric } from './agenttrader-metrics.ts'
import type { OpsServiceFacts } from './ops-service-catalog.ts'
import { parseSeriesKey, seriesIdentity, type SeriesValue } from './series-key.ts'

/** Values the stand-in derives from its state at request time; unset ones keep the registry's value. */
export interface DerivedMetricValues {
  /** `heartbeat_age_seconds` (marketdata-mcp-server only; `inf` when it never ticked). */
  readonly heartbeatAgeSeconds?: number
  /** `marketdata_stale_total`: transitions into stale seen so far. */
  readonly staleTransitions?: number
}

/**
 * The `/metrics` body as `render_prometheus_text()` writes it: families sorted by name, HELP then TYPE,
 * samples sorted by label values, Python floats, no `# EOF`, no timestamps unless `metricTimestamps` sets some;
 * `extraMetricsText` is appended.
 */
export function renderOpsMetrics(facts: OpsServiceFacts, options: ResolvedOpsServiceOptions, derived: DerivedMetricValues): string {
  const values: SeriesValue[] = [
    ...Object.entries(facts.startupMetricValues).map(([key, value]) => ({ ...parseSeriesKey(key)!, value })),
    ...(derived.heartbeatAgeSeconds === undefined ? [] : [{ name: 'heartbeat_age_seconds', labels: {}, value: derived.heartbeatAgeSeconds }]),
    ...(derived.staleTransitions === undefined ? [] : [{ name: 'marketdata_stale_total', labels: {}, value: derived.staleTransitions }]),
    // @note explicit scenario values come last, so they win over derived ones.
    ...options.metricValues,
  ]
  const families = AGENTTRADER_METRICS.filter((metric) => !options.omitMetrics.includes(metric.name))
    .map((metric) => toFamily(metric, values, options.metricTimestamps))
    .sort((a, b) => compareCodePoints(a.name, b.name))
  return renderExposition(families) + options.extraMetricsText
}

function toFamily(metric: AgentTraderMetric, values: readonly SeriesValue[], timestamps: ResolvedOpsServiceOptions['metricTimestamps']): MetricFamily {
  const series = new Map<string, Sample>()
  const set = (labels: Readonly<Record<string, string>>, value: number): void => {
    // @note the registry keeps labels in declared order, whatever order the scenario wrote them in.
    const ordered = Object.fromEntries(metric.labelNames.map((name) => [name, labels[name] ?? '']))
    series.set(seriesIdentity(metric.name, ordered), { name: metric.name, labels: ordered, value })
  }
  for (const labels of metric.seeded) set(labels, 0)
  for (const value of values) if (value.name === metric.name) set(value.labels, value.value)
  for (const stamp of timestamps) {
    if (stamp.name !== metric.name) continue
    const key = seriesIdentity(metric.name, Object.fromEntries(metric.labelNames.map((name) => [name, stamp.labels[name] ?? ''])))
    const sample = series.get(key)
    if (sample !== undefined) series.set(key, { ...sample, timestampMs: stamp.timestampMs })
  }
  const samples = [...series.values()].sort((a, b) => compareLabelTuples(metric, a, b))
  return { name: metric.name, type: metric.type, help: metric.help, samples }
}

function compareLabelTuples(metric: AgentTraderMetric, a: Sample, b: Sample): number {
  for (const name of metric.labelNames) {
    const order = compareCodePoints(a.labels[name] ?? '', b.labels[name] ?? '')
    if (order !== 0) return order
  }
  return 0
}

/** Python's str ordering: by code point, not by UTF-16 unit. */
function compareCodePoints(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!
    if (order !== 0) return order
  }
  return left.length - right.length
}
