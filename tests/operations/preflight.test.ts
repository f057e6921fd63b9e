import { mkdtempSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, writeKubeconfig, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { createKubeReader } from '../../support/kube/kube-reader.ts'
import { loadKubeConfig } from '../../support/kube/load-kube-config.ts'
import { preflightKubeReads } from '../../support/kube/preflight-kube-reads.ts'
import { GATE_KUBE_READS } from '../../support/gates/gate-registry.ts'
import { runFixture } from '../runner/run-fixture.ts'

/** Issue 9: at start, openbell asks the API server (SelfSubjectAccessReview) whether it may make each read it needs. */
const NAMESPACE = 'trading-floor'
const CONFIGMAPS_DENIED =
  'openbell may not get configmaps, list configmaps in namespace trading-floor (SelfSubjectAccessReview denied), so this gate cannot be verified; ' +
  'add to the Role in deploy/rbac-reader.yaml: {apiGroups: [""], resources: ["configmaps"], verbs: ["get"]}, {apiGroups: [""], resources: ["configmaps"], verbs: ["list"]}'

describe('the start-of-run permission check against the Kubernetes API stand-in', () => {
  let denyingConfigMaps: StartedKubeApi
  let denyingProxy: StartedKubeApi

  beforeAll(async () => {
    const objects = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: new Date('2026-02-05T14:00:00Z') })
    denyingConfigMaps = await new KubeApiEmulator().withObjects(objects).withForbidden(['configmaps']).start()
    denyingProxy = await new KubeApiEmulator().withObjects(objects).withForbidden(['services/proxy']).start()
  })
  afterAll(async () => {
    await denyingConfigMaps?.stop()
    await denyingProxy?.stop()
  })

  const preflight = (kube: StartedKubeApi) =>
    preflightKubeReads(loadKubeConfig({ kubeconfigPath: kube.kubeconfigPath, kubeContext: null }), { namespace: NAMESPACE, gateReads: GATE_KUBE_READS })

  it('withForbidden([configmaps]) blocks exactly the gates that read ConfigMaps, naming the rules to add', async () => {
    const report = await preflight(denyingConfigMaps)
    expect(report.reads.filter((access) => access.allowed !== true).map((access) => [access.read, access.allowed])).toEqual([
      ['readConfigMap', false],
      ['listConfigMaps', false],
    ])
    expect(Object.keys(report.blockedGates).sort()).toEqual(['cluster-health', 'kill-switch', 'paper-execution'])
    expect(report.blockedGates['kill-switch']).toBe(CONFIGMAPS_DENIED)
    expect(denyingConfigMaps.requests.filter((request) => request.path.endsWith('/selfsubjectaccessreviews')).length).toBe(report.reads.length)
  })

  it('withForbidden([services/proxy]) blocks the gates that read ops endpoints', async () => {
    const report = await preflight(denyingProxy)
    expect(Object.keys(report.blockedGates).sort()).toEqual(['kill-switch', 'marketdata-freshness', 'metrics'])
    expect(report.blockedGates.metrics).toBe(
      'openbell may not get services/proxy in namespace trading-floor (SelfSubjectAccessReview denied), so this gate cannot be verified; ' +
        'add to the Role in deploy/rbac-reader.yaml: {apiGroups: [""], resources: ["services/proxy"], verbs: ["get"]}',
    )
  })

  it('blocks nothing when the API server cannot be asked; the checks then find out for themselves', async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const kubeconfigPath = await writeKubeconfig({ server: `http://127.0.0.1:${port}`, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-down-')), 'kubeconfig') })
    const report = await preflightKubeReads(loadKubeConfig({ kubeconfigPath, kubeContext: null }), { namespace: NAMESPACE, gateReads: GATE_KUBE_READS, timeoutMs: 2_000 })
    expect(report.blockedGates).toEqual({})
    expect(report.reads.every((access) => access.allowed === null && access.reason?.startsWith('the access review could not be made'))).toBe(true)
  })

  it('a 403 on a read names the rule to add, for the API and for the service proxy', async () => {
    const reader = createKubeReader(loadKubeConfig({ kubeconfigPath: denyingConfigMaps.kubeconfigPath, kubeContext: null }), { namespace: NAMESPACE })
    await expect(reader.readConfigMap('agenttrader-kill-switch')).rejects.toThrow(
      'add {apiGroups: [""], resources: ["configmaps"], verbs: ["get"]} to the Role in deploy/rbac-reader.yaml',
    )
    const proxied = createKubeReader(loadKubeConfig({ kubeconfigPath: denyingProxy.kubeconfigPath, kubeContext: null }), { namespace: NAMESPACE })
    await expect(proxied.proxyGet('marketdata-mcp-server', 80, '/metrics')).rejects.toMatchObject({
      name: 'CouldNotCheckError',
      message: expect.stringContaining('proxy marketdata-mcp-server:80/metrics: forbidden (403): '),
    })
  })
})

describe('the permission check on the real runner', () => {
  it('makes a gate unverified with the RBAC rule to add, even though its checks passed', async () => {
    const run = await runFixture('all-pass', { forbidden: ['configmaps'] })
    expect(run.exitCode).toBe(3)
    expect(run.report.gates[0]).toMatchObject({ id: 'kill-switch', status: 'unverified', reason: CONFIGMAPS_DENIED })
    expect(run.report.gates[0]?.checks.map((check) => check.status)).toEqual(['pass', 'pass'])
    expect(run.report.preflight?.reads.find((access) => access.read === 'readConfigMap')).toMatchObject({ allowed: false })
  }, 60_000)
})
