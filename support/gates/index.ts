/**
 * The gates' stable vocabulary and registry: gate ids, statuses, exit codes, environments, the manifest of gate
 * specs, the Kubernetes reads each gate needs and their start-of-run preflight.
 *
 * The public surface of support/gates/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export {
  type CheckStatus,
  ENVIRONMENTS,
  EXIT_CODES,
  type Environment,
  type ExitCode,
  GATE_IDS,
  type GateId,
  type GateStatus,
  UNWAIVABLE_GATES,
  type Verdict,
  type VerdictText,
} from './api.ts'
export { GATE_MANIFEST, type GateDefinition, gateIdOfSpec, specFileOf } from './gate-manifest.ts'
export {
  type CriticalService,
  GATE_KUBE_READS,
  GATE_REGISTRY,
  type GateCheck,
  gateCheckIds,
  gateEntry,
  gateTitle,
} from './gate-registry.ts'
export { type EndpointAnswer, judgeHttpStatus } from './http-status.ts'
export {
  KUBE_READS,
  type KubeRead,
  type KubeReadName,
  READER_ROLE_FILE,
  describeKubeRead,
  kubeReadRule,
} from './kube-reads.ts'
export {
  type HeartbeatAgeJudgement,
  type RequiredMetricsJudgement,
  judgeHeartbeatAgeMetric,
  judgeMetricsScrape,
  judgeRequiredMetrics,
} from './metrics-endpoint.ts'
export { judgeOpsStatusEndpoint } from './ops-status-endpoint.ts'
