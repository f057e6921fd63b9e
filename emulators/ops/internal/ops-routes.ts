import type { Clock } from '../ops-service-options.ts'
import type { OpsServiceName } from '../ops-service-names.ts'
import type { ResolvedOpsServiceOptions } from '../resolve-ops-service-options.ts'
import { buildHeartbeat, buildOpsStatus, isStale, type OpsBodyContext } from './build-ops-bodies.ts'
import type { OpsServiceFacts } from './ops-service-catalog.ts'
import { dumpsPythonJson } from './python-json.ts'
import { renderOpsMetrics } from './render-ops-metrics.ts'

/** One HTTP answer of a stand-in. */
export interface OpsResponse {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/** The content types the real servers send. */
export const CONTENT_TYPES = Object.freeze({
  json: 'application/json; charset=utf-8',
  metrics: 'text/plain; version=0.0.4; charset=utf-8',
  text: 'text/plain',
})

/** What the real servers answer to a path they do not know (exact match; `/ops/status/` is unknown too). */
export const NOT_FOUND: OpsResponse = Object.freeze({ status: 404, contentType: CONTENT_TYPES.text, body: 'not found\n' })

/** Builds the GET routes of one stand-in; each call reads the clock, and marketdata tracks stale transitions. */
export function createOpsRoutes(
  name: OpsServiceName,
  facts: OpsServiceFacts,
  options: ResolvedOpsServiceOptions,
  clock: Clock,
): ReadonlyMap<string, () => OpsResponse> {
  const context = (): OpsBodyContext => ({ name, facts, options, now: clock() })
  const json = (body: Parameters<typeof dumpsPythonJson>[0]): OpsResponse => ({ status: 200, contentType: CONTENT_TYPES.json, body: dumpsPythonJson(body) })
  let wasStale = false
  let staleTransitions = 0
  // @note update_marketdata_heartbeat_metrics runs on marketdata's /metrics and /heartbeat only, and counts entries into stale.
  const observeMarketdata = (): void => {
    const stale = isStale(options)
    if (stale && !wasStale) staleTransitions++
    wasStale = stale
  }
  const metrics = (): OpsResponse => {
    if (facts.servesHeartbeat) observeMarketdata()
    const derived = facts.servesHeartbeat ? { heartbeatAgeSeconds: options.heartbeatAgeSeconds ?? Infinity, staleTransitions } : {}
    return { status: 200, contentType: CONTENT_TYPES.metrics, body: renderOpsMetrics(facts, options, derived) }
  }
  const health = (): OpsResponse => json({ status: 'ok', service: name })
  const routes = new Map<string, () => OpsResponse>([
    ['/health', health],
    ['/healthz', health],
    ['/ops/health', health],
    ['/ops/status', () => json(buildOpsStatus(context()))],
    ['/metrics', metrics],
    ['/ops/metrics', metrics],
  ])
  if (facts.servesHeartbeat) {
    routes.set('/heartbeat', () => {
      observeMarketdata()
      return json(buildHeartbeat(context()))
    })
  }
  return routes
}
