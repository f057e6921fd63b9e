import type { MetricType } from '../../../support/metrics/index.ts'

/** One family of the AgentTrader `REGISTRY` (`backend/common/ops_metrics.py`, reference §3.2). */
export interface AgentTraderMetric {
  readonly name: string
  readonly type: Extract<MetricType, 'counter' | 'gauge'>
  readonly help: string
  readonly labelNames: readonly string[]
  /** The series created at import time, each at 0.0. */
  readonly seeded: readonly Readonly<Record<string, string>>[]
}

const COMPONENTS = [{ component: 'marketdata-mcp-server' }, { component: 'strategy-engine' }]

/** Every family the registry defines; every process renders all of them. */
export const AGENTTRADER_METRICS: readonly AgentTraderMetric[] = Object.freeze([
  { name: 'agent_start_total', type: 'counter', help: 'Agent starts (process starts), labeled by component.', labelNames: ['component'], seeded: COMPONENTS },
  { name: 'errors_total', type: 'counter', help: 'Total errors observed, labeled by component.', labelNames: ['component'], seeded: COMPONENTS },
  { name: 'heartbeat_age_seconds', type: 'gauge', help: 'Seconds since last marketdata tick/heartbeat was observed.', labelNames: [], seeded: [{}] },
  { name: 'marketdata_stale_total', type: 'counter', help: 'Count of transitions into marketdata-stale state.', labelNames: [], seeded: [{}] },
  { name: 'marketdata_ticks_total', type: 'counter', help: 'Total marketdata ticks/messages processed.', labelNames: [], seeded: [{}] },
  {
    name: 'messages_published_total',
    type: 'counter',
    help: 'Total messages/events published to downstream destinations, labeled by component and stream.',
    labelNames: ['component', 'stream'],
    seeded: [],
  },
  {
    name: 'messages_received_total',
    type: 'counter',
    help: 'Total messages received from upstream connections, labeled by component and stream.',
    labelNames: ['component', 'stream'],
    seeded: [],
  },
  { name: 'order_proposals_total', type: 'counter', help: 'Total orders proposed by strategies (not necessarily executed).', labelNames: [], seeded: [{}] },
  { name: 'reconnect_attempts_total', type: 'counter', help: 'Total reconnect attempts, labeled by component and stream.', labelNames: ['component', 'stream'], seeded: [] },
  { name: 'safety_halted_total', type: 'counter', help: 'Total safety halt events observed (e.g., kill switch engaged).', labelNames: [], seeded: [{}] },
  { name: 'strategy_cycles_skipped_total', type: 'counter', help: 'Total strategy cycles skipped due to internal errors/conditions.', labelNames: [], seeded: [{}] },
  { name: 'strategy_cycles_total', type: 'counter', help: 'Total strategy evaluation cycles performed.', labelNames: [], seeded: [{}] },
] satisfies AgentTraderMetric[])
