/**
 * vitest setup file of the harness's own tests: installs the live-host guard in every test worker, as the runner
 * does in every spec worker, so no test can reach `api.alpaca.markets` through fetch, node:http(s) or any socket.
 * Each refused attempt goes into the suite's ledger; one from a test that does not provoke it on purpose
 * (live-host-ledger.ts) fails that test, and the suite (count-live-host-requests.global.ts).
 */
import path from 'node:path'
import { afterAll, afterEach, expect, inject } from 'vitest'
import { installNetworkGuard } from '../../support/guard/index.ts'
import type { LiveHostViolation } from '../../support/network/index.ts'
import { isDeliberate, recordInLedger } from './live-host-ledger.ts'

const ledger = inject('openbellLiveHostLedger')
const unexpected: LiveHostViolation[] = []

const guard = installNetworkGuard({
  onViolation: (violation) => {
    const state = expect.getState()
    const file = path.relative(process.cwd(), state.testPath ?? 'unknown')
    const deliberate = isDeliberate(file)
    recordInLedger(ledger, { file, test: state.currentTestName ?? null, deliberate, violation: { method: violation.method, url: violation.url, layer: violation.layer } })
    if (!deliberate) unexpected.push(violation)
  },
})

afterEach(() => {
  const attempts = unexpected.splice(0)
  if (attempts.length === 0) return
  throw new Error(
    `[openbell] this test tried to reach the live broker host: ${attempts.map((attempt) => `${attempt.method} ${attempt.url}`).join(', ')}. ` +
      'openbell never contacts it; a test that proves the guard must be listed in tests/setup/live-host-ledger.ts and assert the refusal.',
  )
})

// @note the unit project shares one worker between test files (`isolate: false`), and this file runs again before each
// of them: each file's guard handle is closed with the file, so a refusal is recorded once, by the file that made it.
afterAll(() => guard.close())
