import { z } from 'zod'

/**
 * The `/ops/status` body HEAD AgentTrader serves: pydantic `OpsStatus` (`backend/ops/status_contract.py`), reference §3.4 A.
 * There is no top-level `ok`; the documented 5-key contract (§3.4 B) is unreachable at HEAD and is not modelled here.
 */

/** `service_kind` values. */
export const SERVICE_KINDS = ['marketdata', 'strategy', 'execution', 'ingest', 'ops'] as const

/** `status.state` values, with the `summary` each one is served with. */
export const OPS_STATE_SUMMARIES = Object.freeze({
  OK: 'Healthy',
  DEGRADED: 'Degraded',
  HALTED: 'Halted',
  MARKET_CLOSED: 'Market closed',
  OFFLINE: 'Offline',
  UNKNOWN: 'Unknown',
} as const)

/** One of the keys of {@link OPS_STATE_SUMMARIES}. */
export type OpsState = keyof typeof OPS_STATE_SUMMARIES

/** The reason codes `compute_ops_state` and the safety gating emit. */
export const OPS_REASON_CODES = [
  'KILL_SWITCH',
  'MARKET_CLOSED',
  'MARKETDATA_STALE',
  'MARKETDATA_MISSING',
  'EXECUTION_DISABLED',
  'HEARTBEAT_STALE',
  'REQUIRED_FIELDS_MISSING',
  'PROCESS_DOWN',
  'EXECUTION_ORDERS_DISABLED_CONTRACT',
] as const

/** A UTC time as the contract writes it: `YYYY-MM-DDTHH:MM:SSZ`. */
export const UtcSecondsSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'expected "YYYY-MM-DDTHH:MM:SSZ"')

const stateNames = Object.keys(OPS_STATE_SUMMARIES) as [OpsState, ...OpsState[]]

/** The OpsStatus contract; unknown keys are allowed and dropped, `safe_to_execute_orders` must be `false`. */
export const OpsStatusSchema = z.object({
  service_name: z.string().min(1),
  service_kind: z.enum(SERVICE_KINDS),
  repo_id: z.string(),
  git_sha: z.string().nullable(),
  build_id: z.string().nullable(),
  agent_identity: z.object({ agent_name: z.string(), agent_role: z.string(), agent_mode: z.string() }),
  status: z.object({
    state: z.enum(stateNames),
    summary: z.string(),
    reason_codes: z.array(z.string()),
    last_updated_utc: UtcSecondsSchema,
  }),
  heartbeat: z.object({
    last_heartbeat_utc: UtcSecondsSchema.nullable(),
    age_seconds: z.number().nonnegative().nullable(),
    ttl_seconds: z.number().positive(),
  }),
  marketdata: z
    .object({
      last_tick_utc: UtcSecondsSchema.nullable(),
      last_bar_utc: UtcSecondsSchema.nullable(),
      stale_threshold_seconds: z.number().positive(),
      is_fresh: z.boolean().nullable(),
    })
    .nullable(),
  safety: z.object({
    kill_switch: z.boolean(),
    safe_to_run_strategies: z.boolean(),
    safe_to_execute_orders: z.literal(false),
    gating_reasons: z.array(z.string()),
  }),
  endpoints: z
    .object({ healthz: z.string().nullable(), heartbeat: z.string().nullable(), metrics: z.string().nullable() })
    .nullable(),
})

/** A parsed OpsStatus body. */
export type OpsStatus = z.infer<typeof OpsStatusSchema>

/**
 * The legacy `{status, service}` shape: what `/healthz`, `/health` and `/ops/health` serve, and what OpsHttpServer
 * serves on `/ops/status` when the status function returns no `service_name` (reference §3.4 C).
 */
export const LegacyOpsStatusSchema = z.object({ status: z.string().min(1), service: z.string().min(1) })

/** A parsed legacy `{status, service}` body. */
export type LegacyOpsStatus = z.infer<typeof LegacyOpsStatusSchema>

/** The `/heartbeat` body of marketdata-mcp-server (reference §3.5); `status` is "ok" even when stale. */
export const MarketdataHeartbeatSchema = z.object({
  status: z.string(),
  service: z.string(),
  heartbeat: z.object({
    age_seconds: z.number().nonnegative().nullable(),
    stale_threshold_seconds: z.number().positive(),
    is_stale: z.boolean(),
    last_observed_epoch_s: z.number().nullable(),
  }),
})

/** A parsed `/heartbeat` body. */
export type MarketdataHeartbeat = z.infer<typeof MarketdataHeartbeatSchema>
