import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  VersionApi,
  type KubeConfig,
  type V1ConfigMap,
  type V1CronJob,
  type V1DaemonSet,
  type V1Deployment,
  type CoreV1Event,
  type V1Job,
  type V1Pod,
  type V1ReplicaSet,
  type V1Service,
  type V1StatefulSet,
  type Configuration,
} from '@kubernetes/client-node'
import type { ResolvedConfig } from '../config/index.ts'
import { CouldNotCheckError } from '../errors.ts'
import { withinDeadline } from '../within-deadline.ts'
import { redactText } from '../secrets/index.ts'
import { httpGet, type HttpObservation } from './http-get.ts'
import { describeRedirect, KubeTransportError } from './kube-http-library.ts'
import { KUBE_READ_LIMITS } from './kube-read-limits.ts'
import { KUBE_READS, kubeReadRule, READER_ROLE_FILE, type KubeRead, type KubeReadName } from '../gates/index.ts'
import { makeKubeApiClient } from './make-kube-api-client.ts'
import { describeKubeIdentity, type KubeIdentity } from '../config/index.ts'
import { IncompleteListError, readAllPages, type ListPage, type PageQuery } from './read-all-pages.ts'
import { createObjectVersionTracker } from './track-object-versions.ts'

/** Read-only access to one namespace of a cluster: the only Kubernetes client the gates use. */
export interface KubeReader {
  /** The API server URL and context in use. */
  readonly identity: KubeIdentity
  /** A ConfigMap, or `null` when the API server says it does not exist (404). */
  readConfigMap(name: string): Promise<V1ConfigMap | null>
  listConfigMaps(): Promise<V1ConfigMap[]>
  listPods(): Promise<V1Pod[]>
  listDeployments(): Promise<V1Deployment[]>
  listStatefulSets(): Promise<V1StatefulSet[]>
  listDaemonSets(): Promise<V1DaemonSet[]>
  listReplicaSets(): Promise<V1ReplicaSet[]>
  listJobs(): Promise<V1Job[]>
  listCronJobs(): Promise<V1CronJob[]>
  listServices(): Promise<V1Service[]>
  listEvents(): Promise<CoreV1Event[]>
  /** The API server's version, e.g. `v1.32.4`. */
  serverVersion(): Promise<string>
  /** GET a path of a Service through the API server's service proxy. */
  proxyGet(service: string, port: number, path: string): Promise<HttpObservation>
}

/**
 * `true` only when every reading method of {@link KubeReader} is listed in KUBE_READS and KUBE_READS lists no other:
 * a reader method nobody grants, or a grant for no method, does not compile.
 */
type ReadsMatchReader = [Exclude<keyof KubeReader, 'identity' | 'serverVersion'>] extends [KubeReadName]
  ? [KubeReadName] extends [Exclude<keyof KubeReader, 'identity' | 'serverVersion'>] ? true : false
  : false
true satisfies ReadsMatchReader

/** Options of {@link createKubeReader}: the namespace of the run's resolved config, and the reader's limits. */
export interface KubeReaderOptions extends Pick<ResolvedConfig, 'namespace'> {
  /** Each read (all the pages of a list) gives up after this long, its socket destroyed. @default 5000 */
  timeoutMs?: number
  /** The largest body read through the service proxy. @default 4 MiB */
  maxBytes?: number
  /** The most response body one API read may take, all pages together. @default KUBE_READ_LIMITS.maxBytes (32 MiB) */
  maxReadBytes?: number
}

/**
 * Creates the reader over a loaded kubeconfig. Every read is made once per reader and shared, so all checks
 * of a gate judge the same snapshot; a read that failed fails the same way for each of them. An object that two
 * reads show at different versions (it changed in between) makes the later read fail as could-not-check.
 * Failures that are not a clean 404 become {@link CouldNotCheckError}s: the checks are then unverified. Lists are read
 * to their end through `metadata.continue`; no redirect is followed and every body is capped (KUBE_READ_LIMITS).
 */
