import type { IncomingMessage, ServerResponse } from 'node:http'
import { UsageError } from '../../../support/errors.ts'
import type { KubeMutation } from '../kube-mutation.ts'
import { findResourceTypeByKind, type KubeResourceType } from '../kube-resource-types.ts'
import { mergePatch } from '../merge-patch.ts'
import { DEFAULT_KUBE_NAMESPACE } from './fill-kube-defaults.ts'
import type { KubeObjectStore } from './kube-object-store.ts'
import { parseKubePath } from './parse-kube-path.ts'

/** What the stand-in does to a request while faults are due. */
export interface MidRunFaults {
  /**
   * Called for every request before it is served; returns `false` when the request must not be served
   * (the stand-in has already gone away, and its connection is cut).
   */
  admit(req: IncomingMessage, res: ServerResponse): boolean
}

interface PendingMutation {
  readonly mutation: KubeMutation
  readonly type: KubeResourceType
  readonly namespace: string | undefined
  reads: number
  applied: boolean
}

/**
 * The faults a scenario injects while a run is in progress, as data: the API server going away after it answered
 * `stopAfterRequests` requests (`halt` closes the listener and every connection), and objects that change after
 * they were read a number of times.
 * @throws {UsageError} when a mutation names a kind the stand-in does not serve.
 */
export function createMidRunFaults(
  options: { stopAfterRequests: number | null; mutations: readonly KubeMutation[] },
  store: KubeObjectStore,
  halt: () => void,
): MidRunFaults {
  const pending: PendingMutation[] = options.mutations.map((mutation, index) => {
    const type = findResourceTypeByKind(mutation.kind)
    if (type === undefined) throw new UsageError(`mutations[${index}]: kind "${mutation.kind}" is not served by the kube-api emulator.`)
    return { mutation, type, namespace: type.namespaced ? (mutation.namespace ?? DEFAULT_KUBE_NAMESPACE) : undefined, reads: 0, applied: false }
  })
  let answered = 0
  let halted = false

  const countRead = (req: IncomingMessage): void => {
    if (req.method !== 'GET' || pending.length === 0) return
    const parsed = parseKubePath(new URL(req.url ?? '/', 'http://kube-api.invalid').pathname)
    if (parsed.kind !== 'resource' || parsed.target.subresource !== undefined) return
    const { type, namespace, name } = parsed.target
    for (const entry of pending) {
      if (entry.applied || entry.type !== type || entry.namespace !== namespace || entry.mutation.name !== name) continue
      entry.reads += 1
      if (entry.reads < entry.mutation.afterReads) continue
      entry.applied = true
      const current = store.get(type, namespace, name)
      // @note the object may be gone (a scenario removed it); then there is nothing to change.
      if (current !== undefined) store.commit(type, mergePatch(current, entry.mutation.mergePatch))
    }
  }

  return {
    admit(req, res) {
      if (halted) {
        req.socket.destroy()
        return false
      }
      // @note counted when the answer is complete, so the read that triggers a change still sees the old object.
      res.once('finish', () => {
        countRead(req)
        answered += 1
        if (options.stopAfterRequests !== null && answered >= options.stopAfterRequests && !halted) {
          halted = true
          halt()
        }
      })
      return true
    },
  }
}
