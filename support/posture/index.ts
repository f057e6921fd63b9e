/**
 * Workload posture: pure rules over Kubernetes objects that say whether the trading floor is in paper posture,
 * wired to the kill switch, and not bypassing the market-data staleness check. Secrets are named, never read.
 */

// The rules
export { EXECUTION_FLAGS, EXECUTION_WORKLOAD_NAME, findPostureViolations, type PostureInput } from './find-posture-violations.ts'
export { findKillSwitchWiring, type KillSwitchGap, type KillSwitchWiring } from './find-kill-switch-wiring.ts'
export { findStalenessBypass, STALENESS_BYPASS_FLAGS } from './find-staleness-bypass.ts'
export type { PostureFinding, PostureRule } from './posture-finding.ts'

// Environment resolution
export { resolveContainerEnv, resolvePodEnv } from './resolve-container-env.ts'
export type { EnvSource, OpaqueEnvSource, ResolvedContainerEnv } from './resolve-container-env.ts'
export { expandEnvReferences } from './expand-env-references.ts'
export { describeWorkload, WORKLOAD_KINDS, type Workload, type WorkloadKind, type WorkloadView } from './workload.ts'

// Helpers
export { findAlpacaHostMentions, type AlpacaHostMention } from './find-alpaca-host-mentions.ts'
export { isTruthyFlag, TRUTHY_FLAG_VALUES } from './is-truthy-flag.ts'
export { deployment, fromSecret, literal } from './internal/build-workloads.ts'
export { type KillSwitchReportJudgement, judgeKillSwitchReport } from './kill-switch-report.ts'
export { KILL_SWITCH, type KillSwitchJudgement, judgeKillSwitch, judgeKillSwitchPresence } from './kill-switch-value.ts'
export { judgeKillSwitchWiring } from './kill-switch-wiring.ts'
export { listWorkloads } from './list-workloads.ts'
export {
  PAPER_POSTURE_ASPECTS,
  type PaperPostureAspect,
  type PaperPostureJudgement,
  judgePaperPosture,
} from './paper-posture.ts'
