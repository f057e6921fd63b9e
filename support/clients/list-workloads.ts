import type { Workload } from '../kube-posture/workload.ts'
import type { KubeReader } from './kube-reader.ts'

/**
 * Lists every Deployment, StatefulSet, CronJob and Job of the namespace, each with its `kind` set (list items come
 * without one), in that order. Reads are the reader's shared snapshot; a failed read throws `CouldNotCheckError`.
 */
export async function listWorkloads(kube: KubeReader): Promise<Workload[]> {
  const [deployments, statefulSets, cronJobs, jobs] = await Promise.all([
    kube.listDeployments(),
    kube.listStatefulSets(),
    kube.listCronJobs(),
    kube.listJobs(),
  ])
  return [
    ...deployments.map((item): Workload => ({ ...item, kind: 'Deployment' })),
    ...statefulSets.map((item): Workload => ({ ...item, kind: 'StatefulSet' })),
    ...cronJobs.map((item): Workload => ({ ...item, kind: 'CronJob' })),
    ...jobs.map((item): Workload => ({ ...item, kind: 'Job' })),
  ]
}
