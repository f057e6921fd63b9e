import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  ListWatch,
  type Configuration,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node'
import type { ResolvedConfig } from '../config/index.ts'
import { KUBE_READS, type KubeRead } from '../gates/index.ts'
import { createBoundedKubeWatch, KubeTransportError } from './kube-http-library.ts'
import { checkListItems, withDeadline } from './kube-reader.ts'
import { KUBE_READ_LIMITS, KUBE_WATCH_LIMITS } from './kube-read-limits.ts'
import { makeKubeApiClient } from './make-kube-api-client.ts'
import { readAllPages, type ListPage, type PageQuery, type WholeList } from './read-all-pages.ts'

/** How one followed kind is read: its collection's path, the grant its list needs, and the list read whole. */
interface FollowedKind {
  /** Under the namespace, `{ns}`. */
  path: string
  access: KubeRead
  listWhole: (kubeConfig: KubeConfig, namespace: string, limits: { timeoutMs: number; signal: AbortSignal }) => Promise<WholeList<KubernetesObject>>
}

function followed<Api>(path: string, access: KubeRead, api: new (configuration: Configuration) => Api, page: (api: Api, query: { namespace: string } & PageQuery) => Promise<ListPage<KubernetesObject>>): FollowedKind {
  return {
    path,
    access,
    listWhole: (kubeConfig, namespace, { timeoutMs, signal }) => {
      // @note one client per list, as for the gates' reads: the pages of one list share one byte budget.
      const client = makeKubeApiClient(kubeConfig, api, { timeoutMs, maxBytes: KUBE_READ_LIMITS.maxBytes, signal })
      return readAllPages((query) => page(client, { namespace, ...query }), checkListItems)
    },
  }
}

/** The kinds `openbell watch` follows in the namespace: the objects the gates judge (`gate-kube-reads.ts`). */
export const FOLLOWED_KINDS: Readonly<Record<string, FollowedKind>> = Object.freeze({
  pods: followed('/api/v1/namespaces/{ns}/pods', KUBE_READS.listPods, CoreV1Api, (api, query) => api.listNamespacedPod(query)),
  configmaps: followed('/api/v1/namespaces/{ns}/configmaps', KUBE_READS.listConfigMaps, CoreV1Api, (api, query) => api.listNamespacedConfigMap(query)),
  events: followed('/api/v1/namespaces/{ns}/events', KUBE_READS.listEvents, CoreV1Api, (api, query) => api.listNamespacedEvent(query)),
  deployments: followed('/apis/apps/v1/namespaces/{ns}/deployments', KUBE_READS.listDeployments, AppsV1Api, (api, query) => api.listNamespacedDeployment(query)),
  statefulsets: followed('/apis/apps/v1/namespaces/{ns}/statefulsets', KUBE_READS.listStatefulSets, AppsV1Api, (api, query) => api.listNamespacedStatefulSet(query)),
  daemonsets: followed('/apis/apps/v1/namespaces/{ns}/daemonsets', KUBE_READS.listDaemonSets, AppsV1Api, (api, query) => api.listNamespacedDaemonSet(query)),
  replicasets: followed('/apis/apps/v1/namespaces/{ns}/replicasets', KUBE_READS.listReplicaSets, AppsV1Api, (api, query) => api.listNamespacedReplicaSet(query)),
  jobs: followed('/apis/batch/v1/namespaces/{ns}/jobs', KUBE_READS.listJobs, BatchV1Api, (api, query) => api.listNamespacedJob(query)),
  cronjobs: followed('/apis/batch/v1/namespaces/{ns}/cronjobs', KUBE_READS.listCronJobs, BatchV1Api, (api, query) => api.listNamespacedCronJob(query)),
})

/** A followed kind's informer: what to watch, how long a watch asks for, and what ends it. */
export interface KubeInformerOptions extends Pick<ResolvedConfig, 'namespace'> {
  /** One of {@link FOLLOWED_KINDS}. */
  kind: string
  /** Each list (all its pages) gives up after this long, its socket destroyed: the gates' request timeout. */
  timeoutMs: number
  /** `timeoutSeconds` of each watch; the informer watches again when the API server ends one. */
  watchSeconds: number
  /** Stops the informer's list and watch, their sockets destroyed; nothing starts after it. */
  closing: AbortSignal
  /** Told when a watch is open. */
  onWatching: () => void
}

/**
 * client-node's informer (`ListWatch`, not started) for one kind of the namespace, over openbell's transport: its
 * list is read whole through the bounded API clients (every page, `KUBE_READ_LIMITS`, no redirect; a failure says
 * why as the gates' reads do, scrubbed), and its watch is {@link createBoundedKubeWatch}. It emits `error` and stops
 * where a list or a watch fails (other than 410, where it lists again): the caller decides when to start it again.
 */
