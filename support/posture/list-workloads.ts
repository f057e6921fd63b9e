import type { Workload } from './workload.ts'
import type { KubeReader } from '../kube/index.ts'

/**
 * Lists every Deployment, StatefulSet, DaemonSet, ReplicaSet, CronJob, Job and Pod of the namespace, each with its
 * `kind` set (list items come without one), in that order: every controller and every pod, owned or bare, is judged.
 * Reads are the reader's shared snapshot; a failed read throws `CouldNotCheckError`.
 */
export async function listWorkloads(kube: KubeReader): Promise<Workload[]> {
  const [deployments, statefulSets, daemonSets, replicaSets, cronJobs, jobs, pods] = await Promise.all([
    kube.listDeployments(),
    kube.listStatefulSets(),
    kube.listDaemonSets(),
    kube.listReplicaSets(),
    kube.listCronJobs(),
    kube.listJobs(),
    kube.listPods(),
  ])
  return [
    ...deployments.map((item): Workload => ({ ...item, kind: 'Deployment' })),
    ...statefulSets.map((item): Workload => ({ ...item, kind: 'StatefulSet' })),
    ...daemonSets.map((item): Workload => ({ ...item, kind: 'DaemonSet' })),
    ...replicaSets.map((item): Workload => ({ ...item, kind: 'ReplicaSet' })),
    ...cronJobs.map((item): Workload => ({ ...item, kind: 'CronJob' })),
    ...jobs.map((item): Workload => ({ ...item, kind: 'Job' })),
    ...pods.map((item): Workload => ({ ...item, kind: 'Pod' })),
  ]
}
