import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import type { PoolRunnerInitializer } from 'vitest/node'
import { screenOutput, withoutSharedSecrets } from '../secrets/index.ts'

type PoolOptions = Parameters<PoolRunnerInitializer['createPoolWorker']>[0]
type PoolWorker = ReturnType<PoolRunnerInitializer['createPoolWorker']>

/** The pool's name, as vitest's task and worker name it. */
export const SPEC_WORKER_THREAD_POOL_NAME = 'openbell-threads'

/** Defaults of {@link specWorkerThreadPool}. */
export const SPEC_WORKER_THREAD_DEFAULTS = Object.freeze({
  /**
   * The spec worker's V8 young generation (`resourceLimits.maxYoungGenerationSizeMb`: both semi-spaces and the new
   * large-object space). V8 grows it to 48 MB while ~1,500 modules load; the gates' own allocations are small.
   * @note 12 MB (4 MB semi-spaces): the cold run's peak RSS 401 → ~382 MB, the verdict ~0.05 s later (more
   * scavenges during the imports); 2 MB semi-spaces gave no less RSS and cost more time (`npm run bench`,
   * `docs/decisions/time-to-verdict.md`). The old generation is not limited: a large floor needs what it needs.
   * @default 12
   */
  maxYoungGenerationSizeMb: 12,
})

/**
 * vitest's `threads` worker with the young generation bounded: vitest 4.1 starts its worker thread with no
 * `resourceLimits`, and Node accepts no V8 flag in a worker's `execArgv`. Everything else is as vitest's own
 * (`ThreadsPoolWorker`): the same worker entry point, environment, execArgv and output streams; `stop` terminates the
 * thread, left-over work included. Two additions: the secrets the worker shares (`secrets/share-secrets.ts`) are
 * registered with this thread's scrubbing as they arrive, before any result behind them, and never reach vitest; and
 * what the worker writes to its own stdout and stderr (a library's warning, a `debug` line: not vitest's `console`,
 * which travels with the results) is screened as openbell's own output is, instead of piped through as it is.
 */
export function specWorkerThreadPool(limits: { maxYoungGenerationSizeMb?: number } = {}): PoolRunnerInitializer {
  const maxYoungGenerationSizeMb = limits.maxYoungGenerationSizeMb ?? SPEC_WORKER_THREAD_DEFAULTS.maxYoungGenerationSizeMb
  return {
    name: SPEC_WORKER_THREAD_POOL_NAME,
    createPoolWorker: (options: PoolOptions): PoolWorker => new SpecWorkerThread(options, maxYoungGenerationSizeMb),
  }
}

class SpecWorkerThread implements PoolWorker {
  readonly name = SPEC_WORKER_THREAD_POOL_NAME
  readonly #options: PoolOptions
  readonly #maxYoungGenerationSizeMb: number
  #thread: Worker | null = null
  /** vitest's message listeners, as wrapped to leave out the shared secrets (kept for `off`). */
  readonly #wrapped = new Map<(arg: unknown) => void, (arg: unknown) => void>()

  constructor(options: PoolOptions, maxYoungGenerationSizeMb: number) {
    this.#options = options
    this.#maxYoungGenerationSizeMb = maxYoungGenerationSizeMb
  }

  on(event: string, callback: (arg: unknown) => void): void {
    if (event !== 'message') return void this.#running.on(event, callback)
    const wrapped = this.#wrapped.get(callback) ?? withoutSharedSecrets(callback)
    this.#wrapped.set(callback, wrapped)
    this.#running.on(event, wrapped)
  }

  off(event: string, callback: (arg: unknown) => void): void {
    this.#running.off(event, (event === 'message' ? this.#wrapped.get(callback) : undefined) ?? callback)
  }

  send(message: Parameters<PoolWorker['send']>[0]): void {
    this.#running.postMessage(message)
  }

  deserialize(data: unknown): unknown {
    return data
  }

  async start(): Promise<void> {
    if (this.#thread) return
    const { logger } = this.#options.project.vitest
    this.#thread = new Worker(path.resolve(this.#options.distPath, 'workers/threads.js'), {
      env: this.#options.env,
      execArgv: this.#options.execArgv,
      stdout: true,
      stderr: true,
      resourceLimits: { maxYoungGenerationSizeMb: this.#maxYoungGenerationSizeMb },
    })
    screenInto(this.#thread.stdout, logger.outputStream)
    screenInto(this.#thread.stderr, logger.errorStream)
  }

  async stop(): Promise<void> {
    const thread = this.#running
    await thread.terminate()
    thread.stdout.removeAllListeners('data')
    thread.stderr.removeAllListeners('data')
    this.#thread = null
  }

  get #running(): Worker {
    if (!this.#thread) throw new Error('[openbell] The spec worker thread was stopped or never started.')
    return this.#thread
  }
}

/** Writes what a worker's stream carries to `to`, each chunk scrubbed of known secrets and control characters. */
function screenInto(from: Readable, to: Writable): void {
  from.setEncoding('utf8')
  from.on('data', screenOutput((text) => void to.write(text)))
}
