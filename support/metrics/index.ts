/**
 * Prometheus text and OpenMetrics: strict parsers chosen by content type, query helpers for gates, a promtool cross-check,
 * and the AgentTrader ops contracts (`/ops/status`, `/heartbeat`, legacy `{status, service}`).
 */

// Model
export { METRIC_TYPES } from './exposition.ts'
export type { Exposition, MetricFamily, MetricType, Sample } from './exposition.ts'

// Parsing
export { parseExposition } from './parse-exposition.ts'
export { OPENMETRICS_EOF, parseOpenMetrics } from './parse-openmetrics.ts'
export { OPENMETRICS_MEDIA_TYPE, parseScrape, scrapeFormatOf, type ScrapeFormat } from './parse-scrape.ts'
export { ExpositionParseError } from './exposition-parse-error.ts'
export type { ExpositionParseProblem } from './exposition-parse-error.ts'

// Queries for gates
export { findSamples, hasSample, sampleValues } from './query-exposition.ts'

// promtool
export { checkOpenMetricsWithPromtool, checkWithPromtool, findPromtool, PROMTOOL_CANDIDATES } from './check-with-promtool.ts'
export type { CheckWithPromtoolOptions, PromtoolVerdict } from './check-with-promtool.ts'

// AgentTrader ops contracts
export {
  LegacyOpsStatusSchema,
  MarketdataHeartbeatSchema,
  OPS_REASON_CODES,
  OPS_STATE_SUMMARIES,
  OpsStatusSchema,
  SERVICE_KINDS,
  UtcSecondsSchema,
} from './ops-status-schema.ts'
export type { LegacyOpsStatus, MarketdataHeartbeat, OpsState, OpsStatus } from './ops-status-schema.ts'
export { CLOCK_SKEW_ALLOWANCE_SECONDS } from './clock-skew.ts'
export { type EndpointReading } from './freshness-sources.ts'
export {
  type FreshnessJudgement,
  type FreshnessReadings,
  judgeHeartbeatAge,
  judgeMarketdataFreshness,
} from './marketdata-freshness.ts'
export { REQUIRED_METRICS, judgeMetricContract } from './metric-contract.ts'
export { PROMETHEUS_TEXT_TYPES, judgeMetricsContentType } from './metrics-content-type.ts'
export { judgeOpsStatus } from './ops-status-contract.ts'
export { MAX_SAMPLE_AGE_SECONDS } from './sample-timestamp.ts'
