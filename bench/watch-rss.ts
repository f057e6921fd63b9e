import { summarize } from './summarize.ts'
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
 * The trend of a series of window peaks against the middle evaluation of each window, in bytes per evaluation: the
 * median of the slopes between every two windows (Theil–Sen); `null` with fewer than two windows. What is extrapolated
 * to a longer watch.
 * @note a median, not a least-squares fit: the spec worker's peak in a window moves by ±20 MB with when its garbage
 * collector ran, and one window 40 MB high (seen once in 19) tilted a least-squares fit by ~60 KB per evaluation.
 * @example slopePerEvaluation([{ from: 0, to: 20, total: 100, byCommand: {} }, { from: 20, to: 40, total: 140, byCommand: {} }], (window) => window.total) // 2
 */
export function slopePerEvaluation(windows: readonly RssWindow[], value: (window: RssWindow) => number): number | null {
  const slopes: number[] = []
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const run = (windows[j]!.from + windows[j]!.to - windows[i]!.from - windows[i]!.to) / 2
      if (run !== 0) slopes.push((value(windows[j]!) - value(windows[i]!)) / run)
    }
  }
  return summarize(slopes)?.median ?? null
}
