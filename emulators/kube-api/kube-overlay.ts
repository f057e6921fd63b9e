import { z } from 'zod'
import { kubeObjectSchema } from './kube-object.ts'

const objectRef = {
  /** The kind, e.g. `ConfigMap`. */
  kind: z.string().min(1),
  /** The object name. */
  name: z.string().min(1),
  /** The namespace. @default 'trading-floor' for namespaced kinds */
  namespace: z.string().min(1).optional(),
}

/**
 * The schema of a scenario's change to the healthy floor: objects to remove, merge-patch (RFC 7386) and add,
 * applied in that order by {@link applyKubeOverlay}. Strings may hold `{{now-5m}}` placeholders.
 */
export const kubeOverlaySchema = z.strictObject({
  remove: z.array(z.strictObject(objectRef)).optional(),
  patch: z.array(z.strictObject({ ...objectRef, mergePatch: z.record(z.string(), z.unknown()) })).optional(),
  add: z.array(kubeObjectSchema).optional(),
})

/** A scenario's change to the healthy floor, as data. */
export type KubeOverlay = z.input<typeof kubeOverlaySchema>

/** The JSON Schema of {@link KubeOverlay}, for editors and `$schema` comments. */
export function getKubeOverlayJsonSchema(): object {
  return z.toJSONSchema(kubeOverlaySchema)
}
