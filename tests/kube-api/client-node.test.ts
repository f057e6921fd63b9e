import { ApiException, AppsV1Api, AuthorizationV1Api, BatchV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, writeKubeconfig, type StartedKubeApi } from '../../emulators/kube-api/index.ts'

const NOW = new Date('2026-02-05T14:00:00Z')
const NS = 'trading-floor'

/** Runs a call that must fail and returns its ApiException. */
async function apiError(call: () => Promise<unknown>): Promise<ApiException<string>> {
  const error = await call().then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiException)
  return error as ApiException<string>
}

describe('kube-api emulator with @kubernetes/client-node 1.4 on the healthy floor', () => {
  let kube: StartedKubeApi
  let core: CoreV1Api
  let apps: AppsV1Api
  let batch: BatchV1Api
  let authz: AuthorizationV1Api

  beforeAll(async () => {
    kube = await new KubeApiEmulator()
      .withObjects(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW }))
      .withForbidden([{ resource: 'pods', verbs: ['list'], namespace: 'kube-system' }])
      .start()
    const config = new KubeConfig()
    config.loadFromFile(kube.kubeconfigPath)
    core = config.makeApiClient(CoreV1Api)
    apps = config.makeApiClient(AppsV1Api)
    batch = config.makeApiClient(BatchV1Api)
    authz = config.makeApiClient(AuthorizationV1Api)
  })
  afterAll(async () => {
    await kube?.stop()
  })

  it('lists pods with a label selector', async () => {
    const list = await core.listNamespacedPod({ namespace: NS, labelSelector: 'app.kubernetes.io/part-of=agenttrader-v2,strategy in (gamma,whale)' })
    expect(list.items.map((pod) => pod.metadata?.name)).toEqual(['gamma-strategy-0', 'whale-strategy-0'])
    expect(list.metadata?.resourceVersion).toMatch(/^\d+$/)
    expect(list.items[0]?.status?.phase).toBe('Running')
    expect(list.items[0]?.status?.containerStatuses?.[0]?.state?.running?.startedAt).toEqual(new Date('2026-02-05T11:00:04Z'))
  })

  it('lists pods across namespaces with a field selector', async () => {
    const running = await core.listPodForAllNamespaces({ fieldSelector: 'status.phase=Running' })
    expect(running.items).toHaveLength(5)
    const pending = await core.listPodForAllNamespaces({ fieldSelector: 'status.phase=Pending' })
    expect(pending.items).toEqual([])
  })

  it('reads the kill-switch ConfigMap', async () => {
    const configMap = await core.readNamespacedConfigMap({ name: 'agenttrader-kill-switch', namespace: NS })
    expect(configMap.data).toEqual({ EXECUTION_HALTED: '1' })
    expect(configMap.kind).toBe('ConfigMap')
  })

  it('answers a missing ConfigMap with ApiException 404 and a NotFound Status', async () => {
    const error = await apiError(() => core.readNamespacedConfigMap({ name: 'nope', namespace: NS }))
    expect(error.code).toBe(404)
    expect(JSON.parse(error.body)).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'configmaps "nope" not found',
      reason: 'NotFound', details: { name: 'nope', kind: 'configmaps' }, code: 404,
    })
  })

  it('refuses to read a Secret with 403 Forbidden', async () => {
    const error = await apiError(() => core.readNamespacedSecret({ name: 'trader-secrets', namespace: NS }))
    expect(error.code).toBe(403)
    expect(JSON.parse(error.body)).toMatchObject({
      reason: 'Forbidden',
      message: 'secrets "trader-secrets" is forbidden: User "system:serviceaccount:trading-floor:openbell" cannot get resource "secrets" in API group "" in the namespace "trading-floor"',
    })
    expect((await apiError(() => core.listNamespacedSecret({ namespace: NS }))).code).toBe(403)
  })

  it('merge-patches a ConfigMap and answers a stale resourceVersion with 409 Conflict', async () => {
    const before = await core.readNamespacedConfigMap({ name: 'agenttrader-safety', namespace: NS })
    const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch)
    const after = await core.patchNamespacedConfigMap(
      { name: 'agenttrader-safety', namespace: NS, body: { metadata: { resourceVersion: before.metadata?.resourceVersion }, data: { STALE_THRESHOLD_SECONDS: '45' } } },
      mergePatch,
    )
    expect(after.data).toEqual({ KILL_SWITCH: 'true', STALE_THRESHOLD_SECONDS: '45' })
    expect(Number(after.metadata?.resourceVersion)).toBeGreaterThan(Number(before.metadata?.resourceVersion))
    const error = await apiError(() => core.patchNamespacedConfigMap(
      { name: 'agenttrader-safety', namespace: NS, body: { metadata: { resourceVersion: before.metadata?.resourceVersion }, data: { STALE_THRESHOLD_SECONDS: '30' } } },
      mergePatch,
    ))
    expect(error.code).toBe(409)
    expect(JSON.parse(error.body)).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "agenttrader-safety": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  it('applies a JSON patch, the content type client-node sends by default', async () => {
    const patched = await core.patchNamespacedConfigMap({
      name: 'agenttrader-heartbeat-strategy-engine', namespace: NS,
      body: [{ op: 'replace', path: '/data/last_seen', value: '2026-02-05T13:59:30Z' }],
    })
    expect(patched.data).toEqual({ last_seen: '2026-02-05T13:59:30Z' })
  })

  it('reads workloads through AppsV1Api and BatchV1Api', async () => {
    const deployments = await apps.listNamespacedDeployment({ namespace: NS })
    expect(deployments.items.map((item) => item.metadata?.name)).toEqual(['execution-engine', 'marketdata-mcp-server', 'strategy-engine'])
    const statefulSet = await apps.readNamespacedStatefulSet({ name: 'gamma-strategy', namespace: NS })
    expect(statefulSet.status?.readyReplicas).toBe(1)
    const cronJobs = await batch.listNamespacedCronJob({ namespace: NS })
    expect(cronJobs.items.map((item) => item.metadata?.name)).toEqual(['ops-heartbeat-writer'])
    expect((await batch.listNamespacedJob({ namespace: NS })).items).toEqual([])
  })

  it('sends the kubeconfig token: a kubeconfig with another token gets 401', async () => {
    const path = await writeKubeconfig({ server: kube.url, path: `${kube.kubeconfigPath}.wrong`, token: 'expired' })
    const config = new KubeConfig()
    config.loadFromFile(path)
    const error = await apiError(() => config.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: NS }))
    expect(error.code).toBe(401)
  })

  it('answers SelfSubjectAccessReviews from the forbidden rules', async () => {
    const review = (resourceAttributes: object) => authz.createSelfSubjectAccessReview({
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes } },
    })
    expect((await review({ namespace: NS, verb: 'get', resource: 'configmaps' })).status?.allowed).toBe(true)
    expect((await review({ namespace: NS, verb: 'get', resource: 'secrets' })).status?.allowed).toBe(false)
    expect((await review({ namespace: 'kube-system', verb: 'list', resource: 'pods' })).status?.allowed).toBe(false)
    expect((await review({ namespace: NS, verb: 'list', resource: 'pods' })).status?.allowed).toBe(true)
  })
})
