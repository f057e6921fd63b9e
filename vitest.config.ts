import { defineConfig } from 'vitest/config'
import { MATRIX_CONCURRENCY } from './tests/scenarios/matrix-concurrency.ts'

/**
 * The harness's own tests: unit tests beside their code and integration tests under `tests/`.
 * The runbook (the gate specs under `specs/`) is not run from here: `openbell` builds its
 * configuration, because it needs the run's target and reports folder (see support/runner).
 */
export default defineConfig({
  test: {
    include: ['support/**/*.test.ts', 'emulators/**/*.test.ts', 'tests/**/*.test.ts', 'bench/**/*.test.ts'],
    // @note generous: many tests start a real openbell process (vitest, a JVM); a loaded 2-core machine is slow, not broken.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // @note the integration tests start servers and child processes; two cores are all we have.
    maxWorkers: 2,
    // @note only the scenario matrix runs tests concurrently: this is how many openbell runs it starts at once.
    maxConcurrency: MATRIX_CONCURRENCY,
    // @note every test worker refuses the live broker host, and the run fails if a test tried it by accident.
    // @note dist/ is compiled once here, before any test starts the real CLI (`bin/openbell.js` runs dist/).
    globalSetup: ['tests/setup/build-dist.global.ts', 'tests/setup/count-live-host-requests.global.ts'],
    setupFiles: ['tests/setup/install-live-host-guard.ts'],
  },
})
