/**
 * How many `openbell` runs the scenario matrix starts at once: vitest's `maxConcurrency` (vitest.config.ts).
 * Each run is a CLI process with two vitest workers, a Firestore JVM and its stand-ins, so on a 2-core CI runner two
 * at a time keep both cores busy through the waits (timeouts, JVM start) without starving the 5 s request deadlines.
 * Override with OPENBELL_MATRIX_CONCURRENCY. @see docs/decisions/scenario-matrix-concurrency.md
 * @default 2
 */
export const MATRIX_CONCURRENCY = Math.max(1, Number(process.env.OPENBELL_MATRIX_CONCURRENCY) || 2)
