import type { V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1Pod, V1PodSpec, V1ReplicaSet, V1StatefulSet } from '@kubernetes/client-node'
import { UsageError } from '../errors.ts'

/**
 * The kinds the posture rules read: every controller that makes pods, and every pod itself (a bare pod made by
 * `kubectl run`, a DaemonSet's pod, or a pod whose controller openbell does not know), since a pod is what runs.
 */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'CronJob', 'Job', 'Pod'] as const

/** One of {@link WORKLOAD_KINDS}. */
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]

/** A workload object; `kind` must be set (list responses omit it on items: set it from the list's kind). */
export type Workload = V1Deployment | V1StatefulSet | V1DaemonSet | V1ReplicaSet | V1CronJob | V1Job | V1Pod

/** What the posture rules need to know about a workload. */
export interface WorkloadView {
  /** The kind. */
  kind: WorkloadKind
  /** `metadata.name`. */
  name: string
  /** `metadata.namespace`, `default` when unset. */
  namespace: string
  /** How findings name it: `Deployment/trading-floor/execution-engine`. */
  id: string
  /** The pod template's spec. */
  podSpec: V1PodSpec
  /**
   * How many pods it asks for now: replicas, parallelism of a Job or CronJob (0 when suspended), a DaemonSet's
   * desired pod count (1 when it has no status yet), and for a pod 1 unless it has finished (Succeeded, Failed).
   */
  replicas: number
}

/**
 * Reads a workload's kind, name, pod spec and wanted pod count.
 * @throws UsageError when `kind` is missing or not one of {@link WORKLOAD_KINDS}, or there is no pod template.
 */
export function describeWorkload(workload: Workload): WorkloadView {
  const kind = workload.kind
  const name = workload.metadata?.name ?? '(unnamed)'
  if (!WORKLOAD_KINDS.includes(kind as WorkloadKind)) {
    throw new UsageError(
      `workload ${name} has kind ${JSON.stringify(kind ?? null)}; expected one of ${WORKLOAD_KINDS.join(', ')}. ` +
        'Objects from a list call have no kind: set it from the list (e.g. { kind: "Deployment", ...item }).',
    )
  }
  const namespace = workload.metadata?.namespace ?? 'default'
  const view = { kind: kind as WorkloadKind, name, namespace, id: `${kind}/${namespace}/${name}` }
  const spec = workload.spec as Record<string, unknown> | undefined
  if (kind === 'Pod') {
    const pod = workload as V1Pod
    if (pod.spec === undefined) throw missingTemplate(view.id)
    return { ...view, podSpec: pod.spec, replicas: ['Succeeded', 'Failed'].includes(pod.status?.phase ?? '') ? 0 : 1 }
  }
  if (kind === 'CronJob') {
    const cron = (workload as V1CronJob).spec
    const podSpec = cron?.jobTemplate.spec?.template.spec
    if (podSpec === undefined) throw missingTemplate(view.id)
    return { ...view, podSpec, replicas: cron?.suspend === true ? 0 : (cron?.jobTemplate.spec?.parallelism ?? 1) }
  }
  const podSpec = (spec?.template as { spec?: V1PodSpec } | undefined)?.spec
  if (podSpec === undefined) throw missingTemplate(view.id)
  if (kind === 'Job') {
    const job = (workload as V1Job).spec
    return { ...view, podSpec, replicas: job?.suspend === true ? 0 : (job?.parallelism ?? 1) }
  }
  if (kind === 'DaemonSet') {
    // @note a DaemonSet wants one pod per eligible node; before its status is written, assume it wants some.
    return { ...view, podSpec, replicas: (workload as V1DaemonSet).status?.desiredNumberScheduled ?? 1 }
  }
  return { ...view, podSpec, replicas: (spec?.replicas as number | undefined) ?? 1 }
}

function missingTemplate(id: string): UsageError {
  return new UsageError(`${id} has no pod template spec; pass the full object as the API server returns it.`)
}
