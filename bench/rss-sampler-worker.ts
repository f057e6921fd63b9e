/**
 * The worker thread of `startTreeRssSampler`: once given its root pids, samples their tree's summed RSS every
 * `intervalMs` off the main thread (so sampling does not delay a run measured in the bench process itself), and
 * answers `stop` with the peak seen.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readTreeRssBytes } from './tree-rss.ts'

const { intervalMs } = workerData as { intervalMs: number }
let roots: number[] = []
let peak = 0
const sample = (): void => {
  if (roots.length > 0) peak = Math.max(peak, readTreeRssBytes(roots))
}
const timer = setInterval(sample, intervalMs)
parentPort!.on('message', (message: { roots: number[] } | 'stop') => {
  if (message !== 'stop') {
    roots = [...new Set([...roots, ...message.roots])]
    return sample()
  }
  clearInterval(timer)
  sample()
  parentPort!.postMessage(peak)
})
parentPort!.postMessage('ready')