export function makeKubeInformer(kubeConfig: KubeConfig, options: KubeInformerOptions): ListWatch<KubernetesObject> {
  const kind = FOLLOWED_KINDS[options.kind]
  if (kind === undefined) throw new Error(`openbell does not follow ${options.kind}; it follows ${Object.keys(FOLLOWED_KINDS).join(', ')}`)
  const { namespace, timeoutMs } = options
  // @note what the informer holds, by namespace and name, mirrored here to bound it: ListWatch itself never forgets
  // an object the watch adds, so a hostile API server could grow it without end one small event at a time.
  const held = new Set<string>()
  // @note ListWatch lists and watches again at once on a 410: an API server answering 410 to every watch from the
  // list it has just given would keep it listing without pause (and the kind saying `watch`). A second such 410 in a
  // row stops the informer instead; the follower lists every interval and starts it again.
  let freshList = false
  let goneAtOnce = 0
  const listFn = async (): Promise<KubernetesListObject<KubernetesObject>> => {
    if (goneAtOnce >= 2) {
      goneAtOnce = 0
      throw new KubeTransportError('the API server said twice in a row, at once, that the resourceVersion of the list it had just given was gone (410); its watch cannot start')
    }
    const call = kind.listWhole(kubeConfig, namespace, { timeoutMs, signal: options.closing })
    const whole = await withDeadline(`list ${kind.access.resource} in namespace ${namespace}`, call, timeoutMs, kind.access)
    const items = whole.items.map(heldPartOf)
    held.clear()
    for (const item of items) held.add(keyOf(item))
    freshList = true
    return { metadata: { resourceVersion: whole.resourceVersion }, items }
  }
  const bounded = createBoundedKubeWatch(kubeConfig, { timeoutSeconds: options.watchSeconds, closing: options.closing, onOpen: options.onWatching })
  const watch: typeof bounded = {
    config: bounded.config,
    watch: (path, queryParams, callback, done) => {
      const fromFreshList = freshList
      freshList = false
      const startedAt = performance.now()
      const ended = (error: unknown) => {
        const gone = (error as { statusCode?: unknown } | null)?.statusCode === 410
        goneAtOnce = gone && fromFreshList && performance.now() - startedAt < KUBE_WATCH_LIMITS.droppedWithinMs ? goneAtOnce + 1 : 0
        return done(error)
      }
      return bounded.watch(path, queryParams, (type, object: KubernetesObject, event) => {
        const kept = heldPartOf(object)
        const key = keyOf(kept)
        if (type === 'DELETED') held.delete(key)
        else if (type === 'ADDED' || type === 'MODIFIED') {
          if (!held.has(key) && held.size >= KUBE_WATCH_LIMITS.maxObjects) {
            throw new KubeTransportError(`the watch would hold more than ${KUBE_WATCH_LIMITS.maxObjects} objects (KUBE_WATCH_LIMITS.maxObjects); the stream was cut`)
          }
          held.add(key)
        }
        callback(type, kept, event)
      }, ended)
    },
  }
  // @note client-node's own `Watch` reads through fetch with redirects followed: the informer is given openbell's.
  return new ListWatch(kind.path.replace('{ns}', encodeURIComponent(namespace)), watch, listFn, false)
}

/** The longest name a Kubernetes object may have (a DNS subdomain); no field the informer holds is longer. */
const KUBERNETES_NAME_MAX = 253

/**
 * What the informer holds of an object: what it files and compares it by (namespace, name, resourceVersion) and an
 * event's `type` (the follower's Warning filter), never its whole body, so the objects it holds stay small.
 * @throws {KubeTransportError} when one of those is longer than any Kubernetes object's.
 */
function heldPartOf(object: KubernetesObject): KubernetesObject {
  const { name, namespace, resourceVersion } = object.metadata ?? {}
  const type = (object as { type?: unknown }).type
  const fields = { name, namespace, resourceVersion, type }
  if (Object.values(fields).some((field) => typeof field === 'string' && field.length > KUBERNETES_NAME_MAX)) {
    throw new KubeTransportError(`a watched object's name, namespace, resourceVersion or type is longer than ${KUBERNETES_NAME_MAX} characters, more than any Kubernetes object's; the stream was cut`)
  }
  const metadata = Object.fromEntries(Object.entries({ name, namespace, resourceVersion }).filter(([, value]) => typeof value === 'string'))
  return { metadata, ...(typeof type === 'string' ? { type } : {}) } as KubernetesObject
}

/** Where the informer files an object (ListWatch: its namespace, then its name). */
function keyOf(object: KubernetesObject): string {
  return JSON.stringify([object.metadata?.namespace ?? '', object.metadata?.name ?? ''])
}
