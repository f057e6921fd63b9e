import type { V1ConfigMap, V1Container, V1EnvVar, V1EnvVarSource, V1PodSpec } from '@kubernetes/client-node'
import { expandEnvReferences } from './expand-env-references.ts'

/** Where one effective variable's value comes from; Secrets and files are named, never read. */
export type EnvSource =
  | { source: 'literal'; value: string }
  | {
      source: 'configMap'
      name: string
      key: string
      value: string
      via: 'env' | 'envFrom'
      /** `envFrom` sources listed after this one whose keys openbell cannot list, and which may redefine this variable. */
      mayBeOverriddenBy?: readonly OpaqueEnvSource[]
    }
  | { source: 'secret'; name: string; key: string }
  | { source: 'field'; fieldPath: string }
  | { source: 'resourceField'; resource: string; containerName?: string }
  | { source: 'file'; volumeName: string; path: string; key: string }
  | { source: 'unresolvable'; name: string; key: string; reason: string }
  | { source: 'malformed'; reason: string }

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
  /** What in the container's env is not shaped as Kubernetes defines it (a `value` that is a number, …); empty when all is well. */
  malformed: readonly string[]
}

/**
 * Resolves a container's environment like the kubelet: `envFrom` sources in order (each key behind its `prefix`;
 * a later source wins), then `env` entries in order (an `env` entry wins over every `envFrom` key, and a later entry
 * over an earlier one; `$(NAME)` in a `value` is expanded against what is defined so far). `configMapKeyRef` is read
 * from `configMaps`; a missing optional key is absent, a missing required one is `unresolvable`. Secrets, `fieldRef`,
 * `resourceFieldRef` and `fileKeyRef` are named, not read. A Secret in `envFrom` after a ConfigMap key is recorded on
 * that key (`mayBeOverriddenBy`): it may redefine it unseen. Anything not shaped as Kubernetes defines it (a `value`
 * that is not a string, an `env` that is not a list) is `malformed`, never guessed at.
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
  const malformed: string[] = []
  const configMapValue = (name: string, key: string, value: unknown, via: 'env' | 'envFrom'): EnvSource =>
    typeof value === 'string'
      ? { source: 'configMap', name, key, value, via }
      : { source: 'malformed', reason: `ConfigMap ${name} key ${key} is ${describeType(value)}, not a string` }

  for (const [index, from] of listOf(container.envFrom, 'envFrom', malformed).entries()) {
    const prefix = typeof from?.prefix === 'string' ? from.prefix : ''
    if (from?.secretRef !== undefined) {
      const secret: OpaqueEnvSource = { source: 'secret', name: String(from.secretRef.name ?? ''), prefix, optional: from.secretRef.optional === true }
      opaque.push(secret)
      for (const [name, source] of vars) {
        if (source.source !== 'configMap' || !name.startsWith(prefix)) continue
        vars.set(name, { ...source, mayBeOverriddenBy: [...(source.mayBeOverriddenBy ?? []), secret] })
      }
      continue
    }
    const name = from?.configMapRef?.name
    if (typeof name !== 'string') {
      malformed.push(`envFrom[${index}] is neither a ConfigMap nor a Secret with a name`)
      continue
    }
    const map = findConfigMap(name)
    if (map === undefined) {
      opaque.push({ source: 'missing-configMap', name, prefix, optional: from?.configMapRef?.optional === true })
      continue
    }
    for (const [key, value] of Object.entries(map.data ?? {})) {
      const source = configMapValue(name, key, value, 'envFrom')
      vars.set(`${prefix}${key}`, source)
      if (source.source === 'malformed') malformed.push(source.reason)
    }
  }

  for (const [index, entry] of listOf(container.env, 'env', malformed).entries()) {
    if (typeof entry?.name !== 'string') {
      malformed.push(`env[${index}] has a name that is ${describeType(entry?.name)}, not a string`)
      continue
    }
    const resolved = resolveEntry(entry, vars, findConfigMap, configMapValue)
    if (resolved?.source === 'malformed') malformed.push(`env[${index}] (${entry.name}): ${resolved.reason}`)
    // @note an optional reference that resolves to nothing leaves an earlier definition (e.g. from envFrom) in place.
    if (resolved !== undefined) vars.set(entry.name, resolved)
  }

  const init = (podSpec.initContainers ?? []).some((candidate) => candidate === container || candidate.name === container.name)
  return { container: String(container.name), init, vars, opaque, malformed }
}

/** The source of one `env` entry; `undefined` when an optional reference resolves to nothing. */
function resolveEntry(
  entry: V1EnvVar,
  vars: ReadonlyMap<string, EnvSource>,
  findConfigMap: (name: string) => V1ConfigMap | undefined,
  configMapValue: (name: string, key: string, value: unknown, via: 'env') => EnvSource,
): EnvSource | undefined {
  const from = entry.valueFrom as V1EnvVarSource | undefined | null
  if (from === undefined) {
    if (entry.value !== undefined && typeof entry.value !== 'string') return { source: 'malformed', reason: `value is ${describeType(entry.value)}, not a string` }
    const lookup = (name: string) => {
      const known = vars.get(name)
      return known?.source === 'literal' || known?.source === 'configMap' ? known.value : undefined
    }
    return { source: 'literal', value: expandEnvReferences(entry.value ?? '', lookup) }
  }
  if (from === null || typeof from !== 'object') return { source: 'malformed', reason: `valueFrom is ${describeType(from)}, not an object` }
  if (from.configMapKeyRef !== undefined) {
    const { name = '', key, optional } = from.configMapKeyRef
    const map = findConfigMap(name)
    const value = map?.data?.[key]
    if (value !== undefined) return configMapValue(name, key, value, 'env')
    if (optional === true) return undefined
    const reason = map === undefined ? `ConfigMap ${name} is not there` : `ConfigMap ${name} has no key ${key}`
    return { source: 'unresolvable', name, key, reason }
  }
  if (from.secretKeyRef !== undefined) return { source: 'secret', name: from.secretKeyRef.name ?? '', key: from.secretKeyRef.key }
  if (from.fieldRef !== undefined) return { source: 'field', fieldPath: from.fieldRef.fieldPath }
  if (from.resourceFieldRef !== undefined) {
    const { resource, containerName } = from.resourceFieldRef
    return containerName === undefined ? { source: 'resourceField', resource } : { source: 'resourceField', resource, containerName }
  }
  if (from.fileKeyRef !== undefined) {
    const { volumeName, path, key } = from.fileKeyRef
    return { source: 'file', volumeName, path, key }
  }
  return { source: 'malformed', reason: 'valueFrom names no source openbell knows' }
}

