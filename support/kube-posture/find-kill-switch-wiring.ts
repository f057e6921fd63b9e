import type { V1ConfigMap, V1Container, V1KeyToPath, V1PodSpec } from '@kubernetes/client-node'
import { KILL_SWITCH } from '../policies/kill-switch-value.ts'
import { inspectSource } from './inspect-source.ts'
import { listContainerEnvs } from './list-container-envs.ts'
import type { ResolvedContainerEnv } from './resolve-container-env.ts'
import type { Workload } from './workload.ts'

/** A container that has an `AGENT_MODE` but does not take `EXECUTION_HALTED` from the kill-switch ConfigMap. */
export interface KillSwitchGap {
  /** `Kind/namespace/name` of the workload. */
  object: string
  /** The container (init containers included). */
  container: string
  /** Its `AGENT_MODE` as seen, or how it is set when not visible. */
  agentMode: string
  /** What was found instead, for an operator. */
  message: string
}

type Wiring = { ok: true } | { ok: false; why: string }

/**
 * Lists the containers with an `AGENT_MODE` that do not take `EXECUTION_HALTED` from ConfigMap
 * `agenttrader-kill-switch`: neither as env (`configMapKeyRef` to its `EXECUTION_HALTED` key, or `envFrom` of it
 * without prefix, not overridden by a later `env` entry) nor as a file (`EXECUTION_HALTED_FILE` pointing at that key
 * inside a mounted volume from that ConfigMap). `configMaps` only helps resolve `AGENT_MODE` and `EXECUTION_HALTED_FILE`.
 */
export function findKillSwitchWiring(workloads: readonly Workload[], configMaps: readonly V1ConfigMap[] = []): KillSwitchGap[] {
  const gaps: KillSwitchGap[] = []
  for (const { workload, env } of listContainerEnvs(workloads, configMaps)) {
    const agentMode = env.vars.get('AGENT_MODE')
    if (agentMode === undefined) continue
    const seen = inspectSource(agentMode)
    const container = [...(workload.podSpec.initContainers ?? []), ...workload.podSpec.containers].find((c) => c.name === env.container)
    const viaEnv = envWiring(env)
    const viaFile = container === undefined ? { ok: false as const, why: 'container not found' } : fileWiring(workload.podSpec, container, env)
    if (viaEnv.ok || viaFile.ok) continue
    gaps.push({
      object: workload.id,
      container: env.container,
      agentMode: seen.state === 'value' ? seen.value : `not inspected (${seen.label})`,
      message:
        `${workload.id} container ${env.container} has AGENT_MODE but does not take ${KILL_SWITCH.key} from ConfigMap ` +
        `${KILL_SWITCH.configMap}: ${viaEnv.why}, and ${viaFile.why}; halting through the kill switch would not reach it`,
    })
  }
  return gaps
}

function envWiring(env: ResolvedContainerEnv): Wiring {
  const source = env.vars.get(KILL_SWITCH.key)
  if (source === undefined) {
    const fromEnvFrom = env.opaque.some((from) => from.source === 'missing-configMap' && from.name === KILL_SWITCH.configMap && from.prefix === '')
    return fromEnvFrom ? { ok: true } : { ok: false, why: `${KILL_SWITCH.key} is not set` }
  }
  if ((source.source === 'configMap' || source.source === 'unresolvable') && source.name === KILL_SWITCH.configMap && source.key === KILL_SWITCH.key) {
    return { ok: true }
  }
  const seen = inspectSource(source)
  return {
    ok: false,
    why:
      source.source === 'configMap'
        ? `${KILL_SWITCH.key} comes from ConfigMap ${source.name} key ${source.key}`
        : seen.state === 'value'
          ? `${KILL_SWITCH.key} is the literal ${JSON.stringify(seen.value)}`
          : `${KILL_SWITCH.key} ${seen.why}`,
  }
}

function fileWiring(podSpec: V1PodSpec, container: V1Container, env: ResolvedContainerEnv): Wiring {
  const fileVar = env.vars.get('EXECUTION_HALTED_FILE')
  const seen = fileVar === undefined ? undefined : inspectSource(fileVar)
  if (seen?.state !== 'value' || seen.value.trim() === '') return { ok: false, why: 'EXECUTION_HALTED_FILE is not set to a path' }
  const path = seen.value.trim()
  const volumes = new Map<string, V1KeyToPath[] | undefined>()
  for (const volume of podSpec.volumes ?? []) {
    if (volume.configMap?.name === KILL_SWITCH.configMap) volumes.set(volume.name, volume.configMap.items)
    const projected = volume.projected?.sources?.find((source) => source.configMap?.name === KILL_SWITCH.configMap)
    if (projected?.configMap !== undefined) volumes.set(volume.name, projected.configMap.items)
  }
  if (volumes.size === 0) return { ok: false, why: `EXECUTION_HALTED_FILE is ${path}, but the pod has no volume from ConfigMap ${KILL_SWITCH.configMap}` }
  const mounts = (container.volumeMounts ?? []).filter((mount) => volumes.has(mount.name))
  if (mounts.length === 0) {
    return { ok: false, why: `EXECUTION_HALTED_FILE is ${path}, but no volume from ConfigMap ${KILL_SWITCH.configMap} is mounted in this container` }
  }
  for (const mount of mounts) {
    const items = volumes.get(mount.name)
    const keyAt = (relative: string) => (items === undefined ? (relative.includes('/') ? undefined : relative) : items.find((item) => item.path === relative)?.key)
    const mountPath = mount.mountPath.replace(/\/+$/, '')
    if (mount.subPath !== undefined && mount.subPath !== '') {
      if (path === mountPath && keyAt(mount.subPath) === KILL_SWITCH.key) return { ok: true }
    } else if (path.startsWith(`${mountPath}/`) && keyAt(path.slice(mountPath.length + 1)) === KILL_SWITCH.key) {
      return { ok: true }
    }
  }
  const where = mounts.map((mount) => mount.mountPath).join(', ')
  return { ok: false, why: `EXECUTION_HALTED_FILE is ${path}, which is not the ${KILL_SWITCH.key} key of the kill-switch volume mounted at ${where}` }
}
