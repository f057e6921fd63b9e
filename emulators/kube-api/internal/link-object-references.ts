import { UsageError } from '../../../support/errors.ts'
import type { KubeObject } from '../kube-object.ts'
import { describeKubeObject } from './fill-kube-defaults.ts'

interface ObjectReference {
  kind?: string
  name?: string
  namespace?: string
  uid?: string
}

/**
 * Fills missing `uid`s of `metadata.ownerReferences[]` and of an Event's `involvedObject` from the object referred to
 * in the same set (same kind and name, same namespace), so fixtures need not repeat generated uids.
 * @throws UsageError when a reference without a uid points at an object that is not in the set.
 */
export function linkObjectReferences(objects: readonly KubeObject[]): KubeObject[] {
  return objects.map((object) => {
    let result = object
    const owners = object.metadata.ownerReferences
    if (Array.isArray(owners)) {
      const ownerReferences = (owners as ObjectReference[]).map((reference) => link(objects, object, reference, object.metadata.namespace))
      result = { ...result, metadata: { ...result.metadata, ownerReferences } }
    }
    const involved = object.kind === 'Event' ? (object.involvedObject as ObjectReference | undefined) : undefined
    if (involved !== undefined) {
      result = { ...result, involvedObject: link(objects, object, involved, involved.namespace) }
    }
    return result
  })
}

function link(objects: readonly KubeObject[], from: KubeObject, reference: ObjectReference, namespace: string | undefined): ObjectReference {
  if (reference.uid !== undefined) return reference
  const target = objects.find((candidate) =>
    candidate.kind === reference.kind &&
    candidate.metadata.name === reference.name &&
    candidate.metadata.namespace === namespace)
  if (target?.metadata.uid === undefined) {
    throw new UsageError(
      `${describeKubeObject(from)} refers to ${reference.kind} "${reference.name}" without a uid, ` +
        'and no such object is loaded. Add that object or give the reference a uid.',
    )
  }
  return { ...reference, uid: target.metadata.uid }
}
