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

/**
 * The RSS summed over some processes and all their live descendants, each counted once (Linux `/proc` only).
 * @note a sum of RSS counts pages shared between processes (the node binary, forked workers) more than once, as
 * `ps` and the kernel's OOM accounting per process do: an upper bound of what the run holds.
 */
export function readTreeRssBytes(roots: readonly number[]): number {
  const pids = new Set<number>()
  for (const root of roots) {
    pids.add(root)
    for (const pid of liveDescendants(root)) pids.add(pid)
  }
  let total = 0
  for (const pid of pids) total += readRssBytes(pid)
  return total
}

/** The live descendants of a process whose command name (`/proc/<pid>/comm`) is `name`, e.g. the floor's `java`. */
export function findDescendantsNamed(root: number, name: string): number[] {
  return liveDescendants(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name
    } catch {
      return false
    }
  })
}
