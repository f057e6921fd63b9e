/**
 * Runs in every spec worker before the gate specs, in both modes:
 * - installs the live-host guard, so no request to the live broker host leaves the process, and each attempt is
 *   recorded in the run's violations file (the runner turns it into a failed run);
 * - counts each check's assertions, so a check that asserted nothing is unverified rather than passed.
 */
import { afterEach, expect, inject } from 'vitest'
import { appendViolationTo, installNetworkGuard } from '../network/index.ts'

/** The violations files this worker process already records to. */
const GUARDED = Symbol.for('openbell.runbook-worker-guard')

// @note vitest re-runs a setup file before each spec file of a worker (the runner sets `isolate: false`): the guard
// is process-wide, so its subscription is made once per worker and violations file, or one refusal would be recorded
// once per spec file that ran before it.
const { violationsFile } = inject('openbell')
const installed = globalThis as { [GUARDED]?: Set<string> }
const guarded = (installed[GUARDED] ??= new Set())
if (!guarded.has(violationsFile)) {
  installNetworkGuard({ onViolation: appendViolationTo(violationsFile) })
  guarded.add(violationsFile)
}

afterEach(({ task }) => {
  task.meta.assertions = expect.getState().assertionCalls
})
