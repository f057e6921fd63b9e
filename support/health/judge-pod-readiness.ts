import type { V1Pod } from '@kubernetes/client-node'
import { judgeFindings, type Judgement } from '../judgement.ts'
import type { WorkloadRollout } from './judge-workload-rollout.ts'
import { containerLabel, describeContainerState, findCondition, listContainerStatuses, podController, podName } from './internal/pod-parts.ts'

/** Pod phases after which a pod is never Ready again (a finished Job's pod, an evicted pod): not judged. */
export const TERMINAL_POD_PHASES: readonly string[] = Object.freeze(['Succeeded', 'Failed'])

/** A pod that is not Ready, or a workload that wants pods and has none. */
export interface UnreadyPod {
  /** The pod, or `(none)` when a workload has no pod at all. */
  pod: string
  /** Its controller, e.g. `StatefulSet/whale-strategy`; `none (bare pod)` for a pod nobody owns; the workload when it has no pod. */
  owner: string
  phase: string
  /** Why, from the Ready condition and each container that is not ready. */
  detail: string
}

/**
 * Finds every pod not in a terminal phase whose `Ready` condition is not `True`, owned by a controller or bare (a
 * `kubectl run` pod runs like any other), and every workload (from `describeRollouts`) that wants pods but has not
 * one pod in the namespace: no pods at all while Deployments report ready replicas is a fault, never a vacuous pass.
 */
export function judgePodReadiness(pods: readonly V1Pod[], rollouts: readonly WorkloadRollout[] = []): Judgement<UnreadyPod> {
  const running = pods.filter((pod) => !TERMINAL_POD_PHASES.includes(pod.status?.phase ?? ''))
  const findings: UnreadyPod[] = running.flatMap((pod) => {
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
      owner: podController(pod) ?? 'none (bare pod)',
      phase: pod.status?.phase ?? 'Unknown',
      detail: [condition, ...containers].join(', '),
    }]
  })
  for (const rollout of rollouts) {
    if (rollout.desired <= 0 || running.some((pod) => isPodOf(pod, rollout.workload))) continue
    findings.push({ pod: '(none)', owner: rollout.workload, phase: 'absent', detail: `it wants ${rollout.desired} pod(s) and the namespace has none of them` })
  }
  return judgeFindings(
    findings,
    (found) => found.pod === '(none)' ? `${found.owner} has no pod: ${found.detail}` : `pod ${found.pod} (${found.owner}) is not Ready: phase ${found.phase}, ${found.detail}`,
    `all ${running.length} pods are Ready, and every workload that wants pods has some`,
    `${findings.length} pod(s) not Ready or missing`,
  )
}

/**
 * Whether a pod belongs to `Kind/namespace/name`: its controller, or for a Deployment a ReplicaSet `name-<hash>`, the
 * hash being the pod's `pod-template-hash` label (or, without it, one run of letters and digits).
 * @note a prefix is not enough: the pods of Deployment `strategy-engine-canary` are not those of `strategy-engine`.
 */
function isPodOf(pod: V1Pod, workload: string): boolean {
  const [kind, , name = ''] = workload.split('/')
  const controller = podController(pod)
  if (controller === null) return false
  if (kind !== 'Deployment') return controller === `${kind}/${name}`
  const prefix = `ReplicaSet/${name}-`
  if (!controller.startsWith(prefix)) return false
  const hash = controller.slice(prefix.length)
  const label = pod.metadata?.labels?.['pod-template-hash']
  return label !== undefined ? hash === label : /^[a-z0-9]+$/.test(hash)
}
