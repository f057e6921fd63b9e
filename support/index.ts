/**
 * The library the gate specs stand on. Specs import from here only.
 */

// The runbook's test API
export { it, type RunbookFixtures } from './runbook/runbook-test.ts'
export { getRunContext, type RunContext, type CriticalService } from './runbook/run-context.ts'
export { observeEndpoint } from './runbook/observe-endpoint.ts'
export type { Evidence } from './evidence/create-evidence.ts'

// Clients
export type { KubeReader } from './clients/kube-reader.ts'
export type { HttpObservation } from './clients/http-get.ts'
export {
  BrokerHostRefusedError,
  createPaperAlpacaClient,
  readAlpacaCredentials,
  readEffectiveTradingBaseUrl,
  type AlpacaCredentials,
} from './clients/alpaca-client.ts'

// Policies: kill switch
export { KILL_SWITCH, judgeKillSwitch, type KillSwitchJudgement } from './policies/kill-switch-value.ts'

// Policies: paper posture and workload wiring
export { checkAlpacaBaseUrl, isLiveBrokerHost, PAPER_TRADING_BASE_URL } from './policies/alpaca-base-url.ts'
export {
  describeWorkload,
  findKillSwitchWiring,
  findPostureViolations,
  findStalenessBypass,
  isTruthyFlag,
  type KillSwitchGap,
  type PostureFinding,
  type Workload,
} from './kube-posture/index.ts'

// Policies: metrics and freshness
export { REQUIRED_METRICS, judgeMetricContract, type MetricContractJudgement } from './policies/metric-contract.ts'
export { judgeOpsStatus, type OpsStatusJudgement } from './policies/ops-status-contract.ts'
export { judgeFreshness, judgeHeartbeatAge, type FreshnessJudgement } from './policies/marketdata-freshness.ts'
export { MarketdataHeartbeatSchema, OpsStatusSchema } from './metrics/index.ts'

// Errors
export { CouldNotCheckError } from './errors.ts'
