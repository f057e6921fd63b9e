import { configDefaults, defineConfig } from 'vitest/config'
import { MATRIX_CONCURRENCY } from './tests/scenarios/matrix-concurrency.ts'

/** The fault matrix: one real openbell run per scenario. */
const MATRIX = 'tests/scenarios/scenario-matrix.test.ts'

/** What every project needs. */
const HARNESS = {
  // @note tests run concurrently only where a file says so (the matrix, a few CLI tables): this many at once.
  maxConcurrency: MATRIX_CONCURRENCY,
  // @note every test worker refuses the live broker host, and the run fails if a test tried it by accident.
  // @note dist/ is compiled (when a source is newer) before any test starts the real CLI (`bin/openbell.js` runs dist/).
  globalSetup: ['tests/setup/build-dist.global.ts', 'tests/setup/count-live-host-requests.global.ts'],
  setupFiles: ['tests/setup/install-live-host-guard.ts'],
}

/**
 * The harness's own tests, in three projects: `unit` (beside their code; `npm run test:unit`, the quick inner loop),
 * `integration` (`tests/`: real processes and servers) and `matrix` (the fault matrix). `npm test` runs all three.
 * The runbook (the gate specs under `specs/`) is not run from here: `openbell` builds its configuration, because it
 * needs the run's target and reports folder (see support/runner).
 */
export default defineConfig({
  test: {
    // @note the integration tests start servers and child processes; two cores are all we have.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...HARNESS,
          name: 'unit',
          include: ['support/**/*.test.ts', 'emulators/**/*.test.ts', 'bench/**/*.test.ts'],
          // @note a unit test is quick: one that takes longer is stuck, belongs in tests/, or says why with its own timeout.
          testTimeout: 20_000,
          hookTimeout: 20_000,
          // @note one worker module graph shared between files (`isolate: false`): 1,768 tests in ~18 s instead of ~84 s.
          // Each file still installs and closes its own live-host guard handle (tests/setup/install-live-host-guard.ts).
          isolate: false,
        },
      },
      {
        test: {
          ...HARNESS,
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, MATRIX],
          // @note generous: many tests start a real openbell process (vitest, a JVM); a loaded 2-core machine is slow, not broken.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { ...HARNESS, name: 'matrix', include: [MATRIX], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
})
