import { setMaxListeners } from 'node:events'
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node'
import type { ResolvedConfig } from '../config/index.ts'
import { firstLineOf, MESSAGE_PREFIX } from '../errors.ts'
import { FOLLOWED_KINDS, makeKubeInformer } from '../kube/index.ts'
import { redactText } from '../secrets/index.ts'

/** Changes arriving this close together start one evaluation. */
const DEBOUNCE_MS = 150

/** Follows the namespace's objects and says when one changed. */
export interface KubeFollower {
  /** Per kind: `watch`, or `list every interval: <why>` where its list or watch was refused, redirected, cut or dropped. */
  follow(): Record<string, string>
  /** Resolves with the kind of the next change (Warning events only, for `events`), or of one not yet claimed; stops waiting on `signal`. */
  nextChange(signal: AbortSignal): Promise<string>
  close(): void
}

/** Where to follow: the run's namespace and request timeout, picked from the resolved config. */
export interface KubeFollowerOptions extends Pick<ResolvedConfig, 'namespace' | 'requestTimeoutMs'> {
  /** The run's kubeconfig, loaded once (the floor's in emulator mode, the CLI's in cluster mode); `null` when it could not be loaded, with `kubeConfigProblem`. */
  kubeConfig: KubeConfig | null
  /** Why there is no kubeconfig, for the report. @default 'no kubeconfig' */
  kubeConfigProblem?: string
  /** The watch's interval: a kind whose informer stopped on an error is started again after it; a watch asks to be ended (and renewed) after 2 × it, at least 5 s. */
  intervalMs: number
}

/**
 * Follows every followed kind of the namespace with client-node's informer (`ListWatch`) over openbell's bounded
 * transport (`makeKubeInformer` in support/kube: lists read whole through the bounded API clients, watches that never
 * follow a redirect, each event bounded, what a refusal says scrubbed). An object added, changed or deleted after
 * the first list is a change (of events, only `Warning` ones). Where the API server refuses or drops a watch (or the
 * list), the informer stops: the kind falls back to the evaluation's own list every interval, {@link
 * KubeFollower.follow} says why for the report, and the informer is started again after the interval. A 410 (the
 * watch's resourceVersion is gone) is not a fallback: the informer lists again and watches from there.
 */
export async function startKubeFollower(options: KubeFollowerOptions): Promise<KubeFollower> {
  const follow: Record<string, string> = {}
  const closing = new AbortController()
  // @note every kind's list and watch listen to the one signal that ends them all.
  setMaxListeners(4 * Object.keys(FOLLOWED_KINDS).length, closing.signal)
  let waiters: ((kind: string) => void)[] = []
  let debounce: NodeJS.Timeout | undefined
  let pendingKind: string | null = null
  // @note a change that arrives while an evaluation runs is kept: that evaluation may have read the object before it.
  let unclaimed: string | null = null
  const changed = (kind: string) => {
    pendingKind ??= kind
    debounce ??= setTimeout(() => {
      const first = pendingKind ?? 'unknown'
      debounce = undefined
      pendingKind = null
      if (waiters.length === 0) unclaimed ??= first
      for (const resolve of waiters.splice(0)) resolve(first)
    }, DEBOUNCE_MS)
  }
  const stops: (() => void)[] = []
  const { kubeConfig } = options
  for (const kind of Object.keys(FOLLOWED_KINDS)) {
    if (kubeConfig === null) follow[kind] = `list every interval: ${options.kubeConfigProblem ?? 'no kubeconfig'}`
    else stops.push(followKind(kubeConfig, kind, options, closing.signal, (state) => (follow[kind] = state), changed))
  }
  return {
    follow: () => ({ ...follow }),
    nextChange: (signal) => {
      const kind = unclaimed
      unclaimed = null
      if (kind !== null) return Promise.resolve(kind)
      return new Promise((resolve) => {
        waiters.push(resolve)
        // @note a wait that ended otherwise (the interval, a stop) leaves no waiter behind to swallow the next change.
        signal.addEventListener('abort', () => (waiters = waiters.filter((waiter) => waiter !== resolve)), { once: true })
      })
    },
    close: () => {
      closing.abort()
      for (const stop of stops) stop()
      clearTimeout(debounce)
    },
  }
}

/** Starts one kind's informer, and again an interval after it stopped on an error; returns what stops it for good. */
function followKind(
  kubeConfig: KubeConfig,
  kind: string,
  options: KubeFollowerOptions,
  closing: AbortSignal,
  setState: (state: string) => void,
  changed: (kind: string) => void,
): () => void {
  setState('list every interval: the watch is starting')
  // @note the objects of the lists before the first watch opens are the baseline, not changes; after it, a list
  // (a 410, a restart) is compared with what the informer holds, and what differs is a change.
  let baseline = true
  const informer = makeKubeInformer(kubeConfig, {
    kind,
    namespace: options.namespace,
    timeoutMs: options.requestTimeoutMs,
    watchSeconds: Math.max(5, Math.round(options.intervalMs / 1000) * 2),
    closing,
    onWatching: () => {
      baseline = false
      setState('watch')
    },
  })
  informer.on('change', (object: KubernetesObject) => {
    if (baseline || closing.aborted) return
    if (kind === 'events' && (object as { type?: string }).type !== 'Warning') return
    changed(kind)
  })
  let retry: NodeJS.Timeout | undefined
  const start = () => {
    void informer.start().catch((error: unknown) => stopped(error))
  }
  const stopped = (error: unknown) => {
    if (closing.aborted) return
    setState(`list every interval: ${describe(error)}`)
    clearTimeout(retry)
    retry = setTimeout(start, options.intervalMs)
  }
  informer.on('error', stopped)
  start()
  return () => {
    clearTimeout(retry)
    void informer.stop()
  }
}

/** Why a kind is listed every interval: the first line of the error, scrubbed, without openbell's own prefix. */
function describe(error: unknown): string {
  const line = firstLineOf(error)
  return redactText(line.startsWith(`${MESSAGE_PREFIX} `) ? line.slice(MESSAGE_PREFIX.length + 1) : line)
}
