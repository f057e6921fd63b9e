import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type StartedKubeApi } from '../../emulators/kube-api/index.ts'

const NOW = new Date('2026-02-05T14:00:00Z')
const PROXY = '/api/v1/namespaces/trading-floor/services'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

describe('kube-api emulator service proxy to a loopback server', () => {
  let upstream: Server
  let upstreamUrl: string
  let closedPort: number
  let kube: StartedKubeApi
  const seen: Seen[] = []
  let releaseStream: () => void = () => {}

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
        if (req.url === '/stream') {
          res.writeHead(200, { 'content-type': 'text/plain' })
          res.write('first\n')
          releaseStream = () => res.end('second\n')
          return
        }
        const status = req.url === '/missing' ? 404 : 200
        res.writeHead(status, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'x-upstream': 'marketdata' })
        res.end(`# HELP agent_start_total Agent starts\nagent_start_total{component="marketdata"} 1\n${req.method} ${req.url}\n`)
      })
    })
    upstream.listen(0, '127.0.0.1')
    await once(upstream, 'listening')
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    const probe = createServer().listen(0, '127.0.0.1')
    await once(probe, 'listening')
    closedPort = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    kube = await new KubeApiEmulator()
      .withObjects(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW }))
      .withServiceProxy({
        'trading-floor/marketdata-mcp-server:80': upstreamUrl,
        'trading-floor/strategy-engine': `http://127.0.0.1:${closedPort}`,
      })
      .withForbidden([{ resource: 'services/proxy', namespace: 'trading-floor', verbs: ['create'] }])
      .start()
  })
  afterAll(async () => {
    await kube?.stop()
    upstream?.closeAllConnections()
    await new Promise((resolve) => upstream?.close(resolve))
  })

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${kube.url}${path}`, { ...init, headers: { authorization: `Bearer ${kube.token}`, ...init.headers } })

  it.each([
    ['name:port', 'marketdata-mcp-server:80'],
    ['scheme:name:port', 'http:marketdata-mcp-server:80'],
    ['name alone (the Service port is unnamed)', 'marketdata-mcp-server'],
  ])('forwards status, content-type and body (%s)', async (_form, id) => {
    const response = await get(`${PROXY}/${id}/proxy/metrics?format=text`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(response.headers.get('x-upstream')).toBe('marketdata')
    expect(await response.text()).toBe(
      '# HELP agent_start_total Agent starts\nagent_start_total{component="marketdata"} 1\nGET /metrics?format=text\n',
    )
  })

  it('passes the upstream status through and strips the caller\'s credentials', async () => {
    const response = await get(`${PROXY}/marketdata-mcp-server:80/proxy/missing`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(seen.at(-1)?.headers.authorization).toBeUndefined()
  })

  it('streams the answer instead of buffering it', async () => {
    const response = await get(`${PROXY}/marketdata-mcp-server:80/proxy/stream`)
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('first\n')
    releaseStream()
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value)
    expect(rest).toBe('second\n')
  })

  it('works through client-node connectGetNamespacedServiceProxyWithPath', async () => {
    const config = new KubeConfig()
    config.loadFromFile(kube.kubeconfigPath)
    const text = await config.makeApiClient(CoreV1Api).connectGetNamespacedServiceProxyWithPath({
      name: 'marketdata-mcp-server:80', namespace: 'trading-floor', path: 'ops/status',
    })
    expect(text).toContain('GET /ops/status')
  })

  it.each([
    ['a Service with no registered URL', 'execution-engine:80', 503, 'ServiceUnavailable', 'no endpoints available for service "execution-engine:80"'],
    ['a port name no Service port has', 'marketdata-mcp-server:http', 503, 'ServiceUnavailable', 'no endpoints available for service "marketdata-mcp-server:http"'],
    ['a port number the Service lacks', 'marketdata-mcp-server:8080', 503, 'ServiceUnavailable', 'no service port 8080 found for service "marketdata-mcp-server"'],
    ['a Service that does not exist', 'nope:80', 404, 'NotFound', 'services "nope" not found'],
    ['a refused connection', 'strategy-engine:80', 503, 'ServiceUnavailable', `error trying to reach service: connect ECONNREFUSED 127.0.0.1:${'{port}'}`],
  ])('answers %s with a Status', async (_case, id, code, reason, message) => {
    const response = await get(`${PROXY}/${id}/proxy/metrics`)
    expect(response.status).toBe(code)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toMatchObject({ kind: 'Status', code, reason, message: message.replace('{port}', String(closedPort)) })
  })

  it('forwards a POST body, or answers 403 where services/proxy create is forbidden', async () => {
    const response = await get(`${PROXY}/marketdata-mcp-server:80/proxy/echo`, { method: 'POST', body: 'hello' })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { message: string }).message).toBe(
      'services is forbidden: User "system:serviceaccount:trading-floor:openbell" cannot create resource "services/proxy" in API group "" in the namespace "trading-floor"',
    )
  })
})
