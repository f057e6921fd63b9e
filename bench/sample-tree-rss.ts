import { Worker } from 'node:worker_threads'
import type { TreeRss } from './tree-rss.ts'

const WORKER_URL = new URL('./rss-sampler-worker.ts', import.meta.url).href

/** A running RSS sampler. */
export interface StartedRssSampler {
  /** Adds processes whose tree (they and their descendants) is summed from now on. */
  track(pids: readonly number[]): void
  /** Stops sampling and returns the peak RSS summed over the tracked trees, split by command at that moment. Idempotent. */
  stop(): Promise<TreeRss>
}

/**
 * Starts a sampler of the summed RSS of process trees, every `intervalMs`, in a worker thread. Start it before
 * spawning what it measures, then `track` the pids, so the first samples are not lost to the worker's start-up.
 * @note the worker thread is part of this process: when the bench process is tracked (in-process runs), its few
 * MB are counted too.
 */
export async function startTreeRssSampler(intervalMs = 50): Promise<StartedRssSampler> {
  // @note a worker thread does not inherit the parent's tsx hooks: it registers them itself, as bin/openbell.js does.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}) })`
  const worker = new Worker(bootstrap, { eval: true, workerData: { intervalMs } })
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
  })
  let stopped: Promise<TreeRss> | undefined
  const stop = async (): Promise<TreeRss> => {
    const peak = new Promise<TreeRss>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    worker.postMessage('stop')
    const rss = await peak
    await worker.terminate()
    return rss
  }
  return {
    track: (pids) => worker.postMessage({ roots: [...pids] }),
    stop: () => (stopped ??= stop()),
  }
}
