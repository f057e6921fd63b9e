/**
 * Runs in every spec worker before the gate specs: counts each check's assertions, so that a check which
 * asserted nothing is reported as unverified rather than passed.
 */
import { afterEach, expect } from 'vitest'

afterEach(({ task }) => {
  task.meta.assertions = expect.getState().assertionCalls
})
