/**
 * The runner: one runbook run from resolved config to exit code (vitest, floor, preflight, console).
 *
 * The public surface of support/run/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { describeRunTarget } from './describe-run-target.ts'
export { type FloorRequest, type StartFloor, type StartedFloor, floorRequestOf } from './floor.ts'
export { type Progress, SILENT_PROGRESS, createProgress } from './progress.ts'
export { runHarnessTests } from './run-harness-tests.ts'
export { PROJECT_ROOT, runRunbook } from './run-runbook.ts'
export { type RunSpecsOptions, createRunbookVitest } from './run-specs.ts'
export { tearDownFloor } from './tear-down-floor.ts'
