import type { V1Pod } from '@kubernetes/client-node'
import { judgeFindings, type HealthJudgement } from './health-judgement.ts'
import { containerLabel, describeContainerState, findCondition, listContainerStatuses, podController, podName } from './internal/pod-parts.ts'

/** Pod phases after which a pod is never Ready again (a finished Job's pod, an evicted pod): not judged. */
export const TERMINAL_POD_PHASES: readonly string[] = Object.freeze(['Succeeded', 'Failed'])

/** A pod owned by a workload that is not Ready. */
export interface UnreadyPod {
  pod: string
  /** Its controller, e.g. `StatefulSet/whale-strategy`. */
  owner: string
  phase: string
  /** Why, from the Ready condition and each container that is not ready. */
  detail: string
}

/**
 * Finds pods owned by a controller (ReplicaSet, StatefulSet, Job, …) whose `Ready` condition is not `True`.
 * Bare pods (a `kubectl run` debug pod) and pods in a terminal phase are not judged here; the waiting-reason
 * rule still covers every pod.
 */
export function judgePodReadiness(pods: readonly V1Pod[]): HealthJudgement<UnreadyPod> {
  const owned = pods.filter((pod) => podController(pod) !== null && !TERMINAL_POD_PHASES.includes(pod.status?.phase ?? ''))
  const findings = owned.flatMap((pod) => {
    const ready = findCondition(pod, 'Ready')
    if (ready?.status === 'True') return []
    const containers = listContainerStatuses(pod)
      .filter((entry) => entry.status.ready !== true)
      .map((entry) => `${containerLabel(entry.status.name, entry.init)} ${describeContainerState(entry.status)}`)
    const condition = ready
      ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}`
      : 'no Ready condition'
    return [{
      pod: podName(pod),
      owner: podController(pod)!,
      phase: pod.status?.phase ?? 'Unknown',
      detail: [condition, ...containers].join(', '),
    }]
  })
  return judgeFindings(
    findings,
    (found) => `pod ${found.pod} (${found.owner}) is not Ready: phase ${found.phase}, ${found.detail}`,
    `all ${owned.length} workload pods are Ready`,
    `${findings.length} workload pod(s) not Ready`,
  )
}
