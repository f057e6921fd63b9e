import type { TreeRss } from './tree-rss.ts'

/** One reading of the watch's process tree, with how many evaluations it had made by then. */
export interface WatchRssSample {
  evaluations: number
  rss: TreeRss
}

/** The peak RSS over a run of evaluations `[from, to)`: of the whole tree, and of each kind of process on its own. */
export interface RssWindow {
  from: number
  to: number
  /** Bytes: the highest tree total sampled in the window. */
  total: number
  /** Bytes: each command's own highest sample in the window (`node (root)`, `node (children)`, `java`, `esbuild`, ...). */
  byCommand: Record<string, number>
}

/**
 * The peaks of consecutive windows of `size` evaluations from `start` on (the last one may be shorter; a window
 * without a sample is left out).
 * @note the spec worker is replaced every 20 evaluations, so its RSS is a saw: a window as long as that period
 * holds one tooth, and the peaks of successive windows show the trend under it.
 */
export function rssWindows(samples: readonly WatchRssSample[], start: number, end: number, size: number): RssWindow[] {
  const windows: RssWindow[] = []
  for (let from = start; from < end; from += size) {
    const to = Math.min(end, from + size)
    const inside = samples.filter((sample) => sample.evaluations >= from && sample.evaluations < to)
    if (inside.length === 0) continue
    const byCommand: Record<string, number> = {}
    for (const sample of inside) for (const [command, bytes] of Object.entries(sample.rss.byCommand)) byCommand[command] = Math.max(byCommand[command] ?? 0, bytes)
    windows.push({ from, to, total: Math.max(...inside.map((sample) => sample.rss.total)), byCommand })
  }
  return windows
}

/**
 * The least-squares slope of a series of window peaks against the middle evaluation of each window, in bytes per
 * evaluation; `null` with fewer than two windows. What is extrapolated to a longer watch.
 * @example slopePerEvaluation([{ from: 0, to: 20, total: 100, byCommand: {} }, { from: 20, to: 40, total: 140, byCommand: {} }], (window) => window.total) // 2
 */
export function slopePerEvaluation(windows: readonly RssWindow[], value: (window: RssWindow) => number): number | null {
  if (windows.length < 2) return null
  const xs = windows.map((window) => (window.from + window.to) / 2)
  const ys = windows.map(value)
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length
  const spread = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0)
  if (spread === 0) return null
  return xs.reduce((sum, x, index) => sum + (x - meanX) * (ys[index]! - meanY), 0) / spread
}
