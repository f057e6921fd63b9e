import type { V1ContainerStatus, V1Pod, V1PodCondition } from '@kubernetes/client-node'

/** A container status with whether it belongs to an init container. */
export interface PodContainerStatus {
  status: V1ContainerStatus
  init: boolean
}

/** A pod's name, `(unnamed)` when missing. */
export function podName(pod: V1Pod): string {
  return pod.metadata?.name ?? '(unnamed)'
}

/** Every container status of a pod, init containers first. */
export function listContainerStatuses(pod: V1Pod): PodContainerStatus[] {
  return [
    ...(pod.status?.initContainerStatuses ?? []).map((status) => ({ status, init: true })),
    ...(pod.status?.containerStatuses ?? []).map((status) => ({ status, init: false })),
  ]
}

/** The pod's condition of a type, e.g. `Ready`. */
export function findCondition(pod: V1Pod, type: string): V1PodCondition | undefined {
  return pod.status?.conditions?.find((condition) => condition.type === type)
}

/** The controller that owns a pod (`ReplicaSet/x`, `StatefulSet/y`, `Job/z`), or `null` for a bare pod. */
export function podController(pod: V1Pod): string | null {
  const references = pod.metadata?.ownerReferences ?? []
  const owner = references.find((reference) => reference.controller === true) ?? references[0]
  return owner ? `${owner.kind}/${owner.name}` : null
}

/** How a container is named in findings: `container x` or `init container x`. */
export function containerLabel(name: string, init: boolean): string {
  return `${init ? 'init container' : 'container'} ${name}`
}

/** A container's current state in a few words: `waiting (CrashLoopBackOff)`, `running, not ready`. */
export function describeContainerState(status: V1ContainerStatus): string {
  const { waiting, terminated, running } = status.state ?? {}
  if (waiting) return `waiting (${waiting.reason ?? 'no reason given'})`
  if (terminated) return `terminated (${terminated.reason ?? 'no reason given'}, exit ${terminated.exitCode})`
  if (running) return status.ready ? 'running, ready' : 'running, not ready'
  return 'in no reported state'
}
