import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { LiveHostViolation } from './live-host-violation.ts'

/**
 * A ready `onViolation`: appends each violation to `file` as one NDJSON line, synchronously, owner-only.
 * @note synchronous on purpose: specs run in a worker (a thread) that may end right after the refused request,
 * and the runner reads the file after every worker is gone.
 */
export function appendViolationTo(file: string): (violation: LiveHostViolation) => void {
  return (violation) => {
    mkdirSync(dirname(file), { recursive: true })
    appendFileSync(file, `${JSON.stringify(violation)}\n`, { encoding: 'utf8', mode: 0o600 })
  }
}

/** Reads the violations a run appended to `file`; none when the file does not exist. */
export function readViolationsFrom(file: string): LiveHostViolation[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LiveHostViolation)
}
