import type { V1ConfigMap } from '@kubernetes/client-node'
import { resolvePodEnv, type ResolvedContainerEnv } from './resolve-container-env.ts'
import { describeWorkload, type Workload, type WorkloadView } from './workload.ts'

/** One container of one workload, with its resolved environment. */
export interface WorkloadContainerEnv {
  /** The workload. */
  workload: WorkloadView
  /** The container's environment (init containers included). */
  env: ResolvedContainerEnv
}

/** Every container of every workload (init containers first), each with its environment resolved against `configMaps`. */
export function listContainerEnvs(workloads: readonly Workload[], configMaps: readonly V1ConfigMap[]): WorkloadContainerEnv[] {
  return workloads.flatMap((object) => {
    const workload = describeWorkload(object)
    return resolvePodEnv(workload.podSpec, configMaps, workload.namespace).map((env) => ({ workload, env }))
  })
}
