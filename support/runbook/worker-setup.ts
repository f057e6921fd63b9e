/**
 * Runs in every spec worker before the gate specs, in both modes:
 * - installs the live-host guard, so no request to the live broker host leaves the process, and each attempt is
 *   recorded in the run's violations file (the runner turns it into a failed run);
 * - counts each check's assertions, so a check that asserted nothing is unverified rather than passed.
 */
import { afterEach, expect, inject } from 'vitest'
import { appendViolationTo, installNetworkGuard } from '../network/index.ts'

installNetworkGuard({ onViolation: appendViolationTo(inject('openbell').violationsFile) })

afterEach(({ task }) => {
  task.meta.assertions = expect.getState().assertionCalls
})
