import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node'
import { judgeFindings, type Judgement } from '../judgement.ts'

/** A Deployment, StatefulSet or DaemonSet as the rollout rule sees it. */
export interface WorkloadRollout {
  /** `Deployment/trading-floor/marketdata-mcp-server`. */
  workload: string
  desired: number
  ready: number
  /** `metadata.generation`, `null` when absent. */
  generation: number | null
  /** `status.observedGeneration`, `null` when absent. */
  observedGeneration: number | null
  /** What is wrong; empty when rolled out. */
  problems: string[]
}

/**
 * Reads desired and ready replicas and generations of each Deployment, StatefulSet and DaemonSet (a DaemonSet wants
 * `status.desiredNumberScheduled` pods, 1 when its status is not written yet, and has `status.numberReady`).
 */
export function describeRollouts(
  deployments: readonly V1Deployment[],
  statefulSets: readonly V1StatefulSet[],
  daemonSets: readonly V1DaemonSet[] = [],
): WorkloadRollout[] {
  const entries = [
    ...deployments.map((object) => ({ kind: 'Deployment', object, desired: object.spec?.replicas ?? 1, ready: object.status?.readyReplicas ?? 0 })),
    ...statefulSets.map((object) => ({ kind: 'StatefulSet', object, desired: object.spec?.replicas ?? 1, ready: object.status?.readyReplicas ?? 0 })),
    ...daemonSets.map((object) => ({ kind: 'DaemonSet', object, desired: object.status?.desiredNumberScheduled ?? 1, ready: object.status?.numberReady ?? 0 })),
  ]
  return entries.map(({ kind, object, desired, ready }) => {
    const generation = object.metadata?.generation ?? null
    const observedGeneration = object.status?.observedGeneration ?? null
    const problems: string[] = []
    if (ready !== desired) problems.push(`${ready}/${desired} replicas ready`)
    // @note an absent generation or observedGeneration cannot show the controller saw the latest spec: fail-closed.
    if (generation === null || observedGeneration === null || observedGeneration < generation) {
      problems.push(`observedGeneration ${observedGeneration ?? 'unset'} < generation ${generation ?? 'unset'} (the controller has not acted on the latest spec)`)
    }
    return {
      workload: `${kind}/${object.metadata?.namespace ?? 'default'}/${object.metadata?.name ?? '(unnamed)'}`,
      desired,
      ready,
      generation,
      observedGeneration,
      problems,
    }
  })
}

/**
 * Judges that every Deployment, StatefulSet and DaemonSet (from `describeRollouts`) is rolled out: ready replicas equal
 * desired replicas (readiness check `cluster.replicas_ready`, without its label selector) and
 * `status.observedGeneration` ≥ `metadata.generation`. None at all is unverified: a rule over nothing would pass vacuously.
 */
export function judgeWorkloadRollout(rollouts: readonly WorkloadRollout[]): Judgement<WorkloadRollout> {
  if (rollouts.length === 0) {
    return {
      status: 'unverified',
      reason: 'the namespace holds no Deployment, StatefulSet or DaemonSet, so no rollout was judged; check --namespace',
      findings: [],
    }
  }
  return judgeFindings(
    rollouts.filter((rollout) => rollout.problems.length > 0),
    (found) => `${found.workload}: ${found.problems.join(', ')}`,
    `all ${rollouts.length} Deployments, StatefulSets and DaemonSets are rolled out with every replica ready`,
    'not rolled out',
  )
}
