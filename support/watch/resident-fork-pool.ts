import { ForksPoolWorker, type PoolRunnerInitializer } from 'vitest/node'
import { receiveSharedSecret, withoutSharedSecrets } from '../secrets/index.ts'

type PoolWorker = ReturnType<PoolRunnerInitializer['createPoolWorker']>
type PoolOptions = Parameters<PoolRunnerInitializer['createPoolWorker']>[0]
type Listener = (arg: unknown) => void

/** The pool's name, as vitest's task and worker name it. */
export const RESIDENT_POOL_NAME = 'openbell-resident-forks'

/** Defaults of {@link createResidentForkPool}. */
export const RESIDENT_FORK_POOL_DEFAULTS = Object.freeze({
  /**
   * Runs one worker process serves before it is replaced (the next run starts a new one, paying the start-up once).
   * @note msw's interceptor under the spec worker's network guard (@mswjs/interceptors 0.38) keeps every request it
   * passes through, its socket, parser and body, for the life of the process (mswjs/interceptors#779, fixed upstream
   * after the version pinned here): ~3 MB per evaluation of the seven gates, ~2 GB over a 1,000-evaluation session.
   * Replacing the worker every 20 runs bounds that to ~60 MB, a tenth of the watch's process tree.
   * @default 20
   */
  maxRunsPerWorker: 20,
})

/** A vitest pool whose one spec worker process outlives each run, until {@link ResidentForkPool.close}. */
export interface ResidentForkPool {
  /** Handed to vitest as its `pool` option. */
  readonly pool: PoolRunnerInitializer
  /** How many spec worker processes were started so far (1 while the same worker serves every run). */
  readonly started: number
  /** Ends the worker process (SIGTERM, then SIGKILL): vitest's own stop of each run never reaches it. */
  close(): Promise<void>
}

/**
 * vitest's `forks` worker, kept alive between runs. vitest 4.1 stops a non-isolated worker as soon as its queue is
 * empty (`Pool#schedule`: a runner is shared only with a task already queued behind it), so every re-evaluation of a
 * watch paid a new process and the import of the Kubernetes, Firestore and msw clients again (~3 s of CPU). This pool
 * hands vitest a new `PoolWorker` per run, as it expects, but each one drives the same child process: the child's
 * vitest runtime gets its `start` once (a later one is answered `started` here: same project, same config), and a
 * run's `stop` is answered `stopped` here without reaching it, so its loaded modules stay. Everything else (`run`,
 * the RPC, cancel) passes through unchanged. A child that exits is forgotten, and the next run starts a new one; so
 * is one that served `maxRunsPerWorker` runs (see {@link RESIDENT_FORK_POOL_DEFAULTS}).
 * @note only for the watch's one project and one worker (`maxWorkers: 1`, `isolate: false`); vitest's own pool
 * options are unchanged for a single run.
 */
export function createResidentForkPool(options: { maxRunsPerWorker?: number } = {}): ResidentForkPool {
  const maxRuns = options.maxRunsPerWorker ?? RESIDENT_FORK_POOL_DEFAULTS.maxRunsPerWorker
  let child: { worker: ForksPoolWorker; runtimeStarted: boolean; runs: number } | null = null
  let started = 0
  let closing = false

  const createPoolWorker = (options: PoolOptions): PoolWorker => {
    const listeners = new Map<string, Set<Listener>>()
    // @note vitest's message listeners, wrapped: the secrets the worker shares (`secrets/share-secrets.ts`) go to this
    // process's scrubbing, never to vitest.
    const wrappedMessageListeners = new Map<Listener, Listener>()
    const forVitest = (event: string, callback: Listener): Listener => {
      if (event !== 'message') return callback
      const wrapped = wrappedMessageListeners.get(callback) ?? withoutSharedSecrets(callback)
      wrappedMessageListeners.set(callback, wrapped)
      return wrapped
    }
    const emitLocally = (message: unknown) => queueMicrotask(() => listeners.get('message')?.forEach((listener) => listener(message)))
    let attached: ForksPoolWorker | null = null
    let retiring: { worker: ForksPoolWorker } | null = null
    return {
      name: RESIDENT_POOL_NAME,
      cacheFs: true,
      async start() {
        if (closing) throw new Error('[openbell] The watch is ending; no spec worker is started.')
        if (child === null) {
          const worker = new ForksPoolWorker(options)
          await worker.start()
          started += 1
          const current = { worker, runtimeStarted: false, runs: 0 }
          child = current
          // @note a secret shared between two runs, with no run's listener attached, is registered all the same.
          worker.on('message', receiveSharedSecret)
          // @note a crashed or killed worker is not reused: the next run starts a new one.
          worker.on('exit', () => {
            if (child === current) child = null
          })
        }
        attached = child.worker
      },
      on(event, callback) {
        const listener = forVitest(event, callback)
        if (!listeners.has(event)) listeners.set(event, new Set())
        listeners.get(event)!.add(listener)
        attached?.on(event, listener)
      },
      off(event, callback) {
        const listener = (event === 'message' ? wrappedMessageListeners.get(callback) : undefined) ?? callback
        listeners.get(event)?.delete(listener)
        attached?.off(event, listener)
      },
      send(message) {
        const current = child
        if (current === null || attached !== current.worker) throw new Error('[openbell] The resident spec worker is gone; this run cannot reach it.')
        if (message.type === 'start' && current.runtimeStarted) return emitLocally({ type: 'started', __vitest_worker_response__: true })
        if (message.type === 'stop' && !closing && current.runs < maxRuns) return emitLocally({ type: 'stopped', __vitest_worker_response__: true })
        if (message.type === 'start') current.runtimeStarted = true
        if (message.type === 'run' || message.type === 'collect') current.runs += 1
        // @note a real stop: the worker tears down and answers, and this run's `stop()` then ends the process. It is
        // forgotten at once: vitest may start the next run before it calls this run's `stop()`, and that run must not
        // attach to a worker that is tearing down.
        if (message.type === 'stop') {
          retiring = current
          if (child === current) child = null
        }
        current.worker.send(message)
      },
      deserialize: (data) => data,
      async stop() {
        // @note only this run's listeners go; the process stays for the next run, unless it was retired.
        for (const [event, callbacks] of listeners) for (const callback of callbacks) attached?.off(event, callback)
        listeners.clear()
        attached = null
        const retired = retiring
        retiring = null
        await retired?.worker.stop()
      },
      canReuse: () => true,
    }
  }

  return {
    pool: { name: RESIDENT_POOL_NAME, createPoolWorker },
    get started() {
      return started
    },
    async close() {
      closing = true
      const current = child
      child = null
      await current?.worker.stop()
    },
  }
}
