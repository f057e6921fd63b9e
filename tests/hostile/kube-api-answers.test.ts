import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeKubeconfig } from '../../emulators/kube-api/index.ts'
import { createKubeReader, type KubeReader } from '../../support/kube/kube-reader.ts'
import { loadKubeConfig } from '../../support/kube/load-kube-config.ts'
import { CouldNotCheckError } from '../../support/errors.ts'

/**
 * A tiny fake API server that answers every request the way the test says (issue 7): odd status codes, Status
 * bodies that are not JSON, bodies that are not what was asked. Every one must end as could-not-check (the check
 * is unverified) with a readable reason: never a value a check could pass on.
 */
type Answer = (res: ServerResponse) => void
let answer: Answer = (res) => res.end()
let server: Server
let reader: (timeoutMs?: number) => KubeReader
const sockets = new Set<Socket>()

const status = (code: number, reason: string, message: string) => (res: ServerResponse) =>
  res
    .writeHead(code, { 'Content-Type': 'application/json' })
    .end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }))
const raw = (code: number, contentType: string, body: string, headers: Record<string, string> = {}) => (res: ServerResponse) =>
  res.writeHead(code, { 'Content-Type': contentType, ...headers }).end(body)

beforeAll(async () => {
  server = createServer((_req, res) => answer(res))
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const kubeconfigPath = await writeKubeconfig({
    server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-fake-api-')), 'kubeconfig'),
  })
  // @note a new reader per case: a reader shares each read between the checks of one gate.
  // @note a short deadline only where silence is the case: a loaded machine must not turn an answer into a timeout.
  reader = (timeoutMs = 10_000) => createKubeReader(loadKubeConfig({ kubeconfigPath, kubeContext: null }), { namespace: 'trading-floor', timeoutMs })
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
})

const CASES: { name: string; answer: Answer; reason: string; timeoutMs?: number }[] = [
  { name: "418 I'm a teapot, as a Status", answer: status(418, 'Teapot', 'short and stout'), reason: 'the API server answered 418: short and stout' },
  {
    name: '429 Too Many Requests with Retry-After',
    answer: raw(429, 'application/json', JSON.stringify({ kind: 'Status', code: 429, message: 'too many requests, please try again later', reason: 'TooManyRequests' }), { 'Retry-After': '1' }),
    reason: 'the API server answered 429: too many requests, please try again later; the API server is throttling openbell: rerun in a minute',
  },
  {
    name: '500 with a body that is not JSON',
    answer: raw(500, 'text/plain', 'upstream connect error or disconnect/reset before headers'),
    reason: 'the API server answered 500: "upstream connect error or disconnect/reset before headers"',
  },
  {
    name: '503 with an HTML page from a load balancer',
    answer: raw(503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>'),
    reason: 'the API server answered 503: "<html><body><h1>503 Service Unavailable</h1></body></html>"',
  },
  {
    name: '401 Unauthorized (an expired token)',
    answer: status(401, 'Unauthorized', 'Unauthorized'),
    reason: 'the API server answered 401; the credentials of the kube context were refused (expired?): renew them (e.g. `gcloud container clusters get-credentials`) and rerun',
  },
  {
    name: '403 Forbidden',
    answer: status(403, 'Forbidden', 'configmaps is forbidden: User "x" cannot list resource "configmaps"'),
    reason: 'forbidden (403): configmaps is forbidden: User "x" cannot list resource "configmaps". Grant openbell\'s identity this read: ',
  },
  {
    name: '200 with a body that is not JSON',
    answer: raw(200, 'application/json', '<html>login</html>'),
    reason: 'the API server answered with a body openbell cannot read (Unexpected token \'<\', "<html>login</html>" is not valid JSON); check that the kube context points at a Kubernetes API server',
  },
  {
    name: '200 with truncated JSON',
    answer: raw(200, 'application/json', '{"kind":"ConfigMapList","items":[{"metadata":'),
    reason: 'the API server answered with a body openbell cannot read (Unexpected end of JSON input)',
  },
  { name: 'an answer that never comes', answer: () => undefined, reason: 'the API server did not answer within 500 ms', timeoutMs: 500 },
]

describe('hostile answers from the API server are could-not-check, with a readable reason', () => {
  it.each(CASES)('$name: list', async ({ answer: next, reason, timeoutMs }) => {
    answer = next
    const error = await reader(timeoutMs).listConfigMaps().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toMatch(/^\[openbell\] list configmaps in namespace trading-floor: /)
    expect((error as Error).message).toContain(reason)
  })

  it.each(CASES.filter((entry) => !entry.name.startsWith('200')))('$name: get', async ({ answer: next, reason, timeoutMs }) => {
    answer = next
    const error = await reader(timeoutMs).readConfigMap('agenttrader-kill-switch').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain(reason)
  })

  it('a list whose items are not a list is could-not-check, not an empty namespace', async () => {
    answer = raw(200, 'application/json', JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: 'none' }))
    const outcome = await reader().listPods().then(
      (pods) => ({ pods }),
      (error: unknown) => ({ error }),
    )
    expect(outcome).toMatchObject({ error: expect.any(CouldNotCheckError) })
  })
})

describe('a 404 is "does not exist" only when the API server says so', () => {
  it('a Status NotFound for the ConfigMap is null (the gate then fails: nothing holds execution halted)', async () => {
    answer = status(404, 'NotFound', 'configmaps "agenttrader-kill-switch" not found')
    await expect(reader().readConfigMap('agenttrader-kill-switch')).resolves.toBeNull()
  })

  it('an HTML 404 from something that is not the API server is could-not-check', async () => {
    answer = raw(404, 'text/html', '<html><body>Not Found</body></html>')
    await expect(reader().readConfigMap('agenttrader-kill-switch')).rejects.toThrow(CouldNotCheckError)
  })
})
