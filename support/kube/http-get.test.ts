import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { httpGet } from './http-get.ts'

/** A hostile upstream: every path answers in its own broken way. */
type Handler = (req: IncomingMessage, res: ServerResponse) => void
const hits: string[] = []
const sockets = new Set<Socket>()
let server: Server
let other: Server
let base = ''
let otherBase = ''

const ROUTES: Record<string, Handler> = {
  '/ok': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
  '/huge': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(1025)),
  '/exactly-cap': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('y'.repeat(1024)),
  '/invalid-utf8': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x0a])),
  '/overlong-utf8': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(Buffer.from([0xc0, 0xaf])),
  '/gzip-unasked': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(gzipSync('{"ok":true}')),
  '/cut-mid-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
    res.write('{"status":{"state":"OK"')
    setTimeout(() => res.socket?.destroy(), 20)
  },
  '/hang': () => undefined,
  '/drip': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    const timer = setInterval(() => res.write('.'), 20)
    res.on('close', () => clearInterval(timer))
  },
  '/redirect-same-host': (_req, res) => res.writeHead(302, { Location: '/ok' }).end(),
  '/redirect-other-host': (_req, res) => res.writeHead(301, { Location: `${otherBase}/stolen` }).end('moved'),
  '/redirect-live-broker': (_req, res) => res.writeHead(307, { Location: 'https://api.alpaca.markets/v2/account' }).end(),
}

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '')
    ;(ROUTES[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // @note "another host": a second loopback server that must never be asked anything.
  other = createServer((req, res) => {
    hits.push(`other:${req.url}`)
    res.end('you followed a redirect')
  })
  await Promise.all([server, other].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await Promise.all([server, other].map((s) => new Promise((resolve) => s.close(resolve))))
})

// @note a short deadline only where silence is the case: a loaded machine must not turn an answer into a timeout.
const get = (path: string, timeoutMs = 10_000) => httpGet(`${base}${path}`, { timeoutMs, maxBytes: 1024, label: `svc ${path}` })

describe('httpGet refuses hostile answers as could-not-check, with a readable reason', () => {
  it.each([
    ['/huge', '[openbell] svc /huge: the response body exceeded 1024 bytes; openbell reads at most that much'],
    ['/invalid-utf8', '[openbell] svc /invalid-utf8: the response body is not valid UTF-8'],
    ['/overlong-utf8', '[openbell] svc /overlong-utf8: the response body is not valid UTF-8'],
    ['/gzip-unasked', '[openbell] svc /gzip-unasked: the response body is not valid UTF-8'],
    ['/cut-mid-body', '[openbell] svc /cut-mid-body: the response broke off: aborted'],
    ['/hang', '[openbell] svc /hang: no complete response within 300 ms'],
    ['/drip', '[openbell] svc /drip: no complete response within 300 ms'],
  ])('%s', async (path, message) => {
    const error = await get(path, /hang|drip/.test(path) ? 300 : undefined).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toBe(message)
  })

  it('a closed port', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    await expect(httpGet(`http://127.0.0.1:${port}/metrics`, { label: 'svc /metrics' })).rejects.toThrow(
      `[openbell] svc /metrics: request failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    )
  })
})

describe('httpGet returns what it was told, and nothing more', () => {
  it('reads a body of exactly the cap', async () => {
    await expect(get('/exactly-cap')).resolves.toMatchObject({ status: 200, bytes: 1024 })
  })

  it.each([
    ['/redirect-same-host', 302, '/ok'],
    ['/redirect-other-host', 301, 'other:/stolen'],
    ['/redirect-live-broker', 307, null],
  ])('never follows a redirect: %s is answered as %i', async (path, status, neverAsked) => {
    const before = hits.length
    const observation = await get(path)
    expect(observation.status).toBe(status)
    // @note a 3xx is not a 200, so every gate that reads it fails; and the target was never contacted.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(hits.slice(before)).toEqual([path])
    if (neverAsked) expect(hits).not.toContain(neverAsked)
  })

  it('keeps user info out of the URL it records', async () => {
    const observation = await httpGet(`${base.replace('http://', 'http://user:pw@')}/ok`)
    expect(observation.url).toBe(`${base}/ok`)
  })
})
