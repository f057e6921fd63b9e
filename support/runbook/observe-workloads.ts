import type { V1ConfigMap } from '@kubernetes/client-node'
import type { KubeReader } from '../clients/kube-reader.ts'
import { listWorkloads } from '../clients/list-workloads.ts'
import type { Evidence } from '../evidence/create-evidence.ts'
import type { Workload } from '../kube-posture/workload.ts'

/** Every workload of the namespace and every ConfigMap, as read. Secrets are never read. */
export interface WorkloadsObservation {
  /** Deployments, StatefulSets, CronJobs and Jobs, each with `kind` set. */
  workloads: Workload[]
  /** Every ConfigMap of the namespace. */
  configMaps: V1ConfigMap[]
}

/**
 * Reads every Deployment, StatefulSet, CronJob, Job and ConfigMap of the namespace and records them as evidence
 * (`workloads.json`, `configmaps.json`; values of secret-like names redacted by the evidence writer).
 */
export async function observeWorkloads(kube: KubeReader, evidence: Evidence): Promise<WorkloadsObservation> {
  const [workloads, configMaps] = await Promise.all([listWorkloads(kube), kube.listConfigMaps()])
  evidence.json('workloads', workloads)
  evidence.json('configmaps', configMaps)
  return { workloads, configMaps }
}
