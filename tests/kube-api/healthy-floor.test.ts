import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  applyKubeOverlay, FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type KubeObject,
} from '../../emulators/kube-api/index.ts'

const NOW = new Date('2026-02-05T14:00:00Z')

interface EnvVar {
  name: string
  value?: string
  valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } }
}
interface Container {
  image: string
  env: EnvVar[]
  ports: Array<{ name: string; containerPort: number }>
  volumeMounts: Array<{ name: string; mountPath: string }>
  readinessProbe?: unknown
  livenessProbe?: unknown
}
interface PodSpec {
  containers: Container[]
  volumes: Array<{ name: string; configMap?: { name: string } }>
}
interface Workload extends KubeObject {
  spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }
  status: { replicas: number; readyReplicas: number; updatedReplicas: number; availableReplicas: number; observedGeneration: number }
}

const AGENT_MODES: Record<string, string> = {
  'Deployment/marketdata-mcp-server': 'OBSERVE',
  'Deployment/strategy-engine': 'OFF',
  'Deployment/execution-engine': 'OFF',
  'StatefulSet/gamma-strategy': 'EVAL',
  'StatefulSet/whale-strategy': 'EVAL',
}

describe('the healthy-floor kube fixture (fixtures/floor/kube)', () => {
  let objects: KubeObject[]
  const ofKind = <T extends KubeObject = KubeObject>(kind: string) => objects.filter((object) => object.kind === kind) as T[]
  const env = (container: Container, name: string) => container.env.find((variable) => variable.name === name)

  beforeAll(async () => {
    objects = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })
  })

  it('holds the expected objects', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toMatchInlineSnapshot(`
      [
        "Namespace/trading-floor",
        "ServiceAccount/trading-floor-sa",
        "ServiceAccount/marketdata-mcp-server-ksa",
        "ServiceAccount/strategy-engine-ksa",
        "ServiceAccount/execution-agent-ksa",
        "ConfigMap/agenttrader-kill-switch",
        "ConfigMap/agenttrader-safety",
        "ConfigMap/agenttrader-heartbeat-ops-cron",
        "ConfigMap/agenttrader-heartbeat-marketdata-mcp-server",
        "ConfigMap/agenttrader-heartbeat-strategy-engine",
        "ConfigMap/agenttrader-heartbeat-execution-engine",
        "ConfigMap/agenttrader-heartbeat-mission-control",
        "Deployment/marketdata-mcp-server",
        "Deployment/strategy-engine",
        "Deployment/execution-engine",
        "StatefulSet/gamma-strategy",
        "StatefulSet/whale-strategy",
        "ReplicaSet/marketdata-mcp-server-6b8f9c7d5f",
        "ReplicaSet/strategy-engine-5c9d7f8b6c",
        "ReplicaSet/execution-engine-7f6d5b9c8d",
        "CronJob/ops-heartbeat-writer",
        "Service/marketdata-mcp-server",
        "Service/strategy-engine",
        "Service/execution-engine",
        "Service/agenttrader-gamma-strategy",
        "Service/agenttrader-whale-strategy",
        "Pod/marketdata-mcp-server-6b8f9c7d5f-x7k2p",
        "Pod/strategy-engine-5c9d7f8b6c-q4n8d",
        "Pod/execution-engine-7f6d5b9c8d-m2v9t",
        "Pod/gamma-strategy-0",
        "Pod/whale-strategy-0",
        "Event/ops-heartbeat-writer.18b2f4c7a1d3e905",
        "Event/ops-heartbeat-writer.18b2f4c8c3f1a27b",
        "Event/ops-heartbeat-writer.18b2f4c8c40e9d16",
      ]
    `)
  })

  it('has both kill switches engaged', () => {
    const data = (name: string) => ofKind('ConfigMap').find((object) => object.metadata.name === name)?.data
    expect(data('agenttrader-kill-switch')).toEqual({ EXECUTION_HALTED: '1' })
    expect(data('agenttrader-safety')).toEqual({ KILL_SWITCH: 'true', STALE_THRESHOLD_SECONDS: '30' })
  })

  it.each(Object.entries(AGENT_MODES))('%s runs paper, halted, pinned and fully rolled out', (id) => {
    const workload = [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('StatefulSet')].find((object) => `${object.kind}/${object.metadata.name}` === id)!
    const [container] = workload.spec.template.spec.containers
    expect(env(container!, 'AGENT_MODE')?.value).toBe(AGENT_MODES[id])
    expect(env(container!, 'TRADING_MODE')?.value).toBe('paper')
    expect(env(container!, 'APCA_API_BASE_URL')?.value).toBe('https://paper-api.alpaca.markets')
    expect(env(container!, 'EXECUTION_HALTED')?.valueFrom?.configMapKeyRef).toEqual({ name: 'agenttrader-kill-switch', key: 'EXECUTION_HALTED' })
    expect(env(container!, 'EXECUTION_HALTED_FILE')?.value).toBe('/etc/agenttrader/kill-switch/EXECUTION_HALTED')
    const mount = container!.volumeMounts.find((volumeMount) => volumeMount.mountPath === '/etc/agenttrader/kill-switch')
    expect(workload.spec.template.spec.volumes.find((volume) => volume.name === mount?.name)?.configMap?.name).toBe('agenttrader-kill-switch')
    expect(env(container!, 'APCA_API_KEY_ID')?.valueFrom?.secretKeyRef).toEqual({ name: 'trader-secrets', key: 'APCA_API_KEY_ID' })
    expect(container!.image).toMatch(/^us-docker\.pkg\.dev\/agenttrader\/v2\/[a-z-]+:54afffe$/)
    expect(container!.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }])
    expect(container!.readinessProbe).toBeDefined()
    expect(container!.livenessProbe).toBeDefined()
    expect(workload.spec.template.metadata.labels).toMatchObject(workload.spec.selector.matchLabels)
    expect(workload.metadata.labels).toMatchObject({ app: workload.metadata.name, 'app.kubernetes.io/part-of': 'agenttrader-v2' })
    const { replicas, readyReplicas, updatedReplicas, availableReplicas, observedGeneration } = workload.status
    expect([replicas, readyReplicas, updatedReplicas, availableReplicas]).toEqual([1, 1, 1, 1])
    expect(observedGeneration).toBe(workload.metadata.generation)
  })

  it('keeps execution-engine in dry run with execution not enabled', () => {
    const [container] = ofKind<Workload>('Deployment').find((object) => object.metadata.name === 'execution-engine')!.spec.template.spec.containers
    expect(env(container!, 'EXEC_DRY_RUN')?.value).toBe('1')
    expect(env(container!, 'EXECUTION_ENABLED')?.value ?? 'false').toBe('false')
  })

  it('runs one Running, Ready pod per replica, owned by a loaded object with the same uid', () => {
    const pods = ofKind('Pod') as Array<KubeObject & { status: { phase: string; conditions: Array<{ type: string; status: string }>; containerStatuses: Array<{ ready: boolean; restartCount: number; imageID: string }> } }>
    const workloads = [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('StatefulSet')]
    for (const workload of workloads) {
      const selector = workload.spec.selector.matchLabels
      const matching = pods.filter((pod) => Object.entries(selector).every(([key, value]) => pod.metadata.labels?.[key] === value))
      expect(matching, workload.metadata.name).toHaveLength(workload.spec.replicas)
    }
    for (const pod of pods) {
      expect(pod.status.phase).toBe('Running')
      expect(pod.status.conditions.filter((condition) => condition.status === 'True').map((condition) => condition.type))
        .toEqual(expect.arrayContaining(['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']))
      expect(pod.status.containerStatuses).toEqual([expect.objectContaining({ ready: true, restartCount: 0, imageID: expect.stringMatching(/@sha256:[0-9a-f]{64}$/) })])
      const [owner] = pod.metadata.ownerReferences as Array<{ kind: string; name: string; uid: string }>
      expect(objects.find((object) => object.kind === owner!.kind && object.metadata.name === owner!.name)?.metadata.uid).toBe(owner!.uid)
    }
  })

  it('exposes each workload on a Service port 80 that selects exactly one pod', () => {
    const pods = ofKind('Pod')
    for (const service of ofKind('Service') as Array<KubeObject & { spec: { selector: Record<string, string>; ports: Array<{ port: number; targetPort: number | string }> } }>) {
      expect(service.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: expect.toBeOneOf([8080, 'http']) })])
      const selected = pods.filter((pod) => Object.entries(service.spec.selector).every(([key, value]) => pod.metadata.labels?.[key] === value))
      expect(selected, service.metadata.name).toHaveLength(1)
    }
  })

  it('has no Warning event in the last 30 minutes and never names the live broker host', () => {
    const recentWarnings = ofKind('Event').filter((event) =>
      event.type === 'Warning' && NOW.getTime() - Date.parse(String(event.lastTimestamp)) < 30 * 60_000)
    expect(recentWarnings).toEqual([])
    expect(JSON.stringify(objects)).not.toMatch(/(^|[^-])api\.alpaca\.markets/)
  })

  it('serves a scenario overlay through the emulator', async () => {
    const overlaid = applyKubeOverlay(objects, {
      patch: [{ kind: 'ConfigMap', name: 'agenttrader-kill-switch', mergePatch: { data: { EXECUTION_HALTED: '0' } } }],
    }, { now: NOW })
    await using kube = await new KubeApiEmulator().withObjects(overlaid).start()
    const config = new KubeConfig()
    config.loadFromFile(kube.kubeconfigPath)
    const configMap = await config.makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'agenttrader-kill-switch', namespace: 'trading-floor' })
    expect(configMap.data).toEqual({ EXECUTION_HALTED: '0' })
  })
})
