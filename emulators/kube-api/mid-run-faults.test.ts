import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../support/errors.ts'
import { KubeApiEmulator } from './kube-api-emulator.ts'
import type { KubeObject } from './kube-object.ts'
import type { StartedKubeApi } from './started-kube-api.ts'

const OBJECTS: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading-floor' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'agenttrader-kill-switch' }, data: { EXECUTION_HALTED: '0' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' }, data: { A: '1' } },
]
const KILL_SWITCH_PATH = '/api/v1/namespaces/trading-floor/configmaps/agenttrader-kill-switch'

function get(kube: StartedKubeApi, path: string): Promise<Response> {
  return fetch(`${kube.url}${path}`, { headers: { authorization: `Bearer ${kube.token}` } })
}

async function readConfigMap(kube: StartedKubeApi, path = KILL_SWITCH_PATH) {
  return (await (await get(kube, path)).json()) as { data: Record<string, string>; metadata: { resourceVersion: string } }
}

describe('kube-api stand-in: an object that changes mid-run', () => {
  it('answers the first reads with the old object, then serves the patched one with a new resourceVersion', async () => {
    await using kube = await new KubeApiEmulator()
      .withObjects(OBJECTS)
      .withMutations([{ kind: 'ConfigMap', name: 'agenttrader-kill-switch', afterReads: 2, mergePatch: { data: { EXECUTION_HALTED: '1' } } }])
      .start()
    const first = await readConfigMap(kube)
    // @note neither a list nor a read of another object counts as a read of the kill switch.
    await get(kube, '/api/v1/namespaces/trading-floor/configmaps')
    await readConfigMap(kube, '/api/v1/namespaces/trading-floor/configmaps/other')
    const second = await readConfigMap(kube)
    const third = await readConfigMap(kube)
    expect([first.data.EXECUTION_HALTED, second.data.EXECUTION_HALTED, third.data.EXECUTION_HALTED]).toEqual(['0', '0', '1'])
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion)
    expect(Number(third.metadata.resourceVersion)).toBeGreaterThan(Number(first.metadata.resourceVersion))
  })

  it('refuses a mutation of a kind it does not serve, naming the kinds it does', async () => {
    const starting = new KubeApiEmulator().withMutations([{ kind: 'Widget', name: 'x', afterReads: 1, mergePatch: {} }]).start()
    await expect(starting).rejects.toThrow(UsageError)
    await expect(starting).rejects.toThrow('mutations.0.kind: must be a kind the stand-in serves: ')
  })
})

describe('kube-api stand-in: the API server goes away mid-run', () => {
  it('answers stopAfterRequests requests, then refuses connections', async () => {
    await using kube = await new KubeApiEmulator().withObjects(OBJECTS).withStopAfterRequests(2).start()
    expect((await get(kube, '/version')).status).toBe(200)
    expect((await get(kube, KILL_SWITCH_PATH)).status).toBe(200)
    // @note the listener closes once the second answer is complete; give the close a tick.
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expect(get(kube, KILL_SWITCH_PATH)).rejects.toThrow('fetch failed')
    expect(kube.requests.map((request) => request.status)).toEqual([200, 200])
  })

  it('still stops cleanly after it went away', async () => {
    const kube = await new KubeApiEmulator().withObjects(OBJECTS).withStopAfterRequests(1).start()
    await get(kube, '/version')
    await expect(kube.stop()).resolves.toBeUndefined()
  })
})

describe('kube-api stand-in: the request log', () => {
  it('appends every answered request as one NDJSON line, without headers or bodies', async () => {
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-kube-log-')), 'evidence', 'kube-api-requests.ndjson')
    await using kube = await new KubeApiEmulator().withObjects(OBJECTS).withRequestLog(log).start()
    await get(kube, `${KILL_SWITCH_PATH}?resourceVersion=0`)
    await fetch(`${kube.url}${KILL_SWITCH_PATH}`, { method: 'DELETE', headers: { authorization: `Bearer ${kube.token}` } })
    expect(readFileSync(log, 'utf8')).toBe(
      `${JSON.stringify({ method: 'GET', path: KILL_SWITCH_PATH, search: '?resourceVersion=0', status: 200 })}\n` +
        `${JSON.stringify({ method: 'DELETE', path: KILL_SWITCH_PATH, search: '', status: 405 })}\n`,
    )
  })
})