export function createKubeReader(kubeConfig: KubeConfig, options: KubeReaderOptions): KubeReader {
  const { namespace } = options
  const timeoutMs = options.timeoutMs ?? 5_000
  const limits = { timeoutMs, maxBytes: options.maxReadBytes ?? KUBE_READ_LIMITS.maxBytes }
  // @note a client per read: the pages of one list share one byte budget, and one read cannot use up another's.
  const client = <Api>(api: new (configuration: Configuration) => Api): Api => makeKubeApiClient(kubeConfig, api, limits)
  const server = kubeConfig.getCurrentCluster()?.server ?? ''
  const cache = new Map<string, Promise<unknown>>()
  const versions = createObjectVersionTracker()

  const read = <T>(what: string, call: () => Promise<T>, access: KubeRead | null, deadline = true): Promise<T> => {
    const cached = cache.get(what)
    if (cached) return cached as Promise<T>
    // @note a proxied GET carries its own deadline and names the service, not the API server, when it expires.
    // @note two reads of one reader (a get and a list) that show an object at two versions cannot both be judged.
    const pending = (deadline ? withDeadline(what, call(), timeoutMs, access) : call()).then((value) => versions.note(what, value))
    cache.set(what, pending)
    return pending
  }
  const list = <Api, T>(access: KubeRead, api: new (configuration: Configuration) => Api, call: (api: Api, page: PageQuery) => Promise<ListPage<T>>) =>
    read(`list ${access.resource} in namespace ${namespace}`, () => {
      const made = client(api)
      return readAllPages((page) => call(made, page), checkListItems).then((whole) => whole.items)
    }, access)

  return {
    identity: describeKubeIdentity(kubeConfig),
    readConfigMap: (name) =>
      read(`get configmap ${namespace}/${name}`, async () => {
        try {
          return await client(CoreV1Api).readNamespacedConfigMap({ name, namespace })
        } catch (error) {
          // @note only the API server's own NotFound means "does not exist"; a 404 page from a proxy in front is could-not-check.
          if (error instanceof ApiException && error.code === 404 && isNotFoundStatus(error.body)) return null
          throw error
        }
      }, KUBE_READS.readConfigMap),
    listConfigMaps: () => list(KUBE_READS.listConfigMaps, CoreV1Api, (api, page) => api.listNamespacedConfigMap({ namespace, ...page })),
    listPods: () => list(KUBE_READS.listPods, CoreV1Api, (api, page) => api.listNamespacedPod({ namespace, ...page })),
    listDeployments: () => list(KUBE_READS.listDeployments, AppsV1Api, (api, page) => api.listNamespacedDeployment({ namespace, ...page })),
    listStatefulSets: () => list(KUBE_READS.listStatefulSets, AppsV1Api, (api, page) => api.listNamespacedStatefulSet({ namespace, ...page })),
    listDaemonSets: () => list(KUBE_READS.listDaemonSets, AppsV1Api, (api, page) => api.listNamespacedDaemonSet({ namespace, ...page })),
    listReplicaSets: () => list(KUBE_READS.listReplicaSets, AppsV1Api, (api, page) => api.listNamespacedReplicaSet({ namespace, ...page })),
    listJobs: () => list(KUBE_READS.listJobs, BatchV1Api, (api, page) => api.listNamespacedJob({ namespace, ...page })),
    listCronJobs: () => list(KUBE_READS.listCronJobs, BatchV1Api, (api, page) => api.listNamespacedCronJob({ namespace, ...page })),
    listServices: () => list(KUBE_READS.listServices, CoreV1Api, (api, page) => api.listNamespacedService({ namespace, ...page })),
    listEvents: () => list(KUBE_READS.listEvents, CoreV1Api, (api, page) => api.listNamespacedEvent({ namespace, ...page })),
    serverVersion: () => read('get /version', async () => (await client(VersionApi).getCode()).gitVersion, null),
    proxyGet: (service, port, path) =>
      read(`proxy ${service}:${port}${path}`, async () => {
        const requestOptions = {}
        await kubeConfig.applyToHTTPSOptions(requestOptions)
        const base = server.replace(/\/+$/, '')
        const url = `${base}/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}:${port}/proxy${path}`
        const observation = await httpGet(url, { timeoutMs, maxBytes: options.maxBytes, requestOptions, label: `${service} ${path}` })
        // @note httpGet never follows a redirect; one from the service proxy means openbell could not look at the service.
        if (observation.status >= 300 && observation.status < 400) {
          throw new CouldNotCheckError(`proxy ${service}:${port}${path}: ${describeRedirect(observation.status, observation.location, new URL(url))}`)
        }
        // @note a 403 Status from the API server means openbell may not use the proxy: it could not look, the service did not answer.
        // @note so does a 401 Status: the API server refused the credentials before it asked the service anything.
        if (observation.status === 401 && isStatusWithReason(observation.body, 'Unauthorized')) {
          throw new CouldNotCheckError(`proxy ${service}:${port}${path}: the API server answered 401${NEXT_STEP[401]}`)
        }
        if (observation.status === 403 && isStatusWithReason(observation.body, 'Forbidden')) {
          throw new CouldNotCheckError(
            `proxy ${service}:${port}${path}: forbidden (403): ${parseStatus(observation.body)}. Grant openbell's identity this read: add ${kubeReadRule(KUBE_READS.proxyGet)} to the Role in ${READER_ROLE_FILE}`,
          )
        }
        return observation
      }, KUBE_READS.proxyGet, false),
  }
}

