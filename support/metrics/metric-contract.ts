import { ExpositionParseError, parseScrape, type Exposition, type ScrapeFormat } from './index.ts'
import { whySampleDoesNotCount } from './sample-timestamp.ts'

/** The metric families the runbook requires on `/metrics` (runbook §4A "minimum acceptable"). */
export const REQUIRED_METRICS = Object.freeze([
  'agent_start_total',
  'errors_total',
  'heartbeat_age_seconds',
  'marketdata_ticks_total',
  'marketdata_stale_total',
  'strategy_cycles_total',
  'strategy_cycles_skipped_total',
  'order_proposals_total',
  'safety_halted_total',
])

/** How the scrape was served and when it is judged. */
export interface ScrapeContext {
  /**
   * The `Content-Type` of the answer; it picks the parser, as in Prometheus.
   * @default null (the text format 0.0.4)
   */
  readonly contentType?: string | null
  /**
   * The time explicit sample timestamps are judged against.
   * @default new Date()
   */
  readonly now?: Date
}

/** What the metric contract found in one `/metrics` body. */
export type MetricContractJudgement =
  | {
      parsed: true
      format: ScrapeFormat
      /** Required names without a sample that counts. */
      missing: string[]
      /** The values of the samples that count, by required name. */
      values: Record<string, number[]>
      /** Why samples of a required name do not count (an explicit timestamp too old or in the future), by name. */
      dropped: Record<string, string[]>
      /** One sentence: what is missing and why, or that nothing is. */
      reason: string
    }
  | { parsed: false; line: number; reason: string }

/**
 * Parses a `/metrics` body as Prometheus would scrape it (the parser chosen by content type) and lists the required
 * names that have no sample that counts. A name counts only as a sample of that very name (text format: in the family
 * of that name; OpenMetrics: a counter family's `_total` sample): a substring, a comment, a HELP/TYPE line, a label
 * value or a histogram's `_bucket` series never does, nor does a sample whose explicit timestamp Prometheus would
 * not show now (`whySampleDoesNotCount`).
 */
export function judgeMetricContract(body: string, required: readonly string[] = REQUIRED_METRICS, scrape: ScrapeContext = {}): MetricContractJudgement {
  let parsed
  try {
    parsed = parseScrape(body, scrape.contentType)
  } catch (error) {
    if (error instanceof ExpositionParseError) return { parsed: false, line: error.line, reason: error.message }
    throw error
  }
  const now = scrape.now ?? new Date()
  const values: Record<string, number[]> = {}
  const dropped: Record<string, string[]> = {}
  for (const name of required) {
    values[name] = []
    for (const sample of samplesNamed(parsed.exposition, name)) {
      const why = whySampleDoesNotCount(sample, now)
      if (why === null) values[name].push(sample.value)
      else (dropped[name] ??= []).push(why)
    }
  }
  const missing = required.filter((name) => values[name]!.length === 0)
  const reason =
    missing.length === 0
      ? `every required metric has a sample (${parsed.format})`
      : `no sample that counts of ${missing.map((name) => (dropped[name] ? `${name} (${dropped[name].join('; ')})` : name)).join(', ')}`
  return { parsed: true, format: parsed.format, missing, values, dropped, reason }
}

// @note the text format keys a counter's family by its `_total` name; OpenMetrics keys it without the suffix. Either
// way only series named exactly so count: a histogram or summary family of that name has none (its series are
// name_bucket, name_sum, name_count), and a dashboard querying the name would show nothing.
function samplesNamed(exposition: Exposition, name: string) {
  const families = [exposition.families.get(name), name.endsWith('_total') ? exposition.families.get(name.slice(0, -'_total'.length)) : undefined]
  return families.flatMap((family) => (family?.type === 'counter' || family?.name === name ? family.samples : [])).filter((sample) => sample.name === name)
}
