import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ReadinessReport } from '../verdict/index.ts'
import { GATE_IDS, type GateStatus } from '../gates/index.ts'

const GATE_STATUSES: readonly GateStatus[] = ['pass', 'fail', 'unverified', 'waived']

/** The guardian's Prometheus metrics and the server that exposes them. */
export interface WatchMetrics {
  /** `http://host:port` the server listens on (the real port when 0 was asked for). */
  readonly url: string
  /** Records a decided evaluation. */
  recordEvaluation(report: ReadinessReport, durationMs: number): void
  recordNotificationFailed(): void
  close(): Promise<void>
}

/**
 * Starts `/metrics` (Prometheus text exposition, prom-client) and `/healthz` on `host:port`. Before the first
 * evaluation `openbell_go` is 0 and every gate `unverified`: a scrape never sees a GO nobody decided.
 * `/healthz` answers 200 while evaluations keep coming (the last within `staleAfterMs`), else 503; past that,
 * `/metrics` says NO-GO with every gate unverified until the next evaluation.
 */
export async function startWatchMetrics(options: {
  host: string
  port: number
  staleAfterMs: number
  now?: () => number
  /** Emulator mode only: `POST /floor/scenario/NAME` puts a scenario's faults on the running floor, `DELETE /floor/scenario` takes them off. */
  floorControl?: ((scenario: string | null) => Promise<void>) | null
}): Promise<WatchMetrics> {
  const now = options.now ?? Date.now
  const registry = new Registry()
  const go = new Gauge({ name: 'openbell_go', help: 'The watch verdict: 1 GO, 0 NO-GO (or not decided yet, or its knowledge is stale).', registers: [registry] })
  const gateStatus = new Gauge({
    name: 'openbell_gate_status',
    help: "1 for each gate's current status (pass, fail, unverified, waived), 0 for the others.",
    labelNames: ['gate', 'status'] as const,
    registers: [registry],
  })
  const lastEvaluation = new Gauge({ name: 'openbell_last_evaluation_timestamp_seconds', help: 'When the last evaluation finished, Unix seconds.', registers: [registry] })
  const evaluations = new Counter({ name: 'openbell_evaluations_total', help: 'Evaluations of the runbook since the watch started.', registers: [registry] })
  const duration = new Histogram({
    name: 'openbell_evaluation_duration_seconds',
    help: 'How long one evaluation of every gate took.',
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60],
    registers: [registry],
  })
  const notificationsFailed = new Counter({ name: 'openbell_notifications_failed_total', help: 'Notifications given up after their retries.', registers: [registry] })
  const setGates = (statusOf: (gate: string) => GateStatus) => {
    for (const gate of GATE_IDS) for (const status of GATE_STATUSES) gateStatus.set({ gate, status }, statusOf(gate) === status ? 1 : 0)
  }
  go.set(0)
  setGates(() => 'unverified')
  let lastAt: number | null = null

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    if (options.floorControl && path.startsWith('/floor/scenario')) return controlFloor(options.floorControl, request.method ?? 'GET', path, response)
    if (request.method !== 'GET') return void response.writeHead(405, { allow: 'GET' }).end()
    if (path === '/metrics') {
      // @note knowledge older than `staleAfterMs` (no evaluation finished since) is not a pass: NO-GO, every gate unverified.
      if (lastAt !== null && now() - lastAt > options.staleAfterMs) {
        go.set(0)
        setGates(() => 'unverified')
      }
      void registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      )
      return
    }
    if (path === '/healthz') {
      const fresh = lastAt !== null && now() - lastAt <= options.staleAfterMs
      return void response.writeHead(fresh ? 200 : 503, { 'content-type': 'text/plain' }).end(fresh ? 'ok\n' : 'no recent evaluation\n')
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    recordEvaluation(report, durationMs) {
      lastAt = now()
      go.set(report.verdict === 'GO' ? 1 : 0)
      const statuses = new Map(report.gates.map((gate) => [gate.id as string, gate.status]))
      setGates((gate) => statuses.get(gate) ?? 'unverified')
      lastEvaluation.set(Date.parse(report.finishedAt) / 1000)
      evaluations.inc()
      duration.observe(durationMs / 1000)
    },
    recordNotificationFailed: () => notificationsFailed.inc(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** The emulator floor's control: a scenario's faults on (`POST /floor/scenario/NAME`) and off (`DELETE /floor/scenario`). */
function controlFloor(apply: (scenario: string | null) => Promise<void>, method: string, path: string, response: ServerResponse): void {
  const name = path === '/floor/scenario' ? null : decodeURIComponent(path.slice('/floor/scenario/'.length))
  if (!((method === 'POST' && name !== null && /^[a-z0-9-]+$/.test(name)) || (method === 'DELETE' && name === null))) {
    return void response.writeHead(400, { 'content-type': 'text/plain' }).end('POST /floor/scenario/NAME or DELETE /floor/scenario\n')
  }
  apply(name).then(
    () => response.writeHead(200, { 'content-type': 'text/plain' }).end(name === null ? 'the floor is healthy again\n' : `scenario ${name} applied\n`),
    (error: unknown) => response.writeHead(400, { 'content-type': 'text/plain' }).end(`${error instanceof Error ? error.message : String(error)}\n`),
  )
}
