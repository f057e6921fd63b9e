import { z } from 'zod'
import { parseSeriesKey } from './internal/series-key.ts'

/** Where the stand-ins read the time; inject a fixed clock in tests. */
export type Clock = () => Date

/** How one path answers instead of (or on top of) its normal response; a fault is data, never code. */
export interface PathFault {
  /** The HTTP status. @default the path's normal status (404 for an unknown path) */
  readonly status?: number
  /** The body. @default the path's normal body */
  readonly body?: string
  /** The Content-Type header. @default the path's normal content type */
  readonly contentType?: string
  /** Waits this long before answering, in milliseconds. @default 0 */
  readonly delayMs?: number
  /** Accepts the request and never answers, until `stop()`. @default false */
  readonly hang?: boolean
  /** Sends the status and headers, then the body over and over, forever. @default false */
  readonly endlessBody?: boolean
}

/** A value in `metricValues`: a number, or `inf`, `-inf`, `nan` as Python writes them (YAML `.inf` is not accepted). */
export type MetricValueInput = number | 'inf' | '-inf' | 'nan'

/** The state and faults of one stand-in; every field is optional, and {@link DEFAULT_OPS_SERVICE_OPTIONS} fills the rest. */
export interface OpsServiceOptions {
  /**
   * Seconds between the last marketdata tick and now, at every request (the feed keeps ticking); `null` = never ticked,
   * negative = a tick dated in the future (a writer with a wrong clock). `/ops/status` follows it. @default 2
   */
  readonly lastTickAgeSeconds?: number | null
  /**
   * What `/heartbeat` `age_seconds` and `heartbeat_age_seconds` report. At HEAD they count from process start
   * (`mark_activity("marketdata")` runs only at startup, reference §3.2), so they can look fresh while `/ops/status`
   * says the last tick is old; `null` = never marked (`age_seconds` null, the gauge `inf`); negative = a broken clock.
   * @default lastTickAgeSeconds
   */
  readonly heartbeatAgeSeconds?: number | null
  /** `marketdata.stale_threshold_seconds`; fresh means `age <= threshold`. @default 120 */
  readonly staleThresholdSeconds?: number
  /** `heartbeat.ttl_seconds` (OPS_HEARTBEAT_TTL_S). @default 60 */
  readonly heartbeatTtlSeconds?: number
  /** The kill switch (EXECUTION_HALTED) as the service reads it; a healthy pre-open floor is halted. @default true */
  readonly killSwitch?: boolean
  /** EXECUTION_ENABLED; execution-engine is OFFLINE [EXECUTION_DISABLED] without it, as at HEAD. @default false */
  readonly executionEnabled?: boolean
  /** `agent_identity.agent_mode`. @default the manifest's AGENT_MODE: OBSERVE for marketdata-mcp-server, OFF otherwise */
  readonly agentMode?: string
  /** `git_sha` (GIT_SHA). @default "b6ea212" */
  readonly gitSha?: string | null
  /** `build_id`. @default null */
  readonly buildId?: string | null
  /** Values by series, e.g. `{ 'errors_total{component="strategy-engine"}': 3 }`; they win over derived values. @default {} */
  readonly metricValues?: Readonly<Record<string, MetricValueInput>>
  /** Explicit timestamps (ms since the epoch) by series, e.g. `{ 'strategy_cycles_total': 0 }` for a 1970 sample. @default {} */
  readonly metricTimestamps?: Readonly<Record<string, number>>
  /** Families left out of `/metrics` entirely (HELP, TYPE and samples). @default [] */
  readonly omitMetrics?: readonly string[]
  /** Text appended verbatim to `/metrics`, e.g. decoys such as `marketdata_errors_total 1.0\n`. @default "" */
  readonly extraMetricsText?: string
  /** Faults by exact request path (query included), e.g. `{ '/metrics': { status: 500 } }`. @default {} */
  readonly paths?: Readonly<Record<string, PathFault>>
}

/** The schema of a {@link PathFault}. */
export const PathFaultSchema = z
  .strictObject({
    status: z.int().min(100).max(599).optional(),
    body: z.string().optional(),
    contentType: z.string().min(1).optional(),
    delayMs: z.int().min(0).max(600_000).optional(),
    hang: z.boolean().optional(),
    endlessBody: z.boolean().optional(),
  })
  .refine((fault) => !(fault.hang === true && fault.endlessBody === true), 'a fault cannot both hang and stream an endless body')

const MetricValueSchema = z.union([z.number(), z.enum(['inf', '-inf', 'nan'])])
const SeriesKeySchema = z.string().refine((key) => parseSeriesKey(key) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not a series such as errors_total{component="strategy-engine"}`,
})

/** The schema of {@link OpsServiceOptions}; unknown fields are rejected, so a typo in scenario data fails loudly. */
export const OpsServiceOptionsSchema = z.strictObject({
  lastTickAgeSeconds: z.number().nullable().optional(),
  heartbeatAgeSeconds: z.number().nullable().optional(),
  staleThresholdSeconds: z.number().positive().optional(),
  heartbeatTtlSeconds: z.number().positive().optional(),
  killSwitch: z.boolean().optional(),
  executionEnabled: z.boolean().optional(),
  agentMode: z.string().min(1).optional(),
  gitSha: z.string().min(1).nullable().optional(),
  buildId: z.string().min(1).nullable().optional(),
  metricValues: z.record(SeriesKeySchema, MetricValueSchema).optional(),
  metricTimestamps: z.record(SeriesKeySchema, z.int()).optional(),
  omitMetrics: z.array(z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/)).optional(),
  extraMetricsText: z.string().optional(),
  paths: z.record(z.string().regex(/^\/\S*$/, 'a path starts with "/" and has no blanks'), PathFaultSchema).optional(),
}) satisfies z.ZodType<OpsServiceOptions>

/** Options for several stand-ins at once, by service name: what a scenario's YAML holds. */
export interface OpsOverlay {
  /** The marketdata-mcp-server stand-in. @default {} */
  readonly 'marketdata-mcp-server'?: OpsServiceOptions
  /** The strategy-engine stand-in. @default {} */
  readonly 'strategy-engine'?: OpsServiceOptions
  /** The execution-engine stand-in. @default {} */
  readonly 'execution-engine'?: OpsServiceOptions
}

/** The schema of {@link OpsOverlay}; an unknown service name is rejected. */
export const OpsOverlaySchema = z.strictObject({
  'marketdata-mcp-server': OpsServiceOptionsSchema.optional(),
  'strategy-engine': OpsServiceOptionsSchema.optional(),
  'execution-engine': OpsServiceOptionsSchema.optional(),
}) satisfies z.ZodType<OpsOverlay>

/** The JSON Schema of {@link OpsOverlaySchema}, for the `$schema` comment of scenario files. */
export function getOpsOverlayJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(OpsOverlaySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
}
