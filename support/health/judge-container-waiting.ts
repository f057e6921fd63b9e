import type { V1Pod } from '@kubernetes/client-node'
import { judgeFindings, type Judgement } from '../judgement.ts'
import { containerLabel, listContainerStatuses, podName } from './internal/pod-parts.ts'

/**
 * Waiting reasons that mean a container cannot run (pre-market step 4b, widened to the config errors a missing
 * kill-switch ConfigMap causes, reference §5.3).
 */
export const BLOCKING_WAITING_REASONS: readonly string[] = Object.freeze([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'CreateContainerError',
])

/** A container waiting for one of the {@link BLOCKING_WAITING_REASONS}. */
export interface BlockedContainer {
  pod: string
  container: string
  init: boolean
  /** The waiting reason, e.g. `CrashLoopBackOff`. */
  reason: string
  /** The kubelet's message, e.g. `back-off 5m0s restarting failed container=…`. */
  message: string | null
  restartCount: number
}

/** Finds every container (init containers too) of every pod that waits for a {@link BLOCKING_WAITING_REASONS} reason. */
export function judgeContainerWaiting(pods: readonly V1Pod[]): Judgement<BlockedContainer> {
  const findings = pods.flatMap((pod) =>
    listContainerStatuses(pod).flatMap((entry) => {
      const reason = entry.status.state?.waiting?.reason
      if (reason === undefined || !BLOCKING_WAITING_REASONS.includes(reason)) return []
      return [{
        pod: podName(pod),
        container: entry.status.name,
        init: entry.init,
        reason,
        message: entry.status.state?.waiting?.message ?? null,
        restartCount: entry.status.restartCount ?? 0,
      }]
    }))
  return judgeFindings(
    findings,
    (found) =>
      `pod ${found.pod} ${containerLabel(found.container, found.init)} is waiting in ${found.reason}` +
      ` (restarts: ${found.restartCount})${found.message ? `: ${found.message}` : ''}`,
    `none of ${pods.length} pods has a container in ${BLOCKING_WAITING_REASONS.join(', ')}`,
    `${findings.length} container(s) cannot run`,
  )
}
