import { UsageError } from '../../support/errors.ts'
import { DEFAULT_KUBE_NAMESPACE, describeKubeObject, fillKubeDefaults } from './internal/fill-kube-defaults.ts'
import { linkObjectReferences } from './internal/link-object-references.ts'
import { validateKubeObject } from './internal/validate-kube-object.ts'
import type { KubeObject } from './kube-object.ts'
import { kubeOverlaySchema, type KubeOverlay } from './kube-overlay.ts'
import { findResourceTypeByKind } from './kube-resource-types.ts'
import { mergePatch } from './merge-patch.ts'
import { renderRelativeTimes } from './render-relative-times.ts'

/** How {@link applyKubeOverlay} renders the overlay. */
export interface ApplyKubeOverlayOptions {
  /** The clock `{{now-5m}}` placeholders in the overlay are rendered against. @default new Date() */
  now?: Date
}

/**
 * Returns a new object list with a scenario overlay applied: `remove`, then `patch` (RFC 7386 merge patch; arrays
 * replace), then `add` (with server defaults filled). The input list is not changed.
 * @throws UsageError when the overlay does not match {@link kubeOverlaySchema}, names a missing object, adds a duplicate,
 * or a patch renames an object.
 * @example applyKubeOverlay(floor, { patch: [{ kind: 'ConfigMap', name: 'agenttrader-kill-switch', mergePatch: { data: { EXECUTION_HALTED: '0' } } }] })
 */
export function applyKubeOverlay(objects: readonly KubeObject[], overlay: KubeOverlay, options: ApplyKubeOverlayOptions = {}): KubeObject[] {
  const now = options.now ?? new Date()
  const parsed = kubeOverlaySchema.safeParse(overlay)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new UsageError(`invalid kube overlay: ${problems.join('; ')}. An overlay has only "remove", "patch" and "add".`)
  }
  const { remove = [], patch = [], add = [] } = renderRelativeTimes(parsed.data, now)
  let result = objects.map((object) => structuredClone(object))
  for (const ref of remove) {
    const index = findIndex(result, ref, 'remove')
    result.splice(index, 1)
  }
  for (const [position, { mergePatch: change, ...ref }] of patch.entries()) {
    const index = findIndex(result, ref, 'patch')
    const before = result[index]!
    const after = validateKubeObject(mergePatch(before, change), `overlay patch[${position}]`)
    if (describeKubeObject(after) !== describeKubeObject(before)) {
      throw new UsageError(`overlay patch[${position}] turns ${describeKubeObject(before)} into ${describeKubeObject(after)}. Remove it and add the new object instead.`)
    }
    result[index] = after
  }
  let version = Math.max(0, ...result.map((object) => Number(object.metadata.resourceVersion ?? 0)))
  for (const [position, raw] of add.entries()) {
    const source = `overlay add[${position}]`
    const object = fillKubeDefaults(validateKubeObject(raw, source), { now, nextResourceVersion: () => String(++version), source })
    if (result.some((existing) => describeKubeObject(existing) === describeKubeObject(object))) {
      throw new UsageError(`${source}: ${describeKubeObject(object)} already exists. Patch it, or remove it first.`)
    }
    result.push(object)
  }
  result = linkObjectReferences(result)
  return result
}

function findIndex(objects: readonly KubeObject[], ref: { kind: string; name: string; namespace?: string | undefined }, verb: string): number {
  const namespaced = findResourceTypeByKind(ref.kind)?.namespaced ?? true
  const namespace = ref.namespace ?? (namespaced ? DEFAULT_KUBE_NAMESPACE : undefined)
  const index = objects.findIndex((object) =>
    object.kind === ref.kind && object.metadata.name === ref.name && object.metadata.namespace === namespace)
  if (index === -1) {
    const names = objects.filter((object) => object.kind === ref.kind).map((object) => object.metadata.name)
    throw new UsageError(
      `cannot ${verb} ${ref.kind} "${namespace ?? ''}${namespace ? '/' : ''}${ref.name}": no such object. ` +
        `Loaded ${ref.kind} objects: ${names.length > 0 ? names.join(', ') : 'none'}.`,
    )
  }
  return index
}
