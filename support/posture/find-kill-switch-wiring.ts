import type { V1ConfigMap, V1Container, V1KeyToPath, V1PodSpec } from '@kubernetes/client-node'
import { KILL_SWITCH } from './kill-switch-value.ts'
import { inspectSource } from './inspect-source.ts'
import { EXECUTION_WORKLOAD_NAME } from './find-posture-violations.ts'
import { listContainerEnvs } from './list-container-envs.ts'
import type { ResolvedContainerEnv } from './resolve-container-env.ts'
import type { Workload, WorkloadView } from './workload.ts'

/** An agent container that does not take `EXECUTION_HALTED` from the kill-switch ConfigMap, or of which openbell cannot tell. */
export interface KillSwitchGap {
  /** `Kind/namespace/name` of the workload or pod. */
  object: string
  /** The container (init containers included). */
  container: string
  /** Its `AGENT_MODE` as seen, `unset`, or how it is set when not visible. */
  agentMode: string
  /** `not-wired`: halting through the kill switch would not reach it; `cannot-tell`: what decides it is out of openbell's sight. */
  outcome: 'not-wired' | 'cannot-tell'
  /** What was found instead, for an operator. */
  message: string
}

/** Every agent container found, and the gaps among them. */
export interface KillSwitchWiring {
  /** `Kind/namespace/name container c` of each agent container judged. */
  agents: string[]
  gaps: KillSwitchGap[]
}

type Wiring = { ok: true } | { ok: false; why: string; cannotTell?: boolean }

/**
 * Judges every agent container of every workload and pod: a container with `AGENT_MODE` (from any source), and every
 * container of an execution workload, by its name or its `AGENT_ROLE` (reference §5.3, §8.1), whether or not it sets
 * `AGENT_MODE`. Each must take `EXECUTION_HALTED` from ConfigMap `agenttrader-kill-switch`: as env (`configMapKeyRef`
 * to its key, or `envFrom` of it without prefix, with no later `env` entry or `envFrom` source redefining it) or as a
 * file (`EXECUTION_HALTED_FILE` pointing at that key inside a mounted volume from that ConfigMap; AgentTrader reads
 * the file whenever the env is not truthy, so a file wiring cannot be undone by env). A Secret in `envFrom` after the
 * kill switch, or an env that is not shaped as Kubernetes defines it, is `cannot-tell`.
 */
export function findKillSwitchWiring(workloads: readonly Workload[], configMaps: readonly V1ConfigMap[] = []): KillSwitchWiring {
  const agents: string[] = []
  const gaps: KillSwitchGap[] = []
  for (const { workload, env } of listContainerEnvs(workloads, configMaps)) {
    const agentMode = env.vars.get('AGENT_MODE')
    const why = whyAgent(workload, env) ?? (env.malformed.length > 0 ? 'may be an agent' : undefined)
    if (why === undefined) continue
    agents.push(`${workload.id} container ${env.container}`)
    const seen = agentMode === undefined ? undefined : inspectSource(agentMode)
    const base = {
      object: workload.id,
      container: env.container,
      agentMode: seen === undefined ? 'unset' : seen.state === 'value' ? seen.value : `not inspected (${seen.label})`,
    }
    const lead = `${workload.id} container ${env.container} ${why}`
    if (env.malformed.length > 0) {
      gaps.push({
        ...base,
        outcome: 'cannot-tell',
        message: `${lead}, and openbell cannot tell whether it takes ${KILL_SWITCH.key} from ConfigMap ${KILL_SWITCH.configMap}: its env is not shaped as Kubernetes defines it (${env.malformed.join('; ')})`,
      })
      continue
    }
    const containers = [...(workload.podSpec.initContainers ?? []), ...workload.podSpec.containers, ...((workload.podSpec.ephemeralContainers ?? []) as V1Container[])]
    const container = containers.find((candidate) => candidate.name === env.container)
    const viaEnv = envWiring(env)
    const viaFile = container === undefined ? { ok: false as const, why: 'container not found' } : fileWiring(workload.podSpec, container, env)
    if (viaEnv.ok || viaFile.ok) continue
    const cannotTell = viaEnv.cannotTell === true
    gaps.push({
      ...base,
      outcome: cannotTell ? 'cannot-tell' : 'not-wired',
      message: cannotTell
        ? `${lead}, and openbell cannot tell whether it takes ${KILL_SWITCH.key} from ConfigMap ${KILL_SWITCH.configMap}: ${viaEnv.why}, and ${viaFile.why}`
        : `${lead} but does not take ${KILL_SWITCH.key} from ConfigMap ${KILL_SWITCH.configMap}: ${viaEnv.why}, and ${viaFile.why}; ` +
          'halting through the kill switch would not reach it',
    })
  }
  return { agents, gaps }
}

/** Why a container is an agent (`has AGENT_MODE`, `is an execution agent (AGENT_ROLE "execution")`), or `undefined`. */
function whyAgent(workload: WorkloadView, env: ResolvedContainerEnv): string | undefined {
  if (env.vars.has('AGENT_MODE')) return 'has AGENT_MODE'
  const role = env.vars.get('AGENT_ROLE')
  const seenRole = role === undefined ? undefined : inspectSource(role)
  if (seenRole?.state === 'value' && EXECUTION_WORKLOAD_NAME.test(seenRole.value)) {
    return `is an execution agent (AGENT_ROLE ${JSON.stringify(seenRole.value)}) with no AGENT_MODE`
  }
  if (EXECUTION_WORKLOAD_NAME.test(workload.name)) return `belongs to execution workload ${workload.name} and has no AGENT_MODE`
  return undefined
}

function envWiring(env: ResolvedContainerEnv): Wiring {
  const source = env.vars.get(KILL_SWITCH.key)
  if (source === undefined) {
    const fromEnvFrom = env.opaque.some((from) => from.source === 'missing-configMap' && from.name === KILL_SWITCH.configMap && from.prefix === '')
    return fromEnvFrom ? { ok: true } : { ok: false, why: `${KILL_SWITCH.key} is not set` }
  }
  if ((source.source === 'configMap' || source.source === 'unresolvable') && source.name === KILL_SWITCH.configMap && source.key === KILL_SWITCH.key) {
    const later = source.source === 'configMap' ? (source.mayBeOverriddenBy ?? []) : []
    if (later.length === 0) return { ok: true }
    const secrets = later.map((from) => `Secret ${from.name}${from.prefix === '' ? '' : ` (prefix ${from.prefix})`}`).join(', ')
    return {
      ok: false,
      cannotTell: true,
      why: `${KILL_SWITCH.key} comes from envFrom ConfigMap ${KILL_SWITCH.configMap}, but envFrom ${secrets} listed after it may redefine it, and openbell never reads Secrets`,
    }
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
