import { readFileSync } from 'node:fs'
import { liveDescendants } from '../tests/floor/process-tree.ts'

/** The resident set size of one process in bytes (`VmRSS` of `/proc/<pid>/status`); 0 when it is gone. */
export function readRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** The RSS of a process tree: the total, and how it splits by process. */
export interface TreeRss {
  /** Bytes, summed over every process of the tree. */
  total: number
  /**
   * Bytes by `/proc/<pid>/comm`, the roots' own node processes apart: `node (root)` (openbell's own process, or the
   * bench process for an in-process run), `node (children)` (vitest's workers), `java` (the Firestore emulator).
   */
  byCommand: Record<string, number>
}

/**
 * The RSS summed over some processes and all their live descendants, each counted once (Linux `/proc` only).
 * @note a sum of RSS counts pages shared between processes (the node binary, forked workers) more than once, as
 * `ps` and the kernel's OOM accounting per process do: an upper bound of what the run holds.
 */
export function readTreeRss(roots: readonly number[]): TreeRss {
  const pids = new Set<number>()
  for (const root of roots) {
    pids.add(root)
    for (const pid of liveDescendants(root)) pids.add(pid)
  }
  const rss: TreeRss = { total: 0, byCommand: {} }
  for (const pid of pids) {
    const bytes = readRssBytes(pid)
    if (bytes === 0) continue
    const name = readCommand(pid)
    const command = name === 'node' ? (roots.includes(pid) ? 'node (root)' : 'node (children)') : name
    rss.total += bytes
    rss.byCommand[command] = (rss.byCommand[command] ?? 0) + bytes
  }
  return rss
}

function readCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return '?'
  }
}

/** The live descendants of a process whose command name (`/proc/<pid>/comm`) is `name`, e.g. the floor's `java`. */
export function findDescendantsNamed(root: number, name: string): number[] {
  return liveDescendants(root).filter((pid) => readCommand(pid) === name)
}
