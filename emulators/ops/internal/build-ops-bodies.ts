import type { OpsServiceName } from '../ops-service-names.ts'
import type { ResolvedOpsServiceOptions } from '../resolve-ops-service-options.ts'
import { computeOpsState, STATE_SUMMARIES } from './compute-ops-state.ts'
import { isNyseMarketHours } from './nyse-market-hours.ts'
import type { OpsServiceFacts } from './ops-service-catalog.ts'
import { PyFloat, type PyJson } from './python-json.ts'

/** What every body builder needs: the service, its facts, its options and the time of the request. */
export interface OpsBodyContext {
  readonly name: OpsServiceName
  readonly facts: OpsServiceFacts
  readonly options: ResolvedOpsServiceOptions
  readonly now: Date
}

const REPO_ID = 'RichKingsASU/agent-trader-v2'

/** `YYYY-MM-DDTHH:MM:SSZ`, seconds truncated as the contract writes them. */
export function toUtcSeconds(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`
}

/** The time of the last tick, or `null` when the feed never ticked. */
export function lastTickAt({ options, now }: OpsBodyContext): Date | null {
  return options.lastTickAgeSeconds === null ? null : new Date(now.getTime() - options.lastTickAgeSeconds * 1000)
}

/** The OpsStatus body (reference §3.4 A), keys in pydantic field order. */
export function buildOpsStatus(context: OpsBodyContext): PyJson {
  const { name, facts, options, now } = context
  const age = options.lastTickAgeSeconds
  const marketdataFresh = age === null ? null : age <= options.staleThresholdSeconds
  const result = computeOpsState({
    kind: facts.kind,
    executionEnabled: options.executionEnabled,
    killSwitch: options.killSwitch,
    marketOpen: isNyseMarketHours(now),
    marketdataFresh,
    // @note no service passes heartbeat_last_utc, so the heartbeat is always "now" (reference §3.4).
    heartbeatAgeSeconds: 0,
    heartbeatTtlSeconds: options.heartbeatTtlSeconds,
  })
  const tick = lastTickAt(context)
  return {
    service_name: name,
    service_kind: facts.kind,
    repo_id: REPO_ID,
    git_sha: options.gitSha,
    build_id: options.buildId,
    agent_identity: { agent_name: name, agent_role: facts.agentRole, agent_mode: options.agentMode },
    status: {
      state: result.state,
      summary: STATE_SUMMARIES[result.state],
      reason_codes: [...result.reasonCodes],
      last_updated_utc: toUtcSeconds(now),
    },
    heartbeat: { last_heartbeat_utc: toUtcSeconds(now), age_seconds: new PyFloat(0), ttl_seconds: options.heartbeatTtlSeconds },
    marketdata: {
      last_tick_utc: tick === null ? null : toUtcSeconds(tick),
      last_bar_utc: null,
      stale_threshold_seconds: options.staleThresholdSeconds,
      is_fresh: marketdataFresh,
    },
    safety: {
      kill_switch: options.killSwitch,
      safe_to_run_strategies: result.safeToRunStrategies,
      safe_to_execute_orders: false,
      gating_reasons: [...result.gatingReasons],
    },
    endpoints: { healthz: '/healthz', heartbeat: facts.servesHeartbeat ? '/heartbeat' : null, metrics: '/metrics' },
  }
}

/** The `/heartbeat` body of marketdata-mcp-server (reference §3.5); `status` stays "ok" when stale. */
export function buildHeartbeat(context: OpsBodyContext): PyJson {
  const { options, now } = context
  const age = options.heartbeatAgeSeconds
  const observed = age === null ? null : new Date(now.getTime() - age * 1000)
  return {
    status: 'ok',
    service: context.name,
    heartbeat: {
      age_seconds: age === null ? null : new PyFloat(age),
      stale_threshold_seconds: new PyFloat(options.staleThresholdSeconds),
      is_stale: isStale(options),
      last_observed_epoch_s: observed === null ? null : new PyFloat(observed.getTime() / 1000),
    },
  }
}

/** `age is None or age > stale_threshold_s`, as `update_marketdata_heartbeat_metrics` decides on the heartbeat's age. */
export function isStale(options: ResolvedOpsServiceOptions): boolean {
  return options.heartbeatAgeSeconds === null || options.heartbeatAgeSeconds > options.staleThresholdSeconds
}
