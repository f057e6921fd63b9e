import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { stringify } from 'yaml'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeKubeconfig } from '../../emulators/kube-api/write-kubeconfig.ts'
import { createBoundedKubeWatch } from './kube-http-library.ts'
import { KUBE_WATCH_LIMITS } from './kube-read-limits.ts'
import { loadKubeConfig } from './load-kube-config.ts'

let server: Server | undefined
afterEach(() => {
  server?.closeAllConnections()
  server?.close()
})

/** An API server stand-in that answers every request with `answer`; returns a KubeConfig for it. */
async function hostile(answer: Parameters<typeof createServer>[1]) {
  const requests: string[] = []
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    answer!(request, response)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const file = await writeKubeconfig({ server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-')), 'kubeconfig'), token: 'boundedStreamToken0123456789' })
  return { kubeConfig: loadKubeConfig({ kubeconfigPath: file, kubeContext: null }), requests }
}

/** One watch of `path` to its end: the events it passed on, and the error it ended with (`null`: ended in time). */
async function watchOnce(kubeConfig: ReturnType<typeof loadKubeConfig>, query: Record<string, string> = {}) {
  const events: string[] = []
  const error = await new Promise<Error | null>((resolve) => {
    void createBoundedKubeWatch(kubeConfig, { timeoutSeconds: 5, closing: new AbortController().signal }).watch('/api/v1/namespaces/x/pods', query, (type) => events.push(type), resolve)
  })
  return { events, error }
}

describe('the bounded watch (client-node `Watch` over openbell\'s transport)', () => {
  it('refuses a redirect: the credentials never follow it elsewhere', async () => {
    const { kubeConfig, requests } = await hostile((_request, response) => response.writeHead(307, { location: 'http://127.0.0.2:1/elsewhere' }).end())
    const { error } = await watchOnce(kubeConfig)
    expect(error?.message).toMatch(/answered 307, a redirect to http:\/\/127\.0\.0\.2:1\/elsewhere; openbell never follows a redirect/)
    expect(requests).toHaveLength(1)
  })

  it('asks for bookmarks, a timeout and the resourceVersion it is given, and passes each event on', async () => {
    const { kubeConfig, requests } = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"8"}}}\n{"type":"MODIFIED","object":{"metadata":{"name":"a","resourceVersion":"9"}}}\n')
      setTimeout(() => response.end(), 1_200)
    })
    const { events, error } = await watchOnce(kubeConfig, { resourceVersion: '7' })
    expect({ events, error }).toEqual({ events: ['BOOKMARK', 'MODIFIED'], error: null })
    expect(requests).toEqual(['GET /api/v1/namespaces/x/pods?resourceVersion=7&watch=1&allowWatchBookmarks=true&timeoutSeconds=5'])
  })

  it('cuts a watch event larger than the limit instead of buffering it', async () => {
    const { kubeConfig } = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write(`{"type":"MODIFIED","object":{"data":"${'x'.repeat(KUBE_WATCH_LIMITS.maxEventBytes + 1024)}`)
    })
    expect((await watchOnce(kubeConfig)).error?.message).toMatch(/exceeded 1048576 bytes \(KUBE_WATCH_LIMITS.maxEventBytes\); the stream was cut/)
  })

  it('ends with the Status code of an ERROR event (410: the informer lists again), and counts a watch ended at once as dropped', async () => {
    let answers = 0
    const { kubeConfig } = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(answers++ === 0 ? '{"type":"ERROR","object":{"kind":"Status","code":410,"message":"too old resource version"}}\n' : '')
    })
    const gone = (await watchOnce(kubeConfig)).error as Error & { statusCode?: number }
    expect([gone.message, gone.statusCode]).toEqual(['the API server ended the watch: too old resource version', 410])
    expect((await watchOnce(kubeConfig)).error?.message).toBe('the API server ended the watch at once')
  })

  it('ends a watch whose event is not a Kubernetes object, rather than handing it to the informer', async () => {
    const { kubeConfig } = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"3"}}}\n{"type":"ADDED","object":{"spec":{}}}\n')
    })
    const { events, error } = await watchOnce(kubeConfig)
    expect([events, error?.message]).toEqual([['BOOKMARK'], 'a watch event (ADDED) was not a Kubernetes object with a name'])
  })

  it('says what a refusal answered, scrubbed of the token it may echo', async () => {
    const { kubeConfig } = await hostile((_request, response) =>
      response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', message: 'pods is forbidden for Bearer boundedStreamToken0123456789' })),
    )
    const { error } = await watchOnce(kubeConfig)
    expect(error?.message).toBe('the API server answered 403 (pods is forbidden for [redacted])')
    expect(error?.message).not.toMatch(/boundedStreamToken/)
    expect((error as Error & { statusCode?: number }).statusCode).toBe(403)
  })

  it('ends a watch whose request cannot be sent (a token Node refuses as a header) through its done callback, never a rejection the informer leaves unhandled', async () => {
    const { requests } = await hostile((_request, response) => response.end())
    const file = await writeKubeconfig({ server: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-')), 'kubeconfig'), token: 'brokenHeader\nToken0123456789' })
    let watched: Promise<AbortController> | undefined
    const error = await new Promise<Error | null>((resolve) => {
      watched = createBoundedKubeWatch(loadKubeConfig({ kubeconfigPath: file, kubeContext: null }), { timeoutSeconds: 5, closing: new AbortController().signal }).watch('/api/v1/namespaces/x/pods', {}, () => undefined, resolve)
    })
    await expect(watched).resolves.toBeInstanceOf(AbortController)
    expect(error?.message).toMatch(/^openbell cannot watch \/api\/v1\/namespaces\/x\/pods: /)
    expect(error?.message).not.toMatch(/Token0123456789/)
    expect(requests).toEqual([])
  })

  it('gives up on credentials that are not ready in time (an exec credential plugin that hangs), rather than hanging the watch', async () => {
    const { requests } = await hostile((_request, response) => response.end())
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-')), 'kubeconfig')
    const user = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'sleep', args: ['30'], interactiveMode: 'Never' } }
    writeFileSync(file, stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'c',
    }), { mode: 0o600 })
    const { error } = await watchOnce(loadKubeConfig({ kubeconfigPath: file, kubeContext: null }))
    expect(error?.message).toBe(`openbell cannot watch /api/v1/namespaces/x/pods on the kube context's server: the kube context's credentials were not ready within ${KUBE_WATCH_LIMITS.credentialsMs} ms (KUBE_WATCH_LIMITS.credentialsMs; an exec credential plugin waiting for a login?)`)
    expect(requests).toEqual([])
  })

  it('reads an event trickled in in small pieces once, not once per piece: it is cut at the limit as one sent whole', async () => {
    // @note each piece is its own HTTP chunk, sent as its own TCP segment: one `data` per piece. Before, every piece
    // scanned (and copied) all the event so far: 14 s of CPU for a 1 MiB event in 64-byte pieces, past this test's timeout.
    const sockets = new Set<net.Socket>()
    const raw = net.createServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => undefined)
      socket.setNoDelay(true)
      socket.once('data', () => {
        const chunk = (text: string) => socket.write(`${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`)
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n')
        chunk('{"type":"MODIFIED","object":{"data":"')
        let sent = 0
        const piece = 'x'.repeat(32)
        const pump = () => {
          if (socket.destroyed || sent > KUBE_WATCH_LIMITS.maxEventBytes + 1024) return
          chunk(piece)
          sent += piece.length
          setImmediate(pump)
        }
        pump()
      })
    })
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
    try {
      const file = await writeKubeconfig({ server: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-')), 'kubeconfig') })
      const { error } = await watchOnce(loadKubeConfig({ kubeconfigPath: file, kubeContext: null }))
      expect(error?.message).toMatch(/exceeded 1048576 bytes \(KUBE_WATCH_LIMITS.maxEventBytes\); the stream was cut/)
    } finally {
      for (const socket of sockets) socket.destroy()
      raw.close()
    }
  }, 20_000)
})
