/**
 * The worker thread of `startTreeRssSampler`: once given its root pids, samples their tree's summed RSS every
 * `intervalMs` off the main thread (so sampling does not delay a run measured in the bench process itself), and
 * answers `stop` with the peak seen and how it split by command.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readTreeRss, type TreeRss } from './tree-rss.ts'

const { intervalMs } = workerData as { intervalMs: number }
let roots: number[] = []
let peak: TreeRss = { total: 0, byCommand: {} }
const sample = (): void => {
  if (roots.length === 0) return
  const rss = readTreeRss(roots)
  if (rss.total > peak.total) peak = rss
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