/** Turns a slow or failed API call into a CouldNotCheckError that names the call and the next step. */
export async function withDeadline<T>(what: string, call: Promise<T>, timeoutMs: number, access: KubeRead | null): Promise<T> {
  try {
    return await withinDeadline(call, timeoutMs, () => new CouldNotCheckError(`${what}: the API server did not answer within ${timeoutMs} ms`))
  } catch (error) {
    if (error instanceof CouldNotCheckError) throw error
    throw new CouldNotCheckError(`${what}: ${describeApiError(error, access)}`, { cause: error })
  }
}

function describeApiError(error: unknown, access: KubeRead | null): string {
  if (error instanceof ApiException) {
    const status = parseStatus(error.body)
    if (error.code === 403) {
      const grant = access ? `add ${kubeReadRule(access)} to the Role in ${READER_ROLE_FILE}` : `see ${READER_ROLE_FILE}`
      return `forbidden (403): ${status ?? 'the API server refused the read'}. Grant openbell's identity this read: ${grant}`
    }
    const said = status ?? describeBody(error.body)
    return `the API server answered ${error.code}${said ? `: ${said}` : ''}${NEXT_STEP[error.code] ?? ''}`
  }
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof KubeTransportError || error instanceof IncompleteListError) return message
  if (error instanceof SyntaxError || error instanceof ListShapeError) {
    return `the API server answered with a body openbell cannot read (${message.split('\n')[0]}); check that the kube context points at a Kubernetes API server`
  }
  return `cannot reach the API server (${message.split('\n')[0]}); check the kube context and that the API server is up`
}

/** What to do next after an odd status, appended to the message. */
const NEXT_STEP: Readonly<Record<number, string>> = Object.freeze({
  401: '; the credentials of the kube context were refused (expired?): renew them (e.g. `gcloud container clusters get-credentials`) and rerun',
  429: '; the API server is throttling openbell: rerun in a minute',
})

/** A list whose items are not Kubernetes objects (a body that only looked like a list). */
class ListShapeError extends Error {}

/** The items of a list, if each is an object with a name; a list of anything else cannot be judged. */
export function checkListItems<T>(items: T[]): T[] {
  if (!Array.isArray(items) || items.some((item) => typeof (item as { metadata?: { name?: unknown } })?.metadata?.name !== 'string')) {
    throw new ListShapeError('its items are not Kubernetes objects with a name')
  }
  return items
}

/** The start of a body that is not a Status, quoted, for a message. */
function describeBody(body: unknown): string | null {
  // @note scrub before the cut: a credential the body quotes across the cut would no longer match, and half would show.
  const text = typeof body === 'string' ? redactText(body.trim()) : ''
  return text === '' ? null : JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)
}

function isNotFoundStatus(body: unknown): boolean {
  try {
    const parsed = typeof body === 'string' ? JSON.parse(body) : body
    return parsed?.kind === 'Status' && parsed?.reason === 'NotFound'
  } catch {
    return false
  }
}

function isStatusWithReason(body: string, reason: 'Forbidden' | 'Unauthorized'): boolean {
  try {
    const parsed = JSON.parse(body)
    return parsed?.kind === 'Status' && parsed?.reason === reason
  } catch {
    return false
  }
}

function parseStatus(body: unknown): string | null {
  try {
    const parsed = typeof body === 'string' ? JSON.parse(body) : body
    return typeof parsed?.message === 'string' ? parsed.message : null
  } catch {
    return null
  }
}
