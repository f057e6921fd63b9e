/**
 * The library the gate specs stand on. Specs import from here only.
 */

// The runbook's test API: every check ends with its rule's judgement (`expectJudgement`)
export { it, type RunbookFixtures } from './worker/index.ts'
export { JUDGEMENT_STATUSES, type Judgement, type JudgementStatus } from './judgement.ts'
export { getRunContext } from './worker/index.ts'
export type { RunContext } from './context/index.ts'
export { observeEndpoint, observeReading } from './worker/index.ts'
export { recordedClusterIdentity } from './worker/index.ts'
export type { Evidence } from './worker/index.ts'
export { gateTitle, type CriticalService } from './gates/index.ts'

// Clients
export type { KubeReader } from './kube/index.ts'
export type { HttpObservation } from './kube/index.ts'
export {
  BrokerHostRefusedError,
  createPaperAlpacaClient,
  readAlpacaCredentials,
  readEffectiveTradingBaseUrl,
  type AlpacaCredentials,
} from './alpaca/index.ts'

// Policies: kill switch
export { KILL_SWITCH, judgeKillSwitch, judgeKillSwitchPresence, type KillSwitchJudgement } from './posture/index.ts'
export { judgeKillSwitchWiring } from './posture/index.ts'

// Policies: paper posture and workload wiring
export { checkAlpacaBaseUrl, isLiveBrokerHost, PAPER_TRADING_BASE_URL } from './network/index.ts'
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
} from './posture/index.ts'

// Policies: metrics and freshness
export { REQUIRED_METRICS } from './metrics/index.ts'
export { PROMETHEUS_TEXT_TYPES } from './metrics/index.ts'
export { judgeHttpStatus, type EndpointAnswer } from './gates/index.ts'
export { judgeOpsStatusEndpoint } from './gates/index.ts'
export {
  judgeHeartbeatAgeMetric,
  judgeMetricsScrape,
  judgeRequiredMetrics,
  type HeartbeatAgeJudgement,
  type RequiredMetricsJudgement,
} from './gates/index.ts'
export {
  judgeMarketdataFreshness,
  type EndpointReading,
  type FreshnessJudgement,
  type FreshnessReadings,
} from './metrics/index.ts'
export { CLOCK_SKEW_ALLOWANCE_SECONDS } from './metrics/index.ts'
export { MAX_SAMPLE_AGE_SECONDS } from './metrics/index.ts'
export { OpsStatusSchema } from './metrics/index.ts'

// Paper execution posture and the kill switch's wiring and reports (issue 4)
export { skipAsOptional } from './worker/index.ts'
export { observeWorkloads, type WorkloadsObservation } from './worker/index.ts'
export { findInObservedObjects } from './worker/index.ts'
export { listPodsWhereWanted, readRollouts } from './worker/index.ts'
export { listWorkloads } from './posture/index.ts'
export { probeLiveBrokerRefusal } from './alpaca/index.ts'
export { readPaperAccount } from './alpaca/index.ts'
export {
  judgePaperPosture,
  PAPER_POSTURE_ASPECTS,
  type PaperPostureAspect,
  type PaperPostureJudgement,
} from './posture/index.ts'
export { judgeLiveBrokerRefusal, type LiveBrokerAttempt } from './alpaca/index.ts'
export { judgePaperAccount, type PaperAccountSnapshot } from './alpaca/index.ts'
export { judgeKillSwitchReport, type KillSwitchReportJudgement } from './posture/index.ts'

// The session and cluster health (issue 4): calendar authorities, image pinning, cluster identity, health rules
export { lookUpTargetSession, type CalendarAuthority, type TargetSessionLookup } from './calendar/index.ts'
export type { TradingDayJudgement } from './calendar/index.ts'
export { chooseCalendarAuthority } from './alpaca/index.ts'
export { judgeWorkloadImages, type WorkloadImage } from './health/index.ts'
export { judgeClusterIdentity } from './health/index.ts'
export {
  assessStability,
  describeRollouts,
  judgeContainerWaiting,
  judgePodReadiness,
  judgeStalenessBypass,
  judgeWorkloadRollout,
  summarizePod,
} from './health/index.ts'

// Data seeded (issue 6): the Sentiment Heatmap and Whale Flow, read through bounded Firestore queries
export type { FirestoreReader } from './data/index.ts'
export { toPlainData, type ObservedDocument } from './firestore/index.ts'
export { judgeSentimentSectors, type SentimentSectorsJudgement } from './data/index.ts'
export { judgeWhaleTrades, type WhaleTradesJudgement } from './data/index.ts'
export { judgeTradeFreshness, type TradeFreshnessJudgement } from './data/index.ts'
export { judgeGoldenSweeps, type GoldenSweepsJudgement } from './data/index.ts'
export { judgeSystemStatus } from './data/index.ts'
export { judgeGexOverlay, type GexOverlayJudgement } from './data/index.ts'
export { judgeGexFreshness, type GexFreshnessJudgement } from './data/index.ts'

// Errors
export { CouldNotCheckError } from './errors.ts'
