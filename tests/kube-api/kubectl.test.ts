import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type StartedKubeApi } from '../../emulators/kube-api/index.ts'

const KUBECTL = '/usr/bin/kubectl'
const NOW = new Date('2026-02-05T14:00:00Z')

interface KubectlResult {
  code: number
  stdout: string
  stderr: string
}

describe.skipIf(!existsSync(KUBECTL))(`kube-api emulator with the real kubectl (${KUBECTL}; skipped when it is not installed)`, () => {
  let kube: StartedKubeApi
  let cacheDir: string

  /** Runs kubectl against the emulator with its own discovery cache (never ~/.kube/cache). */
  function kubectl(...args: string[]): Promise<KubectlResult> {
    return new Promise((resolve) => {
      execFile(
        KUBECTL,
        ['--kubeconfig', kube.kubeconfigPath, '--cache-dir', cacheDir, '-n', 'trading-floor', ...args],
        { timeout: 20_000, env: { PATH: process.env.PATH ?? '', HOME: cacheDir } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      )
    })
  }

  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'openbell-kubectl-cache-'))
    kube = await new KubeApiEmulator().withObjects(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })).start()
  })
  afterAll(async () => {
    await kube?.stop()
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true })
  })

  it('get pods -o json lists the fixture pods', async () => {
    const result = await kubectl('get', 'pods', '-o', 'json')
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const list = JSON.parse(result.stdout) as { items: Array<{ kind: string; metadata: { name: string }; status: { phase: string } }> }
    expect(list.items.map((pod) => pod.metadata.name)).toEqual([
      'execution-engine-7f6d5b9c8d-m2v9t',
      'gamma-strategy-0',
      'marketdata-mcp-server-6b8f9c7d5f-x7k2p',
      'strategy-engine-5c9d7f8b6c-q4n8d',
      'whale-strategy-0',
    ])
    expect(new Set(list.items.map((pod) => `${pod.kind}/${pod.status.phase}`))).toEqual(new Set(['Pod/Running']))
  })

  it('get pods -l selects by label', async () => {
    const result = await kubectl('get', 'pods', '-l', 'app=marketdata-mcp-server', '-o', 'jsonpath={.items[*].metadata.name}')
    expect(result).toMatchObject({ code: 0, stdout: 'marketdata-mcp-server-6b8f9c7d5f-x7k2p' })
  })

  it('reads the kill switch with the runbook jsonpath', async () => {
    const result = await kubectl('get', 'configmap', 'agenttrader-kill-switch', '-o', 'jsonpath={.data.EXECUTION_HALTED}')
    expect(result).toMatchObject({ code: 0, stdout: '1', stderr: '' })
  })

  it('patch --type merge changes the kill switch and a following get reads it', async () => {
    const patch = await kubectl('patch', 'configmap', 'agenttrader-kill-switch', '--type', 'merge', '-p', '{"data":{"EXECUTION_HALTED":"0"}}')
    expect(patch).toMatchObject({ code: 0, stdout: 'configmap/agenttrader-kill-switch patched\n' })
    const read = await kubectl('get', 'configmap', 'agenttrader-kill-switch', '-o', 'jsonpath={.data.EXECUTION_HALTED}')
    expect(read.stdout).toBe('0')
    const again = await kubectl('patch', 'configmap', 'agenttrader-kill-switch', '--type', 'merge', '-p', '{"data":{"EXECUTION_HALTED":"0"}}')
    expect(again.stdout).toBe('configmap/agenttrader-kill-switch patched (no change)\n')
    expect(kube.requests.filter((request) => request.method === 'PATCH')).toHaveLength(2)
  })

  it('get deploy,sts -o json lists both kinds', async () => {
    const result = await kubectl('get', 'deploy,sts', '-o', 'json')
    expect(result.code).toBe(0)
    const list = JSON.parse(result.stdout) as { items: Array<{ kind: string; metadata: { name: string } }> }
    expect(list.items.map((item) => `${item.kind}/${item.metadata.name}`)).toEqual([
      'Deployment/execution-engine',
      'Deployment/marketdata-mcp-server',
      'Deployment/strategy-engine',
      'StatefulSet/gamma-strategy',
      'StatefulSet/whale-strategy',
    ])
  })

  it('get secret is Forbidden', async () => {
    const result = await kubectl('get', 'secret', 'trader-secrets')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'Error from server (Forbidden): secrets "trader-secrets" is forbidden: User "system:serviceaccount:trading-floor:openbell" cannot get resource "secrets" in API group "" in the namespace "trading-floor"\n',
    )
  })

  it('get of a missing ConfigMap is NotFound', async () => {
    const result = await kubectl('get', 'configmap', 'nope')
    expect(result).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): configmaps "nope" not found\n' })
  })

  it('auth can-i answers from the forbidden rules (protobuf SelfSubjectAccessReview)', async () => {
    expect(await kubectl('auth', 'can-i', 'get', 'configmaps')).toMatchObject({ code: 0, stdout: 'yes\n' })
    expect(await kubectl('auth', 'can-i', 'get', 'secrets')).toMatchObject({ code: 1, stdout: 'no\n' })
  })

  it('describes a pod (events by field selector)', async () => {
    const result = await kubectl('describe', 'pod', 'gamma-strategy-0')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Status:\s+Running$/m)
    expect(result.stdout).toMatch(/^Controlled By:\s+StatefulSet\/gamma-strategy$/m)
  })
})
