import { appendFileSync, mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { Agent, createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ALWAYS_FORBIDDEN, type ForbiddenRule } from './forbidden-rule.ts'
import { handleKubeRequest } from './internal/handle-kube-request.ts'
import { KubeObjectStore } from './internal/kube-object-store.ts'
import { createMidRunFaults } from './internal/mid-run-faults.ts'
import { startElsewhere, type Elsewhere, type ElsewhereRequestRecord } from './internal/serve-hostile-answers.ts'
import type { KubeHostileAnswers } from './hostile-answers.ts'
import type { KubeRequestContext } from './internal/kube-request-context.ts'
import {
  resolveKubeApiEmulatorOptions, type KubeApiEmulatorOptions, type ResolvedKubeApiEmulatorOptions,
} from './kube-api-emulator-options.ts'
import type { KubeMutation } from './kube-mutation.ts'
import type { KubeObject } from './kube-object.ts'
import type { KubeOverlay } from './kube-overlay.ts'
import { applyKubeOverlay } from './apply-kube-overlay.ts'
import { findResourceTypeByKind } from './kube-resource-types.ts'
import type { KubeApiRequestRecord, StartedKubeApi } from './started-kube-api.ts'
import { writeKubeconfig } from './write-kubeconfig.ts'

/**
 * A local stand-in for the Kubernetes API server, built fluently and started on a free loopback port.
 * @example
 * await using kube = await new KubeApiEmulator()
 *   .withObjects(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now }))
 *   .withServiceProxy({ 'trading-floor/marketdata-mcp-server:80': metrics.url })
 *   .withForbidden(['configmaps'])
 *   .start()
 */
export class KubeApiEmulator {
  #options: KubeApiEmulatorOptions

  constructor(options: KubeApiEmulatorOptions = {}) {
    this.#options = { ...options }
  }

  /** Adds objects to serve. */
  withObjects(objects: readonly KubeObject[]): this {
    this.#options.objects = [...(this.#options.objects ?? []), ...objects]
    return this
  }

  /** Registers loopback URLs behind `services/{name}/proxy`, keyed `<namespace>/<service>:<port>`. */
  withServiceProxy(upstreams: Readonly<Record<string, string>>): this {
    this.#options.serviceProxy = { ...this.#options.serviceProxy, ...upstreams }
    return this
  }

  /** Adds permissions the emulated identity lacks (answered with 403). */
  withForbidden(rules: readonly ForbiddenRule[]): this {
    this.#options.forbidden = [...(this.#options.forbidden ?? []), ...rules]
    return this
  }

  /** Delays every answer, to emulate a slow API server. */
  withLatencyMs(latencyMs: number): this {
    this.#options.latencyMs = latencyMs
    return this
  }

  /** Appends every request it answered (method, path, query, status; never headers or bodies) to this NDJSON file. */
  withRequestLog(file: string | null): this {
    this.#options.requestLog = file
    return this
  }

  /** Keeps only this many of the latest answered requests in `requests`. */
  withRecordedRequests(requests: number): this {
    this.#options.recordedRequests = requests
    return this
  }

  /** Makes the stand-in go away (listener closed, connections cut) once it has answered this many requests. */
  withStopAfterRequests(requests: number | null): this {
    this.#options.stopAfterRequests = requests
    return this
  }

  /** Adds objects that change while a run is in progress, each after it was read a number of times. */
  withMutations(mutations: readonly KubeMutation[]): this {
    this.#options.mutations = [...(this.#options.mutations ?? []), ...mutations]
    return this
  }

  /** Answers a client must not trust: redirects, forced paging, endless lists, refused credentials (issue 17). */
  withHostileAnswers(hostile: KubeHostileAnswers): this {
    this.#options.hostile = { ...this.#options.hostile, ...hostile }
    return this
  }

  /** Sets the bearer token written into the kubeconfig; a request carrying another token gets 401. */
  withToken(token: string): this {
    this.#options.token = token
    return this
  }

  /** Sets the user named in 403 messages. */
  withUser(user: string): this {
    this.#options.user = user
    return this
  }

  /** Sets the clock for defaulted `creationTimestamp`s. */
  withClock(now: () => Date): this {
    this.#options.now = now
    return this
  }

  /**
   * Listens on 127.0.0.1 (free port) and writes a kubeconfig into a new temp folder.
   * @throws UsageError when an option or object is invalid.
   */
  async start(): Promise<StartedKubeApi> {
    const options = resolveKubeApiEmulatorOptions(this.#options)
    const store = new KubeObjectStore(options.objects, options.now())
    if (options.requestLog !== null) mkdirSync(dirname(options.requestLog), { recursive: true })
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    // @note elsewhere's requests go to the same request log, marked, so a run's evidence shows a followed redirect.
    const elsewhere = options.hostile.redirect
      ? await startElsewhere((record) => {
          if (options.requestLog !== null) appendFileSync(options.requestLog, `${JSON.stringify({ ...record, server: 'elsewhere' })}\n`, { mode: 0o600 })
        })
      : null
    const directory = await mkdtemp(join(tmpdir(), 'openbell-kube-api-'))
    const kubeconfigPath = await writeKubeconfig({
      server: `http://127.0.0.1:${port}`,
      path: join(directory, 'kubeconfig.yaml'),
      token: options.token,
      context: options.context,
      namespace: options.namespace,
    })
    return new RunningKubeApi(server, port, kubeconfigPath, directory, store, options, elsewhere)
  }
}

class RunningKubeApi implements StartedKubeApi {
  readonly #server: Server
  readonly #directory: string
  readonly #store: KubeObjectStore
  readonly #options: ResolvedKubeApiEmulatorOptions
  readonly #agent = new Agent({ keepAlive: false })
  readonly #timers = new Set<NodeJS.Timeout>()
  readonly #requests: KubeApiRequestRecord[] = []
  readonly #elsewhere: Elsewhere | null
  readonly #baseline: KubeObject[]
  #stopping: Promise<void> | undefined
  readonly port: number
  readonly kubeconfigPath: string

  constructor(
    server: Server, port: number, kubeconfigPath: string, directory: string, store: KubeObjectStore,
    options: ResolvedKubeApiEmulatorOptions, elsewhere: Elsewhere | null,
  ) {
    this.#server = server
    this.#elsewhere = elsewhere
    this.port = port
    this.kubeconfigPath = kubeconfigPath
    this.#directory = directory
    this.#store = store
    this.#baseline = store.snapshot()
    this.#options = options
    const context: KubeRequestContext = {
      store,
      forbidden: [...ALWAYS_FORBIDDEN, ...options.forbidden],
      serviceProxy: options.serviceProxy,
      token: options.token,
      user: options.user,
      serverVersion: options.serverVersion,
      serverAddress: `127.0.0.1:${port}`,
      proxyAgent: this.#agent,
      hostile: options.hostile,
      elsewhere: elsewhere?.url ?? null,
    }
    const faults = createMidRunFaults(options, store, () => {
      // @note an API server that went away: new connections are refused, open ones are cut.
      this.#server.close()
      this.#server.closeAllConnections()
    })
    server.on('request', (req, res) => {
      if (!faults.admit(req, res)) return
      const url = new URL(req.url ?? '/', 'http://kube-api.invalid')
      res.once('finish', () => {
        const record = { method: req.method ?? 'GET', path: url.pathname, search: url.search, status: res.statusCode }
        this.#requests.push(record)
        if (this.#requests.length > options.recordedRequests) this.#requests.shift()
        // @note synchronous: the run's reports (and their manifest) are written right after the last answer.
        if (options.requestLog !== null) appendFileSync(options.requestLog, `${JSON.stringify(record)}\n`, { mode: 0o600 })
      })
      void this.#delay().then(() => handleKubeRequest(req, res, context))
    })
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get token(): string {
    return this.#options.token
  }

  get context(): string {
    return this.#options.context
  }

  get namespace(): string {
    return this.#options.namespace
  }

  get requests(): readonly KubeApiRequestRecord[] {
    return [...this.#requests]
  }

  get elsewhereRequests(): readonly ElsewhereRequestRecord[] {
    return [...(this.#elsewhere?.requests ?? [])]
  }

  get objects(): KubeObject[] {
    return this.#store.snapshot()
  }

  applyOverlay(overlay: KubeOverlay | null, now: Date = new Date()): void {
    const target = overlay === null ? this.#baseline : applyKubeOverlay(this.#baseline, { ...overlay, remove: [] }, { now })
    const current = new Map(this.#store.snapshot().map((object) => [identify(object), object]))
    for (const object of target) {
      const existing = current.get(identify(object))
      const next = structuredClone(object)
      // @note compared without resourceVersion: only a real difference is committed (and seen by watches).
      if (existing !== undefined) {
        next.metadata = { ...next.metadata, resourceVersion: existing.metadata.resourceVersion, ...(existing.metadata.generation !== undefined ? { generation: existing.metadata.generation } : {}) }
        const observed = (existing.status as { observedGeneration?: unknown } | undefined)?.observedGeneration
        if (observed !== undefined && next.status) (next.status as { observedGeneration?: unknown }).observedGeneration = observed
        if (JSON.stringify(existing) === JSON.stringify(next)) continue
      }
      const type = findResourceTypeByKind(object.kind)!
      const committed = this.#store.commit(type, next)
      // @note a controller that rolls out at once: what a changed spec looks like after its rollout, not during it.
      const status = committed.status as { observedGeneration?: unknown } | undefined
      if (status?.observedGeneration !== undefined && committed.metadata.generation !== undefined && status.observedGeneration !== committed.metadata.generation) {
        this.#store.commit(type, { ...committed, status: { ...status, observedGeneration: committed.metadata.generation } })
      }
    }
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#close()
    return this.#stopping
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop()
  }

  async #close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()))
    this.#server.closeAllConnections()
    this.#agent.destroy()
    await closed
    await this.#elsewhere?.close()
    await rm(this.#directory, { recursive: true, force: true })
  }

  #delay(): Promise<void> {
    if (this.#options.latencyMs === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer)
        resolve()
      }, this.#options.latencyMs)
      this.#timers.add(timer)
    })
  }
}

function identify(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`
}
