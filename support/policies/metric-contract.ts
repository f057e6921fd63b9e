import { ExpositionParseError, findSamples, parseExposition } from '../metrics/index.ts'

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

/** What the metric contract found in one `/metrics` body. */
export type MetricContractJudgement =
  | { parsed: true; missing: string[]; values: Record<string, number[]> }
  | { parsed: false; line: number; reason: string }

/**
 * Parses a `/metrics` body strictly and lists the required families that have no sample. A name counts only
 * as a family with at least one sample of that very name: a substring, a comment, a HELP/TYPE line, a label value
 * or a histogram's `_bucket` series never does.
 */
export function judgeMetricContract(body: string, required: readonly string[] = REQUIRED_METRICS): MetricContractJudgement {
  let exposition
  try {
    exposition = parseExposition(body)
  } catch (error) {
    if (error instanceof ExpositionParseError) return { parsed: false, line: error.line, reason: error.message }
    throw error
  }
  // @note only series named exactly so count: a histogram or summary family of that name has none (its series are
  // name_bucket, name_sum, name_count), and a dashboard querying the name would show nothing.
  const values = Object.fromEntries(
    required.map((name) => [name, findSamples(exposition, name).filter((sample) => sample.name === name).map((sample) => sample.value)]),
  )
  return { parsed: true, missing: required.filter((name) => (values[name] ?? []).length === 0), values }
}
