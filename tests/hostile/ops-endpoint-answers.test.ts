import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KubeApiEmulator, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { OpsServiceEmulator } from '../../emulators/ops/ops-service-emulator.ts'
import { createKubeReader } from '../../support/kube/kube-reader.ts'
import { loadKubeConfig } from '../../support/kube/load-kube-config.ts'
import { CouldNotCheckError } from '../../support/errors.ts'
import { judgeHeartbeatSource } from '../../support/metrics/freshness-sources.ts'
import { judgeMetricContract } from '../../support/metrics/metric-contract.ts'
import { judgeMetricsContentType } from '../../support/metrics/metrics-content-type.ts'
import { judgeOpsStatus } from '../../support/metrics/ops-status-contract.ts'

/**
 * Hostile answers from an ops endpoint, read the way the gates read them (issue 7): through the API server's service
 * proxy with openbell's KubeReader, then judged by the gates' own policies. Each must end as a failed check with a
 * readable reason, or as could-not-check; none may pass. The exposition format's malformations have their own
 * table: support/metrics/parse-exposition.test.ts with fixtures/metrics/invalid-*.prom.
 */
type Answer = (res: ServerResponse) => void
let answer: Answer = (res) => res.end()
let upstream: Server
let kube: StartedKubeApi
const sockets = new Set<Socket>()
const good = { opsStatus: '', heartbeat: '', metrics: '' }

const send = (status: number, contentType: string | null, body: string | Buffer): Answer => (res) => {
  if (contentType !== null) res.setHeader('Content-Type', contentType)
  res.writeHead(status).end(body)
}

beforeAll(async () => {
  // @note the healthy bodies come from the stand-in itself, so "right body, wrong wrapping" cases are exact.
  await using healthy = await new OpsServiceEmulator('marketdata-mcp-server').start()
  for (const [key, path] of [['opsStatus', '/ops/status'], ['heartbeat', '/heartbeat'], ['metrics', '/metrics']] as const) {
    good[key] = await (await fetch(`${healthy.url}${path}`)).text()
  }
  upstream = createServer((_req, res) => answer(res))
  upstream.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  kube = await new KubeApiEmulator()
    .withObjects([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading-floor' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'marketdata-mcp-server' }, spec: { ports: [{ port: 80 }] } },
    ])
    .withServiceProxy({ 'trading-floor/marketdata-mcp-server:80': `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` })
    .start()
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await kube?.stop()
  await new Promise((resolve) => upstream?.close(resolve))
})

/** GETs a path through the proxy as a gate would, and judges it with that endpoint's policy: pass, or why not. */
async function judge(path: '/ops/status' | '/metrics' | '/heartbeat', timeoutMs = 10_000): Promise<{ pass: boolean; reason: string }> {
  const reader = createKubeReader(loadKubeConfig({ kubeconfigPath: kube.kubeconfigPath, kubeContext: null }), {
    namespace: 'trading-floor',
    timeoutMs,
    maxBytes: 64 * 1024,
  })
  let response
  try {
    response = await reader.proxyGet('marketdata-mcp-server', 80, path)
  } catch (error) {
    expect(error).toBeInstanceOf(CouldNotCheckError)
    return { pass: false, reason: `unverified: ${(error as Error).message}` }
  }
  if (response.status !== 200) return { pass: false, reason: `HTTP status ${response.status}` }
  if (path === '/ops/status') {
    const judgement = judgeOpsStatus(response.body, response.contentType)
    return { pass: judgement.shape !== 'invalid', reason: judgement.reason }
  }
  if (path === '/metrics') {
    const type = judgeMetricsContentType(response.contentType)
    if (type.status !== 'pass') return { pass: false, reason: type.reason }
    const judgement = judgeMetricContract(response.body, undefined, { contentType: response.contentType })
    return judgement.parsed ? { pass: judgement.missing.length === 0, reason: `missing ${judgement.missing.join(', ')}` } : { pass: false, reason: judgement.reason }
  }
  const judgement = judgeHeartbeatSource(response, { now: new Date(), thresholdSeconds: 120 })
  return { pass: judgement.verdict === 'fresh', reason: `${judgement.verdict}: ${judgement.said}` }
}

const JSON_TYPE = 'application/json; charset=utf-8'
const PROM_TYPE = 'text/plain; version=0.0.4; charset=utf-8'
const truncate = (text: string) => text.slice(0, Math.floor(text.length / 2))
const HTML_500 = '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>'

describe.each(['/ops/status', '/heartbeat', '/metrics'] as const)('%s: a hostile answer never passes', (path) => {
  const body = () => (path === '/ops/status' ? good.opsStatus : path === '/heartbeat' ? good.heartbeat : good.metrics)
  const type = path === '/metrics' ? PROM_TYPE : JSON_TYPE

  it('(the healthy answer passes, so the cases below are meaningful)', async () => {
    answer = send(200, type, body())
    expect(await judge(path)).toMatchObject({ pass: true })
  })

  it.each([
    ['not JSON and not exposition text', () => send(200, type, 'OK\n'), /not JSON|line 1|neither|missing|null or missing/],
    ['truncated in the middle', () => send(200, type, truncate(body())), /JSON|line|missing|null or missing/],
    ['an HTML error page with status 200', () => send(200, 'text/html', HTML_500), /HTML|content type|line 1|null or missing/],
    ['an HTML error page with status 500', () => send(500, 'text/html', HTML_500), /HTTP status 500/],
    ['the other endpoint\'s body', () => send(200, type, path === '/metrics' ? good.opsStatus : good.metrics), /.+/],
    ['an empty body', () => send(200, type, ''), /.+/],
    ['a body over the size cap', () => send(200, type, `${body()}${' '.repeat(70 * 1024)}`), /exceeded 65536 bytes/],
    ['a body that is not UTF-8', () => send(200, type, Buffer.concat([Buffer.from(body()), Buffer.from([0xff, 0xfe])])), /not valid UTF-8/],
    ['a redirect to another host', () => (res: ServerResponse) => res.writeHead(302, { Location: 'http://127.0.0.1:9/metrics' }).end(), /answered 302, a redirect to http:\/\/127\.0\.0\.1:9\/metrics; openbell never follows a redirect/],
    ['no answer at all', () => () => undefined, /no complete response within 1000 ms/, 1_000],
  ])('%s', async (_name, make, reason, timeoutMs?: number) => {
    answer = make()
    const judgement = await judge(path, timeoutMs)
    expect(judgement.pass, judgement.reason).toBe(false)
    expect(judgement.reason).toMatch(reason)
  })

  it.runIf(path === '/metrics')('valid exposition text served as JSON (Prometheus would not scrape it)', async () => {
    answer = send(200, 'application/json', body())
    expect(await judge(path)).toEqual({
      pass: false,
      reason: 'the content type is "application/json", not Prometheus text ("text/plain; version=0.0.4" or OpenMetrics); Prometheus would not scrape it',
    })
  })
})
