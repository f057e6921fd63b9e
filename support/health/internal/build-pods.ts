import type { CoreV1Event, V1ContainerStatus, V1Deployment, V1Pod, V1StatefulSet } from '@kubernetes/client-node'

/** The fixed clock of the kube-health tests. */
export const NOW = new Date('2026-03-02T13:00:00Z')

/** An instant `minutes` before {@link NOW}. */
export function minutesAgo(minutes: number): Date {
  return new Date(NOW.getTime() - minutes * 60_000)
}

/** A running, ready container status named `main` unless told otherwise. */
export function runningContainer(overrides: Partial<V1ContainerStatus> = {}): V1ContainerStatus {
  return {
    name: 'main',
    image: 'registry.example/app:1.0.0',
    imageID: 'registry.example/app@sha256:0000',
    ready: true,
    restartCount: 0,
    state: { running: { startedAt: minutesAgo(180) } },
    ...overrides,
  }
}

/** A container waiting for `reason`, not ready. */
export function waitingContainer(reason: string, overrides: Partial<V1ContainerStatus> = {}): V1ContainerStatus {
  return runningContainer({ ready: false, started: false, state: { waiting: { reason, message: `${reason} message` } }, ...overrides })
}

/** Options of {@link pod}. */
export interface PodShape {
  /** The controller, e.g. `StatefulSet/whale-strategy`; `null` for a bare pod. @default 'ReplicaSet/app-5c9d' */
  owner?: string | null
  /** @default 'Running' */
  phase?: string
  /** The Ready condition's status; `null` for no condition. @default 'True' */
  ready?: 'True' | 'False' | null
  /** When Ready last changed. @default 180 minutes ago */
  readySince?: Date
  containers?: V1ContainerStatus[]
  initContainers?: V1ContainerStatus[]
}

/** A pod in `trading-floor` with one running, ready container unless told otherwise. */
export function pod(name: string, shape: PodShape = {}): V1Pod {
  const owner = shape.owner === undefined ? 'ReplicaSet/app-5c9d' : shape.owner
  const [kind, ownerName] = owner?.split('/') ?? []
  const ready = shape.ready === undefined ? 'True' : shape.ready
  return {
    metadata: {
      name,
      namespace: 'trading-floor',
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: kind!, name: ownerName!, uid: 'u', controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'main' }], nodeName: 'node-1' },
    status: {
      phase: shape.phase ?? 'Running',
      conditions: ready === null ? [] : [{ type: 'Ready', status: ready, lastTransitionTime: shape.readySince ?? minutesAgo(180) }],
      containerStatuses: shape.containers ?? [runningContainer({ ready: ready === 'True' })],
      ...(shape.initContainers ? { initContainerStatuses: shape.initContainers } : {}),
    },
  }
}

/** An event about a pod, last seen `minutes` ago. */
export function event(type: 'Normal' | 'Warning', reason: string, minutes: number, overrides: Partial<CoreV1Event> = {}): CoreV1Event {
  return {
    metadata: { name: `${reason}.${minutes}`, namespace: 'trading-floor' },
    involvedObject: { kind: 'Pod', name: 'app-0' },
    type,
    reason,
    message: `${reason} happened`,
    count: 1,
    lastTimestamp: minutesAgo(minutes),
    ...overrides,
  }
}

/**
 * A Deployment with `desired` replicas, `ready` of them ready, at a generation and an observed generation
 * (`null` leaves the observed generation out; `undefined` fields are left out too).
 */
export function deploymentStatus(name: string, desired: number | undefined, ready: number | undefined, generation = 2, observed: number | null = generation): V1Deployment {
  return {
    metadata: { name, namespace: 'trading-floor', generation },
    spec: { ...(desired === undefined ? {} : { replicas: desired }), selector: {}, template: {} },
    status: { ...(ready === undefined ? {} : { readyReplicas: ready }), ...(observed === null ? {} : { observedGeneration: observed }) },
  }
}

/** A StatefulSet with `desired` replicas and `ready` of them ready, fully observed. */
export function statefulSetStatus(name: string, desired: number, ready: number): V1StatefulSet {
  return {
    metadata: { name, namespace: 'trading-floor', generation: 2 },
    spec: { replicas: desired, selector: {}, serviceName: name, template: {} },
    status: { replicas: desired, readyReplicas: ready, observedGeneration: 2 },
  }
}
