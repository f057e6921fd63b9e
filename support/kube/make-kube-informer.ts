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
import { createBoundedKubeWatch } from './kube-http-library.ts'
import { checkListItems, withDeadline } from './kube-reader.ts'
import { KUBE_READ_LIMITS } from './kube-read-limits.ts'
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
  const listFn = async (): Promise<KubernetesListObject<KubernetesObject>> => {
    const call = kind.listWhole(kubeConfig, namespace, { timeoutMs, signal: options.closing })
    const whole = await withDeadline(`list ${kind.access.resource} in namespace ${namespace}`, call, timeoutMs, kind.access)
    return { metadata: { resourceVersion: whole.resourceVersion }, items: whole.items }
  }
  const watch = createBoundedKubeWatch(kubeConfig, { timeoutSeconds: options.watchSeconds, closing: options.closing, onOpen: options.onWatching })
  // @note client-node's own `Watch` reads through fetch with redirects followed: the informer is given openbell's.
  return new ListWatch(kind.path.replace('{ns}', encodeURIComponent(namespace)), watch, listFn, false)
}
