import { z } from 'zod'
import { findResourceTypeByKind, SERVED_KUBE_KINDS } from './kube-resource-types.ts'

/**
 * A change the stand-in makes to one of its objects while a run is in progress: once the object itself has been
 * read (`GET` of its URL) `afterReads` times, the merge patch (RFC 7386) is applied and its `resourceVersion` bumped.
 * @note counted per object, not over every request: the gates run in parallel, so a global request count would
 * make the moment of the change, and so the verdict, depend on scheduling.
 * @example { kind: 'ConfigMap', name: 'agenttrader-kill-switch', afterReads: 1, mergePatch: { data: { EXECUTION_HALTED: '1' } } }
 */
export interface KubeMutation {
  /** The kind, e.g. `ConfigMap`. */
  kind: string
  /** The object's name. */
  name: string
  /** The object's namespace. @default 'trading-floor' for namespaced kinds */
  namespace?: string
  /** How many reads of the object are answered before the change. */
  afterReads: number
  /** The change, as a JSON merge patch. */
  mergePatch: Record<string, unknown>
}

/** The zod schema of a {@link KubeMutation}; unknown fields are rejected. */
export const kubeMutationSchema = z.strictObject({
  kind: z.string().refine((kind) => findResourceTypeByKind(kind) !== undefined, `must be a kind the stand-in serves: ${SERVED_KUBE_KINDS.join(', ')}`),
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
  afterReads: z.number().int().min(1),
  mergePatch: z.record(z.string(), z.unknown()),
})
