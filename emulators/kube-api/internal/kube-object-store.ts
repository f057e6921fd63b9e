import { UsageError } from '../../../support/errors.ts'
import type { KubeObject } from '../kube-object.ts'
import { findResourceTypeByKind, type KubeResourceType } from '../kube-resource-types.ts'
import { describeKubeObject, fillKubeDefaults } from './fill-kube-defaults.ts'

/** What a watch is told of a change. */
export type KubeObjectListener = (type: 'ADDED' | 'MODIFIED', object: KubeObject) => void

/**
 * The emulator's in-memory objects, keyed by resource, namespace and name.
 * Reads return copies; the only write is {@link KubeObjectStore.commit}, which bumps `resourceVersion`.
 */
export class KubeObjectStore {
  readonly #objects = new Map<string, KubeObject>()
  readonly #subscribers = new Set<{ prefix: string; listener: KubeObjectListener }>()
  #resourceVersion = 0

  constructor(objects: readonly KubeObject[], now: Date) {
    for (const object of objects) {
      const version = Number(object.metadata.resourceVersion ?? 0)
      if (version > this.#resourceVersion) this.#resourceVersion = version
    }
    objects.forEach((object, index) => {
      const filled = fillKubeDefaults(object, {
        now,
        nextResourceVersion: () => this.#nextVersion(),
        source: `withObjects()[${index}]`,
      })
      const key = keyOf(findResourceTypeByKind(filled.kind)!, filled.metadata.namespace, filled.metadata.name)
      if (this.#objects.has(key)) {
        throw new UsageError(`withObjects()[${index}]: ${describeKubeObject(filled)} is given twice. Keep one of them.`)
      }
      this.#objects.set(key, filled)
    })
  }

  /** The latest resourceVersion handed out, as lists report it. */
  get resourceVersion(): string {
    return String(this.#resourceVersion)
  }

  /** The objects of one type, in one namespace or (without one) all, sorted by namespace then name like etcd keys. */
  list(type: KubeResourceType, namespace?: string): KubeObject[] {
    const prefix = namespace === undefined ? `${type.group}/${type.plural}/` : `${type.group}/${type.plural}/${namespace}/`
    return [...this.#objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => structuredClone(object))
  }

  /** One object, or undefined. */
  get(type: KubeResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const object = this.#objects.get(keyOf(type, namespace, name))
    return object && structuredClone(object)
  }

  /**
   * Stores a changed object and returns it with a new resourceVersion (and a new generation when its spec changed);
   * an unchanged object is returned as it was, as the API server does for a no-op patch.
   */
  commit(type: KubeResourceType, next: KubeObject): KubeObject {
    const key = keyOf(type, next.metadata.namespace, next.metadata.name)
    const current = this.#objects.get(key)
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(next)) return structuredClone(current)
    const metadata = { ...next.metadata, resourceVersion: this.#nextVersion() }
    const specChanged = JSON.stringify(current?.spec) !== JSON.stringify(next.spec)
    if (type.hasGeneration && specChanged && typeof metadata.generation === 'number') metadata.generation += 1
    const stored = { ...structuredClone(next), metadata }
    this.#objects.set(key, stored)
    for (const { prefix, listener } of this.#subscribers) if (key.startsWith(prefix)) listener(current === undefined ? 'ADDED' : 'MODIFIED', structuredClone(stored))
    return structuredClone(stored)
  }

  /** Calls `listener` for every change committed to objects of one type (and namespace) from now on: what a watch streams. */
  subscribe(type: KubeResourceType, namespace: string | undefined, listener: KubeObjectListener): () => void {
    const subscriber = { prefix: namespace === undefined ? `${type.group}/${type.plural}/` : `${type.group}/${type.plural}/${namespace}/`, listener }
    this.#subscribers.add(subscriber)
    return () => this.#subscribers.delete(subscriber)
  }

  /** Every object, for inspection by tests. */
  snapshot(): KubeObject[] {
    return [...this.#objects.values()].map((object) => structuredClone(object))
  }

  #nextVersion(): string {
    this.#resourceVersion += 1
    return String(this.#resourceVersion)
  }
}

function keyOf(type: KubeResourceType, namespace: string | undefined, name: string): string {
  return type.namespaced ? `${type.group}/${type.plural}/${namespace ?? ''}/${name}` : `${type.group}/${type.plural}/${name}`
}
