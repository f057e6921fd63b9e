import { setMaxListeners } from 'node:events'
import type { KubeConfig } from '@kubernetes/client-node'
import type { ResolvedConfig } from '../config/index.ts'
import { redactText } from '../secrets/index.ts'
import { describeStatus, request, stream, WatchDropped } from './bounded-kube-stream.ts'

/** Changes arriving this close together start one evaluation. */
const DEBOUNCE_MS = 150

/** The kinds followed, by API path under the namespace: the objects the gates judge (`gate-kube-reads.ts`). */
export const FOLLOWED_KINDS: Readonly<Record<string, string>> = Object.freeze({
  pods: '/api/v1/namespaces/{ns}/pods',
  configmaps: '/api/v1/namespaces/{ns}/configmaps',
  events: '/api/v1/namespaces/{ns}/events',
  deployments: '/apis/apps/v1/namespaces/{ns}/deployments',
  statefulsets: '/apis/apps/v1/namespaces/{ns}/statefulsets',
  daemonsets: '/apis/apps/v1/namespaces/{ns}/daemonsets',
  replicasets: '/apis/apps/v1/namespaces/{ns}/replicasets',
  jobs: '/apis/batch/v1/namespaces/{ns}/jobs',
  cronjobs: '/apis/batch/v1/namespaces/{ns}/cronjobs',
})

/** Follows the namespace's objects and says when one changed. */
export interface KubeFollower {
  /** Per kind: `watch`, or `list every interval: <why>` where the watch was refused or dropped. */
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
  /** A watch is renewed (and a refused one asked again) this often. */
  intervalMs: number
}

/**
 * Watches (`?watch=1`, with bookmarks) every followed kind in the namespace, through the same rules as the bounded
 * transport (`support/kube/kube-http-library.ts`): the kube context's credentials go to its own server only (a 3xx
 * is refused, never followed), each event is bounded in bytes, and what a refusal says is scrubbed. Where the API
 * server refuses or drops a watch, the kind falls back to the evaluation's own list every interval, and
 * {@link KubeFollower.follow} says so for the report; it is asked again at the next interval.
 */
export async function startKubeFollower(options: KubeFollowerOptions): Promise<KubeFollower> {
  const follow: Record<string, string> = {}
  const closing = new AbortController()
  // @note every kind's stream listens to the one signal that ends them all.
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
  const { kubeConfig } = options
  if (kubeConfig === null) {
    for (const kind of Object.keys(FOLLOWED_KINDS)) follow[kind] = `list every interval: ${options.kubeConfigProblem ?? 'no kubeconfig'}`
  } else {
    for (const [kind, template] of Object.entries(FOLLOWED_KINDS)) {
      follow[kind] = 'list every interval: the watch is starting'
      void followKind(kubeConfig, kind, template.replace('{ns}', encodeURIComponent(options.namespace)), options, closing.signal, (state) => (follow[kind] = state), changed)
    }
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
      clearTimeout(debounce)
    },
  }
}

async function followKind(
  kubeConfig: KubeConfig,
  kind: string,
  path: string,
  options: KubeFollowerOptions,
  closing: AbortSignal,
  setState: (state: string) => void,
  changed: (kind: string) => void,
): Promise<void> {
  while (!closing.aborted) {
    try {
      const list = await request(kubeConfig, `${path}?limit=1`, options.requestTimeoutMs, closing)
      const resourceVersion = (JSON.parse(list) as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion ?? ''
      const seconds = Math.max(5, Math.round(options.intervalMs / 1000) * 2)
      const openedAt = Date.now()
      await stream(kubeConfig, `${path}?watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(resourceVersion)}&timeoutSeconds=${seconds}`, closing, (event) => {
        setState('watch')
        if (event.type === 'BOOKMARK') return
        if (event.type === 'ERROR') throw new WatchDropped(`the API server ended the watch: ${describeStatus(event.object)}`)
        if (kind === 'events' && (event.object as { type?: string } | undefined)?.type !== 'Warning') return
        changed(kind)
      }, () => setState('watch'), (seconds + 5) * 1000)
      // @note the server ends a watch at `timeoutSeconds` and it is renewed; one that ends at once was dropped.
      if (Date.now() - openedAt < 1_000) throw new Error('the API server ended the watch at once')
    } catch (error) {
      if (closing.aborted) return
      setState(`list every interval: ${describe(error)}`)
      await sleep(options.intervalMs, closing)
    }
  }
}

function describe(error: unknown): string {
  return redactText(error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error))
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}
