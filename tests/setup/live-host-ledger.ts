import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { LiveHostViolation } from '../../support/network/index.ts'

/**
 * The test files that attempt the live broker host on purpose, to prove the guard refuses it; each asserts the
 * refusals it provokes. An attempt from any other test fails that test and the whole run.
 */
export const DELIBERATE_LIVE_HOST_TESTS: readonly string[] = Object.freeze([
  'support/guard/install-network-guard.test.ts',
  'tests/paper/live-host-refusal.test.ts',
])

/** One attempt to reach the live broker host from a harness test, as the ledger records it. */
export interface LedgerEntry {
  /** The test file, relative to the project root. */
  file: string
  /** The test's full name, when one was running. */
  test: string | null
  /** Whether the file is one of {@link DELIBERATE_LIVE_HOST_TESTS}. */
  deliberate: boolean
  violation: Pick<LiveHostViolation, 'method' | 'url' | 'layer'>
}

/** Whether a test file attempts the live host on purpose. */
export function isDeliberate(file: string): boolean {
  return DELIBERATE_LIVE_HOST_TESTS.includes(file.split(path.sep).join('/'))
}

/** Appends one entry to the suite's ledger (NDJSON, synchronous: a worker may exit right after). */
export function recordInLedger(ledger: string, entry: LedgerEntry): void {
  appendFileSync(ledger, `${JSON.stringify(entry)}\n`)
}

/** Every entry of the suite's ledger; none when nothing was attempted. */
export function readLedger(ledger: string): LedgerEntry[] {
  if (!existsSync(ledger)) return []
  return readFileSync(ledger, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LedgerEntry)
}
