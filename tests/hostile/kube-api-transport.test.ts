import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeKubeconfig } from '../../emulators/kube-api/index.ts'
import { KUBE_READ_LIMITS } from '../../support/kube/kube-read-limits.ts'
import { createKubeReader, type KubeReader } from '../../support/kube/kube-reader.ts'
import { loadKubeConfig } from '../../support/kube/load-kube-config.ts'
import { CouldNotCheckError } from '../../support/errors.ts'

/**
 * A hostile stand-in for the API server (issue 17): redirects, lists that never end, bodies that never end. Whatever it
 * does, a read ends as could-not-check within its deadline, with bounded memory, and nothing reaches another server.
 */
type Answer = (req: IncomingMessage, res: ServerResponse) => void
let answer: Answer = (_req, res) => res.end()
const servers: Server[] = []
const sockets = new Set<Socket>()
/** Requests that reached "elsewhere", the server a redirect points at, with their Authorization header. */
const elsewhere: { path: string; authorization: string | undefined }[] = []
let elsewhereUrl = ''
let reader: (timeoutMs?: number) => KubeReader
/** Resolves when the stand-in sees the client's connection closed: a read that gave up must cut the socket. */
let clientGone: Promise<void> = Promise.resolve()

async function listen(handler: Answer): Promise<string> {
  const server = createServer((req, res) => handler(req, res))
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  elsewhereUrl = await listen((req, res) => {
    elsewhere.push({ path: req.url ?? '', authorization: req.headers.authorization })
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [] }))
  })
  const server = await listen((req, res) => {
    clientGone = new Promise((resolve) => res.once('close', () => resolve()))
    answer(req, res)
  })
  const kubeconfigPath = await writeKubeconfig({ server, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-hostile-api-')), 'kubeconfig'), token: 'canary-transport-token' })
  reader = (timeoutMs = 10_000) => createKubeReader(loadKubeConfig({ kubeconfigPath, kubeContext: null }), { namespace: 'trading-floor', timeoutMs })
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
})

const pod = (name: string) => ({ metadata: { name, namespace: 'trading-floor' } })
const page = (items: object[], next?: string) => JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: next ? { continue: next } : {}, items })

/** Writes `{"kind":"PodList",…,"items":[` and then pods for as long as the client reads, respecting backpressure. */
const endlessPodList: Answer = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.write('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"p"}}')
  const chunk = `,${JSON.stringify(pod('p'.repeat(200)))}`.repeat(256)
  const pump = () => {
    while (!req.socket.destroyed && res.write(chunk));
    if (!req.socket.destroyed) res.once('drain', pump)
  }
  pump()
}

describe('a redirect is never followed', () => {
  it('307 on the pod list: could-not-check naming the Location, and nothing (no token) reaches the other server', async () => {
    answer = (req, res) => res.writeHead(307, { Location: `${elsewhereUrl}${req.url}` }).end()
    const error = await reader().listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain(`list pods in namespace trading-floor: the API server answered 307, a redirect to ${elsewhereUrl}/api/v1/namespaces/trading-floor/pods?limit=500`)
    expect(elsewhere).toEqual([])
  })

  it('a 301 for the kill-switch ConfigMap is could-not-check too, never a ConfigMap from elsewhere', async () => {
    answer = (req, res) => res.writeHead(301, { Location: `${elsewhereUrl}${req.url}` }).end()
    await expect(reader().readConfigMap('agenttrader-kill-switch')).rejects.toThrow(/answered 301, a redirect to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/trading-floor\/configmaps\/agenttrader-kill-switch/)
    expect(elsewhere).toEqual([])
  })
})

describe('a list is read to its end, or not judged', () => {
  it('follows metadata.continue: the items of page 2 are in the list', async () => {
    const asked: Record<string, string>[] = []
    answer = (req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams
      asked.push(Object.fromEntries(query))
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(query.get('continue') === 'page-2' ? page([pod('b')]) : page([pod('a')], 'page-2'))
    }
    expect((await reader().listPods()).map((item) => item.metadata?.name)).toEqual(['a', 'b'])
    const limit = String(KUBE_READ_LIMITS.pageSize)
    expect(asked).toEqual([{ limit }, { limit, continue: 'page-2' }])
  })

  it(`a list that never ends is could-not-check after ${KUBE_READ_LIMITS.maxPages} pages`, async () => {
    let pages = 0
    answer = (_req, res) => {
      pages += 1
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(page([pod(`p${pages}`)], `more-${pages}`))
    }
    const error = await reader().listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain(`the list still had more after ${KUBE_READ_LIMITS.maxPages} pages (${KUBE_READ_LIMITS.maxPages} items; KUBE_READ_LIMITS.maxPages)`)
    expect(pages).toBe(KUBE_READ_LIMITS.maxPages)
  })
})

describe('a body is capped and the socket cut', () => {
  it('an endless pod list stops at the size cap, the connection is cut, and memory stays bounded', async () => {
    answer = endlessPodList
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 10)
    const error = await reader(60_000).listPods().catch((caught: unknown) => caught)
    clearInterval(sampler)
    await clientGone
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain(`the answer was larger than ${KUBE_READ_LIMITS.maxBytes} bytes`)
    const grewMiB = Math.round((peak - before) / 2 ** 20)
    console.info(`endless pod list: RSS grew by ${grewMiB} MiB while reading (cap ${KUBE_READ_LIMITS.maxBytes / 2 ** 20} MiB)`)
    expect(grewMiB).toBeLessThan(256)
  })

  it('a body that trickles in forever is cut at the deadline, not read on', async () => {
    answer = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"kind":"PodList","items":[')
      const drip = setInterval(() => (req.socket.destroyed ? clearInterval(drip) : res.write(' ')), 20)
    }
    const error = await reader(500).listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toMatch(/within 500 ms/)
    await clientGone
  })
})

describe('an odd answer quoted in a message', () => {
  it('a credential in a body cut short for the message is redacted before the cut, never shown in part', async () => {
    // @note the token straddles the cut: a cut before the scrub would leave "canary-transp…" in the reason.
    answer = (_req, res) => res.writeHead(502, { 'Content-Type': 'application/json' }).end(`${'x'.repeat(50)} Bad token canary-transport-token was refused by the gateway`)
    const error = await reader().listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain('the API server answered 502')
    expect((error as Error).message).not.toMatch(/canary|transport-t/)
  })

  it('a Location that is not a URL is quoted cut short, with a credential in it redacted before the cut', async () => {
    // @note port 99999 makes the Location unparseable; the token straddles the 200-character cut of the quote.
    answer = (_req, res) => res.writeHead(302, { Location: `http://127.0.0.1:99999/${'x'.repeat(150)}?access_token=canary-transport-token&x=1` }).end()
    const error = await reader().listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain('the API server answered 302, a redirect to "http://127.0.0.1:99999/xxx')
    expect((error as Error).message).not.toMatch(/canary/)
    expect(elsewhere).toEqual([])
  })
})
