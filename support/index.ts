/**
 * The library the gate specs stand on. Specs import from here only.
 */

// The runbook's test API: every check ends with its rule's judgement (`expectJudgement`)
export { it, type RunbookFixtures } from './runbook/runbook-test.ts'
export { JUDGEMENT_STATUSES, type Judgement, type JudgementStatus } from './judgement.ts'
export { getRunContext } from './runbook/get-run-context.ts'
export type { RunContext } from './runbook/run-context.ts'
export { observeEndpoint, observeReading } from './runbook/observe-endpoint.ts'
export { recordedClusterIdentity } from './runbook/get-run-context.ts'
export type { Evidence } from './evidence/create-evidence.ts'
export { gateTitle, type CriticalService } from './verdict/gate-registry.ts'

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
export { KILL_SWITCH, judgeKillSwitch, judgeKillSwitchPresence, type KillSwitchJudgement } from './policies/kill-switch-value.ts'
export { judgeKillSwitchWiring } from './policies/kill-switch-wiring.ts'

// Policies: paper posture and workload wiring
export { checkAlpacaBaseUrl, isLiveBrokerHost, PAPER_TRADING_BASE_URL } from './policies/alpaca-base-url.ts'
export {
  describeWorkload,
  findKillSwitchWiring,
  findPostureViolations,
  findStalenessBypass,
  isTruthyFlag,
  type KillSwitchGap,
  type KillSwitchWiring,
  type PostureFinding,
  type Workload,
} from './kube-posture/index.ts'

// Policies: metrics and freshness
export { REQUIRED_METRICS } from './policies/metric-contract.ts'
export { PROMETHEUS_TEXT_TYPES } from './policies/metrics-content-type.ts'
export { judgeHttpStatus, type EndpointAnswer } from './policies/http-status.ts'
export { judgeOpsStatusEndpoint } from './policies/ops-status-endpoint.ts'
export {
  judgeHeartbeatAgeMetric,
  judgeMetricsScrape,
  judgeRequiredMetrics,
  type HeartbeatAgeJudgement,
  type RequiredMetricsJudgement,
} from './policies/metrics-endpoint.ts'
export {
  judgeMarketdataFreshness,
  type EndpointReading,
  type FreshnessJudgement,
  type FreshnessReadings,
} from './policies/marketdata-freshness.ts'
export { CLOCK_SKEW_ALLOWANCE_SECONDS } from './policies/clock-skew.ts'
export { MAX_SAMPLE_AGE_SECONDS } from './policies/sample-timestamp.ts'
export { OpsStatusSchema } from './metrics/index.ts'

// Paper execution posture and the kill switch's wiring and reports (issue 4)
export { skipAsOptional } from './runbook/expect-judgement.ts'
export { observeWorkloads, type WorkloadsObservation } from './runbook/observe-workloads.ts'
export { findInObservedObjects } from './runbook/find-in-observed-objects.ts'
export { listPodsWhereWanted, readRollouts } from './runbook/list-pods-where-wanted.ts'
export { listWorkloads } from './clients/list-workloads.ts'
export { probeLiveBrokerRefusal } from './clients/probe-live-broker-refusal.ts'
export { readPaperAccount } from './clients/read-paper-account.ts'
export { judgePaperPosture, PAPER_POSTURE_ASPECTS, type PaperPostureAspect, type PaperPostureJudgement } from './policies/paper-posture.ts'
export { judgeLiveBrokerRefusal, type LiveBrokerAttempt } from './policies/live-broker-refusal.ts'
export { judgePaperAccount, type PaperAccountSnapshot } from './policies/paper-account.ts'
export { judgeKillSwitchReport, type KillSwitchReportJudgement } from './policies/kill-switch-report.ts'

// The session and cluster health (issue 4): calendar authorities, image pinning, cluster identity, health rules
export { lookUpTargetSession, type CalendarAuthority, type TargetSessionLookup } from './calendar/index.ts'
export type { TradingDayJudgement } from './policies/trading-session.ts'
export { chooseCalendarAuthority } from './clients/choose-calendar-authority.ts'
export { judgeWorkloadImages, type WorkloadImage } from './policies/workload-images.ts'
export { judgeClusterIdentity } from './policies/cluster-identity.ts'
export {
  assessStability,
  describeRollouts,
  judgeContainerWaiting,
  judgePodReadiness,
  judgeStalenessBypass,
  judgeWorkloadRollout,
  summarizePod,
} from './kube-health/index.ts'

// Data seeded (issue 6): the Sentiment Heatmap and Whale Flow, read through bounded Firestore queries
export type { FirestoreReader } from './clients/firestore-reader.ts'
export { toPlainData, type ObservedDocument } from './firestore/index.ts'
export { judgeSentimentSectors, type SentimentSectorsJudgement } from './policies/judge-sentiment-sectors.ts'
export { judgeWhaleTrades, type WhaleTradesJudgement } from './policies/judge-whale-trades.ts'
export { judgeTradeFreshness, type TradeFreshnessJudgement } from './policies/judge-trade-freshness.ts'
export { judgeGoldenSweeps, type GoldenSweepsJudgement } from './policies/judge-golden-sweeps.ts'
export { judgeSystemStatus } from './policies/judge-system-status.ts'
export { judgeGexOverlay, type GexOverlayJudgement } from './policies/judge-gex-overlay.ts'
export { judgeGexFreshness, type GexFreshnessJudgement } from './policies/judge-gex-freshness.ts'

// Errors
export { CouldNotCheckError } from './errors.ts'
