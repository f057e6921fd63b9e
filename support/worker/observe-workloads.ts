import type { V1ConfigMap } from '@kubernetes/client-node'
import type { KubeReader } from '../kube/index.ts'
import { listWorkloads } from '../posture/index.ts'
import { CouldNotCheckError } from '../errors.ts'
import type { Evidence } from './create-evidence.ts'
import type { Workload } from '../posture/index.ts'

/** Every workload and pod of the namespace and every ConfigMap, as read. Secrets are never read. */
export interface WorkloadsObservation {
  /** Deployments, StatefulSets, DaemonSets, ReplicaSets, CronJobs, Jobs and Pods, each with `kind` set. */
  workloads: Workload[]
  /** Every ConfigMap of the namespace. */
  configMaps: V1ConfigMap[]
}

/**
 * Reads every controller, every pod and every ConfigMap of the namespace and records them as evidence
 * (`workloads.json`, `configmaps.json`; values of secret-like names redacted by the evidence writer).
 * @throws CouldNotCheckError when the namespace holds no workload and no pod: a check over nothing would pass
 * vacuously, and the trading floor always has some.
 */
export async function observeWorkloads(kube: KubeReader, evidence: Evidence): Promise<WorkloadsObservation> {
  const [workloads, configMaps] = await Promise.all([listWorkloads(kube), kube.listConfigMaps()])
  evidence.json('workloads', workloads)
  evidence.json('configmaps', configMaps)
  if (workloads.length === 0) {
    throw new CouldNotCheckError(
      'the namespace holds no Deployment, StatefulSet, DaemonSet, ReplicaSet, CronJob, Job or Pod, so there is nothing ' +
        'to judge (the trading floor always has workloads); check --namespace and the kube context',
    )
  }
  return { workloads, configMaps }
}
