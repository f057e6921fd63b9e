import { defineConfig } from 'vitest/config'

/**
 * The harness's own tests: unit tests beside their code and integration tests under `tests/`.
 * The runbook (the gate specs under `specs/`) is not run from here: `openbell` builds its
 * configuration, because it needs the run's target and reports folder (see support/runner).
 */
export default defineConfig({
  test: {
    include: ['support/**/*.test.ts', 'emulators/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // @note the integration tests start servers and child processes; two cores are all we have.
    maxWorkers: 2,
  },
})
