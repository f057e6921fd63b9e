/**
 * vitest globalSetup of the harness's own tests: opens the suite's ledger of attempts to reach the live broker host
 * (every test worker records into it, see install-live-host-guard.ts), and at the end prints the count and fails the
 * run if any attempt came from a test that does not provoke one on purpose.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { readLedger } from './live-host-ledger.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The NDJSON file every test worker records live-host attempts in. */
    openbellLiveHostLedger: string
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-live-host-ledger-'))
  const ledger = path.join(dir, 'ledger.ndjson')
  project.provide('openbellLiveHostLedger', ledger)
  return () => {
    const entries = readLedger(ledger)
    rmSync(dir, { recursive: true, force: true })
    const unexpected = entries.filter((entry) => !entry.deliberate)
    const deliberateFiles = [...new Set(entries.filter((entry) => entry.deliberate).map((entry) => entry.file))]
    process.stdout.write(
      `\n[openbell] requests to the live broker host from the harness's tests (${project.name}): ${unexpected.length}` +
        ` (plus ${entries.length - unexpected.length} refused on purpose in ${deliberateFiles.length} test files that assert them)\n`,
    )
    if (unexpected.length > 0) {
      throw new Error(
        `[openbell] ${unexpected.length} request(s) to the live broker host from tests that must never make one: ` +
          unexpected.map((entry) => `${entry.violation.method} ${entry.violation.url} (${entry.file} › ${entry.test ?? 'outside a test'})`).join('; '),
      )
    }
  }
}
