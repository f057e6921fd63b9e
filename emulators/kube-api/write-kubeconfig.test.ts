import { once } from 'node:events'
import { readFile, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { writeKubeconfig } from './write-kubeconfig.ts'

describe('writeKubeconfig', () => {
  const directory = join(tmpdir(), `openbell-kubeconfig-${process.pid}`)
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('writes an owner-only, one-context kubeconfig that client-node loads', async () => {
    const path = await writeKubeconfig({ server: 'http://127.0.0.1:9', path: join(directory, 'nested', 'kubeconfig') })
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(parse(await readFile(path, 'utf8'))).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'openbell-emulator', cluster: { server: 'http://127.0.0.1:9', 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'openbell-emulator', user: { token: 'openbell-emulator-token' } }],
      contexts: [{ name: 'openbell-emulator', context: { cluster: 'openbell-emulator', user: 'openbell-emulator', namespace: 'trading-floor' } }],
      'current-context': 'openbell-emulator',
      preferences: {},
    })
    const config = new KubeConfig()
    config.loadFromFile(path)
    expect(config.getCurrentCluster()?.server).toBe('http://127.0.0.1:9')
    expect(config.getContextObject(config.getCurrentContext())?.namespace).toBe('trading-floor')
  })

  it('points clients at a closed port for the apiserver-down scenario', async () => {
    const probe = createServer().listen(0, '127.0.0.1')
    await once(probe, 'listening')
    const { port } = probe.address() as AddressInfo
    await new Promise((resolve) => probe.close(resolve))
    const path = await writeKubeconfig({ server: `http://127.0.0.1:${port}`, path: join(directory, 'down'), context: 'down', token: 't' })
    const config = new KubeConfig()
    config.loadFromFile(path)
    const error = await config.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'trading-floor' }).catch((caught: unknown) => caught)
    expect(String((error as { code?: string }).code ?? error)).toMatch(/ECONNREFUSED/)
  })
})
