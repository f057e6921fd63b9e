import { mkdtempSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeKubeconfig } from '../../emulators/kube-api/write-kubeconfig.ts'
import { KUBE_WATCH_LIMITS } from './kube-read-limits.ts'
import { loadKubeConfig } from './load-kube-config.ts'
import { makeKubeInformer } from './make-kube-informer.ts'

let server: Server | undefined
let closing = new AbortController()
afterEach(() => {
  closing.abort()
  server?.closeAllConnections()
  server?.close()
  closing = new AbortController()
})

/** An API server stand-in: an empty list of pods, and a watch of them that `stream` writes to. */
async function informerOf(stream: (response: ServerResponse) => void) {
  server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    if (!request.url?.includes('watch=1')) return response.end(JSON.stringify({ metadata: { resourceVersion: '1' }, items: [] }))
    stream(response)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const file = await writeKubeconfig({ server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-informer-')), 'kubeconfig'), token: 'informerToken0123456789abc' })
  const informer = makeKubeInformer(loadKubeConfig({ kubeconfigPath: file, kubeContext: null }), { kind: 'pods', namespace: 'x', timeoutMs: 5_000, watchSeconds: 5, closing: closing.signal, onWatching: () => undefined })
  const errors: string[] = []
  const stopped = new Promise<void>((resolve) => informer.on('error', (error: Error) => (errors.push(error.message), resolve())))
  void informer.start()
  return { informer, errors, stopped }
}

const added = (index: number, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ type: 'ADDED', object: { metadata: { name: `p${index}`, namespace: 'x', resourceVersion: String(index + 2), labels: { big: 'x'.repeat(1_000) } }, ...extra } })}\n`

describe('the informer of a followed kind (client-node ListWatch over the bounded watch)', () => {
  it('holds no more objects than a list may have: a watch that adds more is ended, and the informer stops on it', async () => {
    const { informer, errors, stopped } = await informerOf((response) => {
      for (let index = 0; index <= KUBE_WATCH_LIMITS.maxObjects; index++) response.write(added(index))
    })
    await stopped
    expect(errors).toEqual([`the watch would hold more than ${KUBE_WATCH_LIMITS.maxObjects} objects (KUBE_WATCH_LIMITS.maxObjects); the stream was cut`])
    expect(informer.list()).toHaveLength(KUBE_WATCH_LIMITS.maxObjects)
  })

  it('holds of each object only what it is known by (name, namespace, resourceVersion, an event\'s type), not its whole body', async () => {
    let written = false
    const { informer } = await informerOf((response) => {
      response.write(added(0, { type: 'Warning', spec: { containers: [{ image: 'x'.repeat(10_000) }] } }))
      written = true
    })
    for (let tries = 0; tries < 250 && informer.list().length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(written).toBe(true)
    expect(informer.list()).toEqual([{ metadata: { name: 'p0', namespace: 'x', resourceVersion: '2' }, type: 'Warning' }])
  })

  it('ends a watch whose object names itself with more than a Kubernetes name can be, rather than holding it', async () => {
    const { informer, errors, stopped } = await informerOf((response) => {
      response.write(`${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'n'.repeat(100_000), namespace: 'x', resourceVersion: '2' } } })}\n`)
    })
    await stopped
    expect(errors).toEqual(['a watched object\'s name, namespace, resourceVersion or type is longer than 253 characters, more than any Kubernetes object\'s; the stream was cut'])
    expect(informer.list()).toEqual([])
  })
})
