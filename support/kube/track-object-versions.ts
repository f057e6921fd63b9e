import { CouldNotCheckError } from '../errors.ts'

/** Remembers which version of each Kubernetes object one reader has seen, across all of its reads. */
export interface ObjectVersionTracker {
  /**
   * Records the objects a read returned (an object, a list of objects, or anything else, which is ignored) and
   * returns the value unchanged.
   * @throws {CouldNotCheckError} when an object was seen before by another read with another `resourceVersion`.
   */
  note<T>(read: string, value: T): T
}

interface Seen {
  read: string
  resourceVersion: string
}

interface ObjectMeta {
  uid?: unknown
  name?: unknown
  namespace?: unknown
  resourceVersion?: unknown
}

/**
 * Creates the tracker that keeps one reader's reads consistent: every check of a gate shares the reader, so two
 * reads that show the same object (a `get` and a `list` of ConfigMaps) must show the same version of it. An object
 * that changed between them means the checks would judge two different states of the cluster, and neither can be
 * trusted to speak for the gate: the later read becomes could-not-check (unverified), never a pass.
 */
export function createObjectVersionTracker(): ObjectVersionTracker {
  const seen = new Map<string, Seen>()
  const check = (read: string, object: unknown): void => {
    const metadata = (object as { metadata?: ObjectMeta } | null)?.metadata
    if (typeof metadata?.uid !== 'string' || typeof metadata.resourceVersion !== 'string') return
    const before = seen.get(metadata.uid)
    if (before === undefined) {
      seen.set(metadata.uid, { read, resourceVersion: metadata.resourceVersion })
      return
    }
    if (before.resourceVersion === metadata.resourceVersion) return
    const name = `${typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : ''}${String(metadata.name)}`
    throw new CouldNotCheckError(
      `${name} changed while this gate was reading it ("${before.read}" saw resourceVersion ${before.resourceVersion}, ` +
        `"${read}" saw ${metadata.resourceVersion}), so its checks would judge two different states of the cluster. ` +
        'Rerun openbell once nobody is changing it.',
    )
  }
  return {
    note(read, value) {
      if (Array.isArray(value)) value.forEach((item) => check(read, item))
      else check(read, value)
      return value
    },
  }
}
