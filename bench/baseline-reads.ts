/**
 * The plain baseline of the benchmark: the reads the runbook's gates make, written by hand with no harness (no
 * vitest, no openbell clients), one after another, against a running floor. openbell's overhead is a run's time
 * over this one's, measured in the same bench run on the same machine.
 *
 * As a script (`node --import tsx bench/baseline-reads.ts`) it reads its target from `KUBECONFIG`,
 * `FIRESTORE_EMULATOR_HOST`, `OPENBELL_NAMESPACE`, `OPENBELL_TENANT_ID` and `OPENBELL_FIRESTORE_PROJECT`, and
 * prints `{ "readsMs": …, "requests": … }`.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { deleteApp, initializeApp, applicationDefault } from 'firebase-admin/app'
import { FieldPath, getFirestore } from 'firebase-admin/firestore'
import { parse } from 'yaml'
import {
  SECTOR_IDS,
  SENTIMENT_SECTORS_PATH,
  opsCollectionPath,
  systemStatusPath,
  whaleTradesPath,
} from '../support/data/index.ts'

/** Where the baseline reads. */
export interface BaselineTarget {
  /** A kubeconfig whose current context has a bearer token and a loopback `http://` server. */
  kubeconfigPath: string
  /** `host:port` of the Firestore emulator. */
  firestoreEmulatorHost: string
  namespace: string
  tenantId: string
  firestoreProject: string
}

/** What one baseline pass did. */
export interface BaselineResult {
  /** Wall time of the reads, the Firestore client's creation included. */
  readsMs: number
  /** HTTP requests to the API server plus Firestore calls. */
  requests: number
}

/** The SelfSubjectAccessReviews of the start-of-run permission check: `[verb, group, resource, subresource]`. */
const ACCESS_REVIEWS = [
  ['list', '', 'configmaps'], ['get', '', 'configmaps'], ['list', '', 'pods'], ['list', '', 'events'],
  ['list', 'apps', 'deployments'], ['list', 'apps', 'statefulsets'], ['list', 'batch', 'jobs'], ['list', 'batch', 'cronjobs'],
  ['get', '', 'services', 'proxy'],
] as const

/** The service-proxy GETs of the gates: `[service:port, path]`. */
const PROXY_GETS = [
  ['marketdata-mcp-server:80', '/ops/status'], ['marketdata-mcp-server:80', '/metrics'], ['marketdata-mcp-server:80', '/healthz'],
  ['marketdata-mcp-server:80', '/heartbeat'], ['strategy-engine:80', '/ops/status'],
] as const

let appCount = 0

/** Makes every distinct read of the gates once, in sequence, and times them. */
export async function runBaselineReads(target: BaselineTarget): Promise<BaselineResult> {
  const { server, token } = readKubeconfig(target.kubeconfigPath)
  const ns = encodeURIComponent(target.namespace)
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' }
  let requests = 0
  const get = async (path: string, json = true): Promise<unknown> => {
    requests += 1
    const response = await fetch(`${server}${path}`, { headers })
    const body = await response.text()
    if (response.status !== 200) throw new Error(`[openbell] baseline: GET ${path} answered ${response.status}; is the floor up?`)
    return json ? JSON.parse(body) : body
  }
  const started = performance.now()
  for (const [verb, group, resource, subresource] of ACCESS_REVIEWS) {
    requests += 1
    const response = await fetch(`${server}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { namespace: target.namespace, verb, group, resource, ...(subresource ? { subresource } : {}) } },
      }),
    })
    await response.json()
  }
  await get('/version')
  for (const path of [
    `/apis/apps/v1/namespaces/${ns}/deployments`, `/apis/apps/v1/namespaces/${ns}/statefulsets`,
    `/apis/batch/v1/namespaces/${ns}/cronjobs`, `/apis/batch/v1/namespaces/${ns}/jobs`,
    `/api/v1/namespaces/${ns}/configmaps`, `/api/v1/namespaces/${ns}/configmaps/agenttrader-kill-switch`,
    `/api/v1/namespaces/${ns}/pods`, `/api/v1/namespaces/${ns}/events`,
  ]) await get(path)
  for (const [service, path] of PROXY_GETS) await get(`/api/v1/namespaces/${ns}/services/${service}/proxy${path}`, false)

  const app = initializeApp({ projectId: target.firestoreProject, credential: applicationDefault() }, `openbell-bench-baseline-${++appCount}`)
  const db = getFirestore(app)
  // @note the same settings as openbell's client: an insecure emulator channel, and no metadata-server lookup.
  db.settings({ host: target.firestoreEmulatorHost, ssl: false, universeDomain: 'googleapis.com' })
  try {
    const sectors = db.collection(SENTIMENT_SECTORS_PATH)
    const ops = db.collection(opsCollectionPath(target.tenantId))
    await db.getAll(...SECTOR_IDS.map((id) => sectors.doc(id)))
    await sectors.limit(12).get()
    await sectors.limit(1_000).count().get()
    await db.collection(whaleTradesPath(target.tenantId)).orderBy('timestamp', 'desc').limit(100).get()
    await db.doc(systemStatusPath(target.tenantId)).get()
    await ops.orderBy(FieldPath.documentId()).limit(20).get()
    await ops.limit(1_000).count().get()
    requests += 7
    return { readsMs: performance.now() - started, requests }
  } finally {
    await db.terminate()
    await deleteApp(app)
  }
}

/** The server and bearer token of a kubeconfig's current context; refuses anything but a loopback `http://` server. */
function readKubeconfig(file: string): { server: string; token: string } {
  const config = parse(readFileSync(file, 'utf8')) as {
    'current-context': string
    contexts: { name: string; context: { cluster: string; user: string } }[]
    clusters: { name: string; cluster: { server: string } }[]
    users: { name: string; user: { token?: string } }[]
  }
  const context = config.contexts.find((candidate) => candidate.name === config['current-context'])?.context
  const server = config.clusters.find((candidate) => candidate.name === context?.cluster)?.cluster.server ?? ''
  const token = config.users.find((candidate) => candidate.name === context?.user)?.user.token ?? ''
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(server)) {
    throw new Error(`[openbell] baseline: the kubeconfig ${file} points at ${JSON.stringify(server)}; it reads only a floor on 127.0.0.1.`)
  }
  return { server, token }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env
  const result = await runBaselineReads({
    kubeconfigPath: env.KUBECONFIG ?? '',
    firestoreEmulatorHost: env.FIRESTORE_EMULATOR_HOST ?? '',
    namespace: env.OPENBELL_NAMESPACE ?? 'trading-floor',
    tenantId: env.OPENBELL_TENANT_ID ?? 'demo-tenant',
    firestoreProject: env.OPENBELL_FIRESTORE_PROJECT ?? 'demo-openbell',
  })
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
