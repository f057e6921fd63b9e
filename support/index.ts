/**
 * The library the gate specs stand on. Specs import from here only.
 */

// The runbook's test API
export { it, type RunbookFixtures } from './runbook/runbook-test.ts'
export { getRunContext, type RunContext, type CriticalService } from './runbook/run-context.ts'
export type { Evidence } from './evidence/create-evidence.ts'

// Clients
export type { KubeReader } from './clients/kube-reader.ts'
export type { HttpObservation } from './clients/http-get.ts'

export { observeEndpoint } from './runbook/observe-endpoint.ts'

// Policies
export { REQUIRED_METRICS, judgeMetricContract, type MetricContractJudgement } from './policies/metric-contract.ts'
export { judgeOpsStatus, type OpsStatusJudgement } from './policies/ops-status-contract.ts'
export { judgeFreshness, judgeHeartbeatAge, type FreshnessJudgement } from './policies/marketdata-freshness.ts'
export { MarketdataHeartbeatSchema, OpsStatusSchema } from './metrics/index.ts'
export { KILL_SWITCH, judgeKillSwitch, type KillSwitchJudgement } from './policies/kill-switch-value.ts'

// Errors
export { CouldNotCheckError } from './errors.ts'