/** A field that must be a list, as a list; anything else is noted as malformed and judged as empty. */
function listOf<T>(value: readonly T[] | undefined | null, field: string, malformed: string[]): readonly (T | undefined)[] {
  if (value === undefined) return []
  if (Array.isArray(value)) return value
  malformed.push(`${field} is ${describeType(value)}, not a list`)
  return []
}

/** `a number (5)`, `null`, `an object`: what a value is, for a message. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (value === undefined) return 'missing'
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`
  return `a ${typeof value} (${String(value).slice(0, 40)})`
}

/**
 * Every container of a pod spec, init containers first, then the ephemeral ones, with its resolved environment.
 * @note an ephemeral container (`kubectl debug`) runs in the pod with an env of its own: it can trade like any other.
 */
export function resolvePodEnv(podSpec: V1PodSpec, configMaps: readonly V1ConfigMap[], namespace?: string): ResolvedContainerEnv[] {
  const malformed: string[] = []
  const containers = [
    ...listOf(podSpec.initContainers, 'initContainers', malformed),
    ...listOf(podSpec.containers, 'containers', malformed),
    ...listOf(podSpec.ephemeralContainers as V1Container[] | undefined, 'ephemeralContainers', malformed),
  ]
  const odd = containers.filter((container) => typeof container?.name !== 'string')
  if (odd.length > 0) malformed.push(`${odd.length} container(s) without a name`)
  const resolved = containers.filter((container) => typeof container?.name === 'string').map((container) => resolveContainerEnv(podSpec, container!, configMaps, namespace))
  // @note what cannot be read as a container is reported as one, so every rule sees it and none passes over it.
  return malformed.length === 0 ? resolved : [...resolved, { container: '(pod spec)', init: false, vars: new Map(), opaque: [], malformed }]
}
