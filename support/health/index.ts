/**
 * Cluster health: pure rules over pods, workloads and events that say whether the trading floor is running and
 * stable (pre-market steps 3b and 4b; the readiness checks `cluster.replicas_ready` and `cluster.no_crash_or_pull_backoff`).
 */

// The rules
export { BLOCKING_WAITING_REASONS, judgeContainerWaiting, type BlockedContainer } from './judge-container-waiting.ts'
export { judgePodReadiness, TERMINAL_POD_PHASES, type UnreadyPod } from './judge-pod-readiness.ts'
export { describeRollouts, judgeWorkloadRollout, type WorkloadRollout } from './judge-workload-rollout.ts'
export {
  assessStability,
  type ReadyChange,
  type RecentRestart,
  type RestartingContainer,
  type StabilityAssessment,
  type WarningEvent,
} from './assess-stability.ts'
export { judgeStalenessBypass } from './judge-staleness-bypass.ts'

// Options and evidence
export { KUBE_HEALTH_DEFAULTS, resolveKubeHealthOptions, type KubeHealthOptions, type ResolvedKubeHealthOptions } from './kube-health-options.ts'
export { summarizePod, type PodSummary } from './summarize-pod.ts'
export { type ClusterIdentity, judgeClusterIdentity } from './cluster-identity.ts'
export { type WorkloadImage, judgeWorkloadImages } from './workload-images.ts'
