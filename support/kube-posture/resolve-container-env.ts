import type { V1ConfigMap, V1Container, V1PodSpec } from '@kubernetes/client-node'
import { expandEnvReferences } from './expand-env-references.ts'

/** Where one effective variable's value comes from; Secrets and files are named, never read. */
export type EnvSource =
  | { source: 'literal'; value: string }
  | { source: 'configMap'; name: string; key: string; value: string; via: 'env' | 'envFrom' }
  | { source: 'secret'; name: string; key: string }
  | { source: 'field'; fieldPath: string }
  | { source: 'resourceField'; resource: string; containerName?: string }
  | { source: 'file'; volumeName: string; path: string; key: string }
  | { source: 'unresolvable'; name: string; key: string; reason: string }

/** An `envFrom` source whose keys cannot be listed: a Secret (never read) or a missing ConfigMap. */
export interface OpaqueEnvSource {
  /** What it is. */
  source: 'secret' | 'missing-configMap'
  /** The Secret's or ConfigMap's name. */
  name: string
  /** The prefix put before each of its keys. */
  prefix: string
  /** Whether the pod starts without it. */
  optional: boolean
}

/** The effective environment of one container, as the kubelet builds it. */
export interface ResolvedContainerEnv {
  /** The container's name. */
  container: string
  /** Whether it is an init container. */
  init: boolean
  /** Each variable's final source, in the order the variables were first defined. */
  vars: ReadonlyMap<string, EnvSource>
  /** `envFrom` sources that may define variables not listed in {@link ResolvedContainerEnv.vars}. */
  opaque: readonly OpaqueEnvSource[]
}

/**
 * Resolves a container's environment like the kubelet: `envFrom` sources in order (each key behind its `prefix`;
 * a later source wins), then `env` entries in order (a later entry wins; `$(NAME)` in a `value` is expanded against
 * what is defined so far). `configMapKeyRef` is read from `configMaps`; a missing optional key is absent, a missing
 * required one is `unresolvable`. Secrets, `fieldRef`, `resourceFieldRef` and `fileKeyRef` are named, not read.
 * @param namespace the workload's namespace; a ConfigMap with another namespace is not used. @default any namespace
 */
export function resolveContainerEnv(
  podSpec: V1PodSpec,
  container: V1Container,
  configMaps: readonly V1ConfigMap[],
  namespace?: string,
): ResolvedContainerEnv {
  const findConfigMap = (name: string) =>
    configMaps.find((map) => map.metadata?.name === name && (namespace === undefined || (map.metadata?.namespace ?? namespace) === namespace))
  const vars = new Map<string, EnvSource>()
  const opaque: OpaqueEnvSource[] = []

  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? ''
    if (from.secretRef !== undefined) {
      opaque.push({ source: 'secret', name: from.secretRef.name ?? '', prefix, optional: from.secretRef.optional === true })
      continue
    }
    const name = from.configMapRef?.name ?? ''
    const map = findConfigMap(name)
    if (map === undefined) {
      opaque.push({ source: 'missing-configMap', name, prefix, optional: from.configMapRef?.optional === true })
      continue
    }
    for (const [key, value] of Object.entries(map.data ?? {})) {
      vars.set(`${prefix}${key}`, { source: 'configMap', name, key, value, via: 'envFrom' })
    }
  }

  for (const entry of container.env ?? []) {
    const from = entry.valueFrom
    let resolved: EnvSource | undefined
    if (from === undefined) {
      const lookup = (name: string) => {
        const known = vars.get(name)
        return known?.source === 'literal' || known?.source === 'configMap' ? known.value : undefined
      }
      resolved = { source: 'literal', value: expandEnvReferences(entry.value ?? '', lookup) }
    } else if (from.configMapKeyRef !== undefined) {
      const { name = '', key, optional } = from.configMapKeyRef
      const value = findConfigMap(name)?.data?.[key]
      if (value !== undefined) resolved = { source: 'configMap', name, key, value, via: 'env' }
      else if (optional !== true) {
        const reason = findConfigMap(name) === undefined ? `ConfigMap ${name} is not there` : `ConfigMap ${name} has no key ${key}`
        resolved = { source: 'unresolvable', name, key, reason }
      }
    } else if (from.secretKeyRef !== undefined) {
      resolved = { source: 'secret', name: from.secretKeyRef.name ?? '', key: from.secretKeyRef.key }
    } else if (from.fieldRef !== undefined) {
      resolved = { source: 'field', fieldPath: from.fieldRef.fieldPath }
    } else if (from.resourceFieldRef !== undefined) {
      const { resource, containerName } = from.resourceFieldRef
      resolved = containerName === undefined ? { source: 'resourceField', resource } : { source: 'resourceField', resource, containerName }
    } else if (from.fileKeyRef !== undefined) {
      const { volumeName, path, key } = from.fileKeyRef
      resolved = { source: 'file', volumeName, path, key }
    }
    // @note an optional reference that resolves to nothing leaves an earlier definition (e.g. from envFrom) in place.
    if (resolved !== undefined) vars.set(entry.name, resolved)
  }

  const init = (podSpec.initContainers ?? []).some((candidate) => candidate === container || candidate.name === container.name)
  return { container: container.name, init, vars, opaque }
}

/** Every container of a pod spec, init containers first, with its resolved environment. */
export function resolvePodEnv(podSpec: V1PodSpec, configMaps: readonly V1ConfigMap[], namespace?: string): ResolvedContainerEnv[] {
  return [...(podSpec.initContainers ?? []), ...podSpec.containers].map((container) =>
    resolveContainerEnv(podSpec, container, configMaps, namespace),
  )
}
