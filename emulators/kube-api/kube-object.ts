import { z } from 'zod'

/** The metadata openbell reads from every Kubernetes object; other fields pass through untouched. */
export interface KubeObjectMeta {
  /** The object's name, unique per kind and namespace. */
  name: string
  /** The namespace, absent for cluster-scoped kinds such as Namespace. */
  namespace?: string
  /** The server-assigned identity. */
  uid?: string
  /** The optimistic-concurrency token, a decimal string bumped on every change. */
  resourceVersion?: string
  /** The spec generation of workloads, compared with `status.observedGeneration`. */
  generation?: number
  /** When the object was created, RFC 3339. */
  creationTimestamp?: string
  /** Labels, matched by label selectors. */
  labels?: Record<string, string>
  /** Annotations. */
  annotations?: Record<string, string>
  [field: string]: unknown
}

/** A Kubernetes object in its JSON wire form. */
export interface KubeObject {
  /** `v1` for core kinds, `<group>/<version>` otherwise. */
  apiVersion: string
  /** The kind, e.g. `ConfigMap`. */
  kind: string
  /** The object's metadata. */
  metadata: KubeObjectMeta
  [field: string]: unknown
}

/** The minimal shape every object must have before the emulator serves it (apiVersion, kind, metadata.name). */
export const kubeObjectSchema = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({
    name: z.string().min(1),
    namespace: z.string().min(1).optional(),
    uid: z.string().min(1).optional(),
    resourceVersion: z.string().regex(/^\d+$/, 'must be a decimal string such as "42"').optional(),
    generation: z.number().int().nonnegative().optional(),
    creationTimestamp: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
})
