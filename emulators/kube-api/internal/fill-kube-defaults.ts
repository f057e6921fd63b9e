import { createHash } from 'node:crypto'
import { UsageError } from '../../../support/errors.ts'
import type { KubeObject } from '../kube-object.ts'
import { findResourceTypeByKind, getApiVersion, SERVED_KUBE_KINDS } from '../kube-resource-types.ts'
import { formatKubeTime } from '../render-relative-times.ts'

/** The namespace objects of namespaced kinds land in when they name none. */
export const DEFAULT_KUBE_NAMESPACE = 'trading-floor'

/** What {@link fillKubeDefaults} needs from its caller. */
export interface FillKubeDefaultsContext {
  /** The clock for a missing `creationTimestamp`. */
  now: Date
  /** Hands out the next `resourceVersion` for an object without one. */
  nextResourceVersion: () => string
  /** Where the object came from, for error messages, e.g. `fixtures/floor/kube/10-workloads.yaml#2`. */
  source: string
}

/**
 * Returns a copy of an object with the fields the API server would have set: namespace, uid,
 * resourceVersion, creationTimestamp and (for workloads) generation.
 * @throws UsageError for a kind the emulator does not serve, or a namespace on a cluster-scoped kind.
 */
export function fillKubeDefaults(object: KubeObject, context: FillKubeDefaultsContext): KubeObject {
  const type = findResourceTypeByKind(object.kind, object.apiVersion)
  if (type === undefined) {
    throw new UsageError(
      `${context.source}: the kube-api emulator does not serve ${object.apiVersion} ${object.kind} "${object.metadata.name}". ` +
        `Served kinds: ${SERVED_KUBE_KINDS.join(', ')} (Secrets are never served). Remove the object or change its apiVersion/kind.`,
    )
  }
  const metadata = { ...object.metadata }
  if (type.namespaced) metadata.namespace ??= DEFAULT_KUBE_NAMESPACE
  else if (metadata.namespace !== undefined) {
    throw new UsageError(
      `${context.source}: ${type.kind} "${metadata.name}" is cluster-scoped but has metadata.namespace "${metadata.namespace}". Remove the namespace.`,
    )
  }
  metadata.uid ??= createKubeUid(type.kind, metadata.namespace, metadata.name)
  metadata.resourceVersion ??= context.nextResourceVersion()
  metadata.creationTimestamp ??= formatKubeTime(context.now)
  if (type.hasGeneration) metadata.generation ??= 1
  return { ...structuredClone(object), apiVersion: getApiVersion(type), metadata }
}

/** A stable UUID-shaped uid derived from kind, namespace and name, so fixtures load the same way every time. */
export function createKubeUid(kind: string, namespace: string | undefined, name: string): string {
  const hex = createHash('sha1').update(`${kind}/${namespace ?? ''}/${name}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The identity of an object: `Kind namespace/name` (or `Kind name` when cluster-scoped). */
export function describeKubeObject(object: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const { namespace, name } = object.metadata
  return namespace === undefined ? `${object.kind} "${name}"` : `${object.kind} "${namespace}/${name}"`
}
