import type { V1Pod } from '@kubernetes/client-node'
import type { KubeReader } from '../kube/index.ts'
import { CouldNotCheckError } from '../errors.ts'
import { describeRollouts, type WorkloadRollout } from '../health/index.ts'

/** Reads every Deployment, StatefulSet and DaemonSet of the namespace, with its wanted and ready pods. */
export async function readRollouts(kube: KubeReader): Promise<WorkloadRollout[]> {
  const [deployments, statefulSets, daemonSets] = await Promise.all([kube.listDeployments(), kube.listStatefulSets(), kube.listDaemonSets()])
  return describeRollouts(deployments, statefulSets, daemonSets)
}

/**
 * Reads the pods of the namespace for a rule over pods.
 * @throws CouldNotCheckError when there is no pod at all while workloads want some: a rule over no pod would pass
 * vacuously (the pods-ready check fails it outright), as `observeWorkloads` refuses a namespace with no workload.
 */
export async function listPodsWhereWanted(kube: KubeReader): Promise<V1Pod[]> {
  const [pods, rollouts] = await Promise.all([kube.listPods(), readRollouts(kube)])
  const wanting = rollouts.filter((rollout) => rollout.desired > 0)
  if (pods.length === 0 && wanting.length > 0) {
    throw new CouldNotCheckError(`the namespace has no pod, while ${wanting.map((rollout) => `${rollout.workload} wants ${rollout.desired}`).join(', ')}: there is nothing to judge`)
  }
  return pods
}
