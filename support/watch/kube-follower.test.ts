import { mkdtempSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { writeKubeconfig } from '../../emulators/kube-api/write-kubeconfig.ts'
import { KUBE_WATCH_LIMITS, loadKubeConfig } from '../kube/index.ts'
import { startKubeFollower, type KubeFollower } from './kube-follower.ts'

let kube: StartedKubeApi | undefined
let follower: KubeFollower | undefined
const servers: Server[] = []
afterEach(async () => {
  follower?.close()
  follower = undefined
  await kube?.stop()
  kube = undefined
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function until(test: () => boolean): Promise<void> {
  for (let tries = 0; tries < 500 && !test(); tries++) await new Promise((resolve) => setTimeout(resolve, 20))
}

async function listen(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    requests.push(request.url ?? '')
    handle(request, response)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

/** A hostile stand-in for the API server: `answer` may take a request (returning true); the rest get an empty list or an open watch with bookmarks. */
async function hostileApiServer(answer: (url: URL, response: ServerResponse) => boolean) {
  const api = await listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://api')
    if (answer(url, response)) return
    response.writeHead(200, { 'content-type': 'application/json' })
    if (url.searchParams.get('watch') !== '1') return response.end(JSON.stringify({ kind: 'List', metadata: { resourceVersion: '1' }, items: [] }))
    const bookmarks = setInterval(() => response.write('{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"1"}}}\n'), 200)
    response.on('close', () => clearInterval(bookmarks))
  })
  const file = await writeKubeconfig({ server: api.url, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-follower-')), 'kubeconfig'), token: 'followerToken0123456789abc' })
  follower = await startKubeFollower({ kubeConfig: loadKubeConfig({ kubeconfigPath: file, kubeContext: null }), namespace: 'x', intervalMs: 300, requestTimeoutMs: 5_000 })
  return api
}

const isPods = (url: URL) => url.pathname === '/api/v1/namespaces/x/pods'
const isWatch = (url: URL) => url.searchParams.get('watch') === '1'

describe('the kube follower (client-node informers over the bounded transport)', () => {
  it('says when a watched object changes, and falls back to listing (saying why) where the API server refuses the watch', async () => {
    kube = await new KubeApiEmulator()
      .withObjects(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: new Date() }))
      .withForbidden([{ resource: 'pods', verbs: ['watch'] }])
      .start()
    follower = await startKubeFollower({ kubeConfig: loadKubeConfig({ kubeconfigPath: kube.kubeconfigPath, kubeContext: null }), namespace: 'trading-floor', intervalMs: 5_000, requestTimeoutMs: 5_000 })
    await until(() => follower!.follow().configmaps === 'watch' && follower!.follow().pods !== 'list every interval: the watch is starting')
    expect(follower.follow().configmaps).toBe('watch')
    expect(follower.follow().pods).toMatch(/^list every interval: the API server answered 403 \(pods is forbidden/)
    const changed = follower.nextChange(new AbortController().signal)
    kube.applyOverlay({ patch: [{ kind: 'ConfigMap', name: 'agenttrader-kill-switch', mergePatch: { data: { EXECUTION_HALTED: '0' } } }] })
    expect(await changed).toBe('configmaps')
    // A change nobody was waiting for is kept for the next wait: an evaluation in progress may have read it too early.
    kube.applyOverlay(null)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await follower.nextChange(new AbortController().signal)).toBe('configmaps')
    expect(kube.requests.filter((request) => request.method !== 'GET')).toEqual([])
  })

  it('refuses a redirect of the watch and of the list: nothing reaches the Location, and the kind says why', async () => {
    const elsewhere = await listen((_request, response) => response.end('{}'))
    await hostileApiServer((url, response) => {
      if (isPods(url) && isWatch(url)) return (response.writeHead(307, { location: `${elsewhere.url}/watch` }).end(), true)
      if (url.pathname.endsWith('/configmaps')) return (response.writeHead(302, { location: `${elsewhere.url}/list` }).end(), true)
      return false
    })
    await until(() => follower!.follow().pods!.includes('redirect') && follower!.follow().configmaps!.includes('redirect') && follower!.follow().deployments === 'watch')
    expect(follower!.follow().pods).toBe(`list every interval: the API server answered 307, a redirect to ${elsewhere.url}/watch; openbell never follows a redirect (the kube context's credentials go to its own server only), so nothing was read there: point the kube context at the API server itself`)
    expect(follower!.follow().configmaps).toMatch(new RegExp(`^list every interval: list configmaps in namespace x: the API server answered 302, a redirect to ${elsewhere.url}/list; openbell never follows`))
    expect(follower!.follow().deployments).toBe('watch')
    expect(elsewhere.requests).toEqual([])
  })

  it('cuts a watch event over the limit and falls back to listing', async () => {
    await hostileApiServer((url, response) => {
      if (!(isPods(url) && isWatch(url))) return false
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write(`{"type":"MODIFIED","object":{"data":"${'x'.repeat(KUBE_WATCH_LIMITS.maxEventBytes + 1024)}`)
      return true
    })
    await until(() => follower!.follow().pods!.includes('exceeded'))
    expect(follower!.follow().pods).toBe('list every interval: a watch event exceeded 1048576 bytes (KUBE_WATCH_LIMITS.maxEventBytes); the stream was cut')
  })

  it('lists again and watches again after an ERROR 410, and a change the new list shows is a change', async () => {
    const pod = (resourceVersion: string) => ({ metadata: { name: 'p', namespace: 'x', resourceVersion } })
    let lists = 0
    let watches = 0
    const api = await hostileApiServer((url, response) => {
      if (!isPods(url)) return false
      response.writeHead(200, { 'content-type': 'application/json' })
      if (!isWatch(url)) return (response.end(JSON.stringify({ metadata: { resourceVersion: String(++lists) }, items: [pod(String(lists))] })), true)
      if (++watches === 1) response.write('{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version"}}\n')
      return true
    })
    expect(await follower!.nextChange(new AbortController().signal)).toBe('pods')
    await until(() => watches === 2)
    expect([lists, watches]).toEqual([2, 2])
    expect(api.requests.filter((url) => url.startsWith('/api/v1/namespaces/x/pods'))).toEqual([
      '/api/v1/namespaces/x/pods?limit=500',
      '/api/v1/namespaces/x/pods?resourceVersion=1&watch=1&allowWatchBookmarks=true&timeoutSeconds=5',
      '/api/v1/namespaces/x/pods?limit=500',
      '/api/v1/namespaces/x/pods?resourceVersion=2&watch=1&allowWatchBookmarks=true&timeoutSeconds=5',
    ])
    await until(() => follower!.follow().pods === 'watch')
    expect(follower!.follow().pods).toBe('watch')
  })

  it('falls back, rather than listing and watching again without pause, where every watch from a fresh list is answered 410 at once', async () => {
    let watches = 0
    await hostileApiServer((url, response) => {
      if (!(isPods(url) && isWatch(url))) return false
      watches++
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"ERROR","object":{"kind":"Status","code":410,"message":"too old resource version"}}\n')
      return true
    })
    await until(() => follower!.follow().pods!.includes('410'))
    expect(follower!.follow().pods).toBe('list every interval: the API server said twice in a row, at once, that the resourceVersion of the list it had just given was gone (410); its watch cannot start')
    expect(watches).toBeGreaterThanOrEqual(2)
  })

  it('falls back where a watch is refused (403, its echoed token scrubbed), and watches again once it is allowed', async () => {
    let allowed = false
    await hostileApiServer((url, response) => {
      if (!(isPods(url) && isWatch(url)) || allowed) return false
      response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', code: 403, message: 'pods is forbidden: token followerToken0123456789abc may not watch' }))
      return true
    })
    await until(() => follower!.follow().pods!.includes('403'))
    expect(follower!.follow().pods).toBe('list every interval: the API server answered 403 (pods is forbidden: token [redacted] may not watch)')
    allowed = true
    await until(() => follower!.follow().pods === 'watch')
    expect(follower!.follow().pods).toBe('watch')
  })

  it('reads a paged list to its end before it watches from the list\'s resourceVersion', async () => {
    const api = await hostileApiServer((url, response) => {
      if (!isPods(url) || isWatch(url)) return false
      const first = url.searchParams.get('continue') === null
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        metadata: first ? { resourceVersion: '7', continue: 'page-2' } : { resourceVersion: '7' },
        items: [{ metadata: { name: first ? 'a' : 'b', namespace: 'x', resourceVersion: first ? '5' : '6' } }],
      }))
      return true
    })
    await until(() => follower!.follow().pods === 'watch')
    expect(api.requests.filter((url) => url.startsWith('/api/v1/namespaces/x/pods'))).toEqual([
      '/api/v1/namespaces/x/pods?limit=500',
      '/api/v1/namespaces/x/pods?continue=page-2&limit=500',
      '/api/v1/namespaces/x/pods?resourceVersion=7&watch=1&allowWatchBookmarks=true&timeoutSeconds=5',
    ])
  })

  it('closes every informer: no connection to the API server is left open', async () => {
    const api = await hostileApiServer(() => false)
    await until(() => Object.values(follower!.follow()).every((state) => state === 'watch'))
    expect(new Set(Object.values(follower!.follow()))).toEqual(new Set(['watch']))
    follower!.close()
    const open = () => new Promise<number>((resolve) => api.server.getConnections((_error, count) => resolve(count)))
    for (let tries = 0; tries < 100 && (await open()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await open()).toBe(0)
  })
})
