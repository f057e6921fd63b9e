import type { OpsServiceName } from '../ops-service-names.ts'

/** What does not change between runs of one service: its kind, identity and endpoints (reference §3.3, §5.3). */
export interface OpsServiceFacts {
  readonly kind: 'marketdata' | 'strategy' | 'execution'
  /** `agent_identity.agent_role`. */
  readonly agentRole: string
  /** AGENT_MODE in the service's manifest. */
  readonly manifestAgentMode: string
  /** Whether it serves `/heartbeat` (only marketdata-mcp-server does). */
  readonly servesHeartbeat: boolean
  /** Metric values after startup, before any request: `agent_start_total` is 1 only for marketdata-mcp-server. */
  readonly startupMetricValues: Readonly<Record<string, number>>
}

/** The facts of each service. */
export const OPS_SERVICE_CATALOG: Readonly<Record<OpsServiceName, OpsServiceFacts>> = Object.freeze({
  'marketdata-mcp-server': Object.freeze({
    kind: 'marketdata',
    agentRole: 'marketdata',
    manifestAgentMode: 'OBSERVE',
    servesHeartbeat: true,
    startupMetricValues: Object.freeze({ 'agent_start_total{component="marketdata-mcp-server"}': 1 }),
  }),
  // @note the gunicorn service (k8s/30) never increments agent_start_total; only the driver script does.
  'strategy-engine': Object.freeze({
    kind: 'strategy',
    agentRole: 'strategy',
    manifestAgentMode: 'OFF',
    servesHeartbeat: false,
    startupMetricValues: Object.freeze({}),
  }),
  'execution-engine': Object.freeze({
    kind: 'execution',
    agentRole: 'execution',
    manifestAgentMode: 'OFF',
    servesHeartbeat: false,
    startupMetricValues: Object.freeze({}),
  }),
})
