import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { UsageError } from '../../support/errors.ts'
import { KubeApiEmulator } from './kube-api-emulator.ts'
import type { KubeObject } from './kube-object.ts'
import type { KubeApiRequestRecord, StartedKubeApi } from './started-kube-api.ts'

const OBJECTS: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading-floor' } },
  ...['a', 'b', 'c'].map((name): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { name } })),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: { ports: [{ port: 80 }] } },
]

async function start(configure: (emulator: KubeApiEmulator) => KubeApiEmulator = (emulator) => emulator): Promise<StartedKubeApi> {
  return configure(new KubeApiEmulator().withObjects(OBJECTS).withClock(() => new Date('2026-02-05T14:00:00Z'))).start()
}

function request(kube: StartedKubeApi, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${kube.url}${path}`, { ...init, headers: { authorization: `Bearer ${kube.token}`, ...init.headers } })
}

describe('KubeApiEmulator', () => {
  it('types Started getters', () => {
    expectTypeOf<StartedKubeApi['url']>().toEqualTypeOf<string>()
    expectTypeOf<StartedKubeApi['kubeconfigPath']>().toEqualTypeOf<string>()
    expectTypeOf<StartedKubeApi['requests']>().toEqualTypeOf<readonly KubeApiRequestRecord[]>()
    expectTypeOf<StartedKubeApi['stop']>().toEqualTypeOf<() => Promise<void>>()
    expectTypeOf<StartedKubeApi>().toExtend<AsyncDisposable>()
    expectTypeOf(new KubeApiEmulator().withForbidden(['configmaps'])).toEqualTypeOf<KubeApiEmulator>()
  })

  it('serves discovery documents', async () => {
    await using kube = await start()
    expect(kube.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await (await fetch(`${kube.url}/version`)).json()).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.4' })
    expect(await (await request(kube, '/api')).json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
    const groups = (await (await request(kube, '/apis')).json()) as { groups: Array<{ name: string; preferredVersion: { groupVersion: string } }> }
    expect(groups.groups.map((group) => group.preferredVersion.groupVersion)).toEqual(['apps/v1', 'batch/v1', 'authorization.k8s.io/v1'])
    const core = (await (await request(kube, '/api/v1')).json()) as { resources: Array<{ name: string; verbs: string[] }> }
    expect(core.resources.map((resource) => resource.name)).toEqual([
      'namespaces', 'pods', 'services', 'services/proxy', 'configmaps', 'serviceaccounts', 'secrets', 'events',
    ])
    expect(await (await request(kube, '/apis/apps/v1')).json()).toMatchObject({ kind: 'APIResourceList', groupVersion: 'apps/v1' })
    expect(await (await request(kube, '/apis/batch')).json()).toMatchObject({ kind: 'APIGroup', name: 'batch' })
  })

  it.each([
    ['GET', '/openapi/v2', 404, 'NotFound', 'the server could not find the requested resource'],
    ['GET', '/apis/example.com/v1/widgets', 404, 'NotFound', 'the server could not find the requested resource'],
    ['GET', '/api/v1/configmaps/a', 404, 'NotFound', 'the server could not find the requested resource'],
    ['GET', '/api/v1/namespaces/trading-floor/configmaps/zzz', 404, 'NotFound', 'configmaps "zzz" not found'],
    ['GET', '/apis/apps/v1/namespaces/trading-floor/deployments/zzz', 404, 'NotFound', 'deployments.apps "zzz" not found'],
    ['DELETE', '/api/v1/namespaces/trading-floor/configmaps/a', 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource (DELETE configmaps)'],
    ['POST', '/api/v1/namespaces/trading-floor/configmaps', 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource (POST configmaps)'],
    ['GET', '/api/v1/namespaces/trading-floor/pods/x?watch=true', 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource (watch pods by name)'],
    ['GET', '/api/v1/namespaces/trading-floor/secrets?watch=true', 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource (watch secrets)'],
    ['GET', '/api/v1/namespaces/trading-floor/pods?labelSelector=a%20b', 400, 'BadRequest', 'unable to parse requirement: "a b" in label selector "a b"'],
    ['GET', '/api/v1/namespaces/trading-floor/configmaps?fieldSelector=data.x%3D1', 400, 'BadRequest', 'field label not supported: data.x'],
    ['GET', '/api/v1/namespaces/trading-floor/secrets', 403, 'Forbidden', 'secrets is forbidden: User "system:serviceaccount:trading-floor:openbell" cannot list resource "secrets" in API group "" in the namespace "trading-floor"'],
    ['GET', '/api/v1/namespaces/trading-floor/pods/x/log', 404, 'NotFound', 'the server could not find the requested resource'],
  ])('%s %s answers %i %s', async (method, path, code, reason, message) => {
    await using kube = await start()
    const response = await request(kube, path, { method })
    expect(response.status).toBe(code)
    expect(await response.json()).toEqual(expect.objectContaining({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message }))
  })

  it('streams a watch: a PATCH made after the request arrives as one MODIFIED event line', { timeout: 20_000 }, async () => {
    await using kube = await start()
    const controller = new AbortController()
    const response = await request(kube, '/api/v1/namespaces/trading-floor/configmaps?watch=1', { signal: controller.signal })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const patched = await request(kube, '/api/v1/namespaces/trading-floor/configmaps/a', {
      method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ data: { changed: 'yes' } }),
    })
    expect(patched.status).toBe(200)
    let text = ''
    for (let read = 0; read < 10 && !text.includes('\n'); read++) text += new TextDecoder().decode((await reader.read()).value)
    controller.abort()
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ type: 'MODIFIED', object: { metadata: { name: 'a' }, data: { changed: 'yes' } } })
  })

  it('lists with kind, apiVersion and resourceVersion, items without type meta, and pages with limit/continue', async () => {
    await using kube = await start()
    const first = (await (await request(kube, '/api/v1/namespaces/trading-floor/configmaps?limit=2')).json()) as {
      kind: string; apiVersion: string; metadata: { resourceVersion: string; continue: string; remainingItemCount: number }; items: KubeObject[]
    }
    expect(first).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '5', remainingItemCount: 1 } })
    expect(first.items.map((item) => item.metadata.name)).toEqual(['a', 'b'])
    expect(first.items[0]).not.toHaveProperty('kind')
    const rest = (await (await request(kube, `/api/v1/namespaces/trading-floor/configmaps?limit=2&continue=${first.metadata.continue}`)).json()) as { metadata: object; items: KubeObject[] }
    expect(rest.items.map((item) => item.metadata.name)).toEqual(['c'])
    expect(rest.metadata).toEqual({ resourceVersion: '5' })
    expect((await request(kube, '/api/v1/namespaces/trading-floor/configmaps?continue=nope')).status).toBe(400)
    const namespaces = (await (await request(kube, '/api/v1/namespaces')).json()) as { kind: string; items: KubeObject[] }
    expect(namespaces.kind).toBe('NamespaceList')
    expect(namespaces.items.map((item) => item.metadata.name)).toEqual(['trading-floor'])
    expect(((await (await request(kube, '/api/v1/namespaces/empty/configmaps')).json()) as { items: unknown[] }).items).toEqual([])
  })

  it('answers 401 to a wrong token and lets a request without one in (kubectl sends none over http)', async () => {
    await using kube = await start((emulator) => emulator.withToken('right'))
    const wrong = await fetch(`${kube.url}/api/v1/namespaces/trading-floor/configmaps`, { headers: { authorization: 'Bearer wrong' } })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ reason: 'Unauthorized', message: 'Unauthorized', code: 401 })
    expect((await fetch(`${kube.url}/api/v1/namespaces/trading-floor/configmaps`)).status).toBe(200)
  })

  it('answers 403 for forbidden resources, as data', async () => {
    await using kube = await start((emulator) => emulator.withForbidden(['configmaps']).withUser('system:serviceaccount:trading-floor:reader'))
    const response = await request(kube, '/api/v1/namespaces/trading-floor/configmaps/a')
    expect(response.status).toBe(403)
    expect(((await response.json()) as { message: string }).message).toBe(
      'configmaps "a" is forbidden: User "system:serviceaccount:trading-floor:reader" cannot get resource "configmaps" in API group "" in the namespace "trading-floor"',
    )
    expect((await request(kube, '/api/v1/namespaces/trading-floor/services/svc')).status).toBe(200)
  })

  it('merge-patches with dryRun=All without storing, then for real', async () => {
    await using kube = await start()
    const patch = (query: string) => request(kube, `/api/v1/namespaces/trading-floor/configmaps/a${query}`, {
      method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ data: { name: 'z' } }),
    })
    expect(((await (await patch('?dryRun=All')).json()) as KubeObject).data).toEqual({ name: 'z' })
    expect(kube.objects.find((object) => object.metadata.name === 'a')?.data).toEqual({ name: 'a' })
    expect(((await (await patch('')).json()) as KubeObject).metadata.resourceVersion).toBe('6')
    expect(kube.objects.find((object) => object.metadata.name === 'a')?.data).toEqual({ name: 'z' })
  })

  it('records every request it answered', async () => {
    await using kube = await start()
    await request(kube, '/api/v1/namespaces/trading-floor/configmaps?limit=1')
    await request(kube, '/api/v1/namespaces/trading-floor/secrets/s')
    expect(kube.requests).toEqual([
      { method: 'GET', path: '/api/v1/namespaces/trading-floor/configmaps', search: '?limit=1', status: 200 },
      { method: 'GET', path: '/api/v1/namespaces/trading-floor/secrets/s', search: '', status: 403 },
    ])
  })

  it('keeps only the latest requests it was told to record, so a floor that lives all day stays bounded', async () => {
    await using kube = await start((emulator) => emulator.withRecordedRequests(2))
    for (const name of ['a', 'b', 'c', 'd']) await request(kube, `/api/v1/namespaces/trading-floor/configmaps/${name}`)
    expect(kube.requests.map((record) => record.path)).toEqual(['/api/v1/namespaces/trading-floor/configmaps/c', '/api/v1/namespaces/trading-floor/configmaps/d'])
  })

  it('still answers behind a latency', async () => {
    await using kube = await start((emulator) => emulator.withLatencyMs(5))
    expect((await request(kube, '/api/v1/namespaces/trading-floor/configmaps/a')).status).toBe(200)
  })

  it('stop() drops a request that is still waiting out its latency', async () => {
    const kube = await start((emulator) => emulator.withLatencyMs(60_000))
    const outgoing = httpRequest(`${kube.url}/api/v1/namespaces/trading-floor/configmaps`)
    const outcome = new Promise<string>((resolve) => {
      outgoing.on('response', () => resolve('answered'))
      outgoing.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    })
    outgoing.end()
    await once(outgoing, 'finish')
    await kube.stop()
    expect(await outcome).toBe('ECONNRESET')
    expect(kube.requests).toEqual([])
  })

  it('stop() closes the port, removes the kubeconfig, and can be called twice', async () => {
    const kube = await start()
    await request(kube, '/version')
    await kube.stop()
    await kube.stop()
    expect(existsSync(kube.kubeconfigPath)).toBe(false)
    const error = await fetch(`${kube.url}/version`).catch((caught: unknown) => caught as Error)
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')
  })

  it('rejects invalid options and objects with a UsageError before listening', async () => {
    await expect(new KubeApiEmulator().withLatencyMs(-5).start()).rejects.toBeInstanceOf(UsageError)
    await expect(new KubeApiEmulator().withObjects([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }]).start())
      .rejects.toThrow('withObjects()[0]: the kube-api emulator does not serve v1 Secret "s".')
  })
})
