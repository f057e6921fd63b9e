import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  VersionApi,
  type KubeConfig,
  type V1ConfigMap,
  type V1CronJob,
  type V1Deployment,
  type CoreV1Event,
  type V1Job,
  type V1Pod,
  type V1Service,
  type V1StatefulSet,
} from '@kubernetes/client-node'
import { CouldNotCheckError } from '../errors.ts'
import { httpGet, type HttpObservation } from './http-get.ts'

/** Read-only access to one namespace of a cluster: the only Kubernetes client the gates use. */
export interface KubeReader {
  /** The API server URL and context in use. */
  readonly identity: { server: string; context: string }
  /** A ConfigMap, or `null` when the API server says it does not exist (404). */
  readConfigMap(name: string): Promise<V1ConfigMap | null>
  listConfigMaps(): Promise<V1ConfigMap[]>
  listPods(): Promise<V1Pod[]>
  listDeployments(): Promise<V1Deployment[]>
  listStatefulSets(): Promise<V1StatefulSet[]>
  listJobs(): Promise<V1Job[]>
  listCronJobs(): Promise<V1CronJob[]>
  listServices(): Promise<V1Service[]>
  listEvents(): Promise<CoreV1Event[]>
  /** The API server's version, e.g. `v1.32.4`. */
  serverVersion(): Promise<string>
  /** GET a path of a Service through the API server's service proxy. */
  proxyGet(service: string, port: number, path: string): Promise<HttpObservation>
}

/** Options of {@link createKubeReader}. */
export interface KubeReaderOptions {
  namespace: string
  /** Each API call gives up after this long. @default 5000 */
  timeoutMs?: number
  /** The largest body read through the service proxy. @default 4 MiB */
  maxBytes?: number
}

/**
 * Creates the reader over a loaded kubeconfig. Every read is made once per reader and shared, so all checks
 * of a gate judge the same snapshot; a read that failed fails the same way for each of them.
 * Failures that are not a clean 404 become {@link CouldNotCheckError}s: the checks are then unverified.
 */
export function createKubeReader(kubeConfig: KubeConfig, options: KubeReaderOptions): KubeReader {
  const { namespace } = options
  const timeoutMs = options.timeoutMs ?? 5_000
  const core = kubeConfig.makeApiClient(CoreV1Api)
  const apps = kubeConfig.makeApiClient(AppsV1Api)
  const batch = kubeConfig.makeApiClient(BatchV1Api)
  const version = kubeConfig.makeApiClient(VersionApi)
  const server = kubeConfig.getCurrentCluster()?.server ?? ''
  const cache = new Map<string, Promise<unknown>>()

  const read = <T>(what: string, call: () => Promise<T>, deadline = true): Promise<T> => {
    const cached = cache.get(what)
    if (cached) return cached as Promise<T>
    // @note a proxied GET carries its own deadline and names the service, not the API server, when it expires.
    const pending = deadline ? withDeadline(what, call(), timeoutMs) : call()
    cache.set(what, pending)
    return pending
  }
  const list = <T>(resource: string, call: () => Promise<{ items: T[] }>) =>
    read(`list ${resource} in namespace ${namespace}`, async () => (await call()).items)

  return {
    identity: { server, context: kubeConfig.getCurrentContext() },
    readConfigMap: (name) =>
      read(`get configmap ${namespace}/${name}`, async () => {
        try {
          return await core.readNamespacedConfigMap({ name, namespace })
        } catch (error) {
          if (error instanceof ApiException && error.code === 404) return null
          throw error
        }
      }),
    listConfigMaps: () => list('configmaps', () => core.listNamespacedConfigMap({ namespace })),
    listPods: () => list('pods', () => core.listNamespacedPod({ namespace })),
    listDeployments: () => list('deployments', () => apps.listNamespacedDeployment({ namespace })),
    listStatefulSets: () => list('statefulsets', () => apps.listNamespacedStatefulSet({ namespace })),
    listJobs: () => list('jobs', () => batch.listNamespacedJob({ namespace })),
    listCronJobs: () => list('cronjobs', () => batch.listNamespacedCronJob({ namespace })),
    listServices: () => list('services', () => core.listNamespacedService({ namespace })),
    listEvents: () => list('events', () => core.listNamespacedEvent({ namespace })),
    serverVersion: () => read('get /version', async () => (await version.getCode()).gitVersion),
    proxyGet: (service, port, path) =>
      read(`proxy ${service}:${port}${path}`, async () => {
        const requestOptions = {}
        await kubeConfig.applyToHTTPSOptions(requestOptions)
        const base = server.replace(/\/+$/, '')
        const url = `${base}/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}:${port}/proxy${path}`
        return httpGet(url, { timeoutMs, maxBytes: options.maxBytes, requestOptions, label: `${service} ${path}` })
      }, false),
  }
}

/** Turns a slow or failed API call into a CouldNotCheckError that names the call and the next step. */
async function withDeadline<T>(what: string, call: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CouldNotCheckError(`${what}: the API server did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([call, deadline])
  } catch (error) {
    if (error instanceof CouldNotCheckError) throw error
    throw new CouldNotCheckError(`${what}: ${describeApiError(error)}`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

function describeApiError(error: unknown): string {
  if (error instanceof ApiException) {
    const status = parseStatus(error.body)
    if (error.code === 403) {
      return `forbidden (403): ${status ?? 'the API server refused the read'}. Grant openbell's ServiceAccount this read (see deploy/rbac)`
    }
    return `the API server answered ${error.code}${status ? `: ${status}` : ''}`
  }
  const message = error instanceof Error ? error.message : String(error)
  return `cannot reach the API server (${message.split('\n')[0]}); check the kube context and that the API server is up`
}

function parseStatus(body: unknown): string | null {
  try {
    const parsed = typeof body === 'string' ? JSON.parse(body) : body
    return typeof parsed?.message === 'string' ? parsed.message : null
  } catch {
    return null
  }
}
