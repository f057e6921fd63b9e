import type { V1Pod } from '@kubernetes/client-node'
import { describeContainerState, findCondition, listContainerStatuses, podController, podName } from './internal/pod-parts.ts'
import { toInstant } from './internal/to-instant.ts'

/** What the evidence keeps of a pod: enough to see its health, nothing of its environment. */
export interface PodSummary {
  name: string
  owner: string | null
  phase: string
  ready: string
  readySince: string | null
  node: string | null
  containers: {
    name: string
    init: boolean
    image: string | null
    imageID: string | null
    ready: boolean
    restartCount: number
    state: string
    lastTerminatedAt: string | null
  }[]
}

/** Summarizes a pod for the evidence: owner, phase, Ready, and each container's state, restarts and image. */
export function summarizePod(pod: V1Pod): PodSummary {
  const ready = findCondition(pod, 'Ready')
  return {
    name: podName(pod),
    owner: podController(pod),
    phase: pod.status?.phase ?? 'Unknown',
    ready: ready?.status ?? 'Unknown',
    readySince: toInstant(ready?.lastTransitionTime)?.toISOString() ?? null,
    node: pod.spec?.nodeName ?? null,
    containers: listContainerStatuses(pod).map(({ status, init }) => ({
      name: status.name,
      init,
      image: status.image ?? null,
      imageID: status.imageID || null,
      ready: status.ready === true,
      restartCount: status.restartCount ?? 0,
      state: describeContainerState(status),
      lastTerminatedAt: toInstant(status.lastState?.terminated?.finishedAt)?.toISOString() ?? null,
    })),
  }
}
