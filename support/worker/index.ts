/**
 * What runs inside a vitest spec worker: the runbook test API, the run context, evidence, observe helpers, the floor
 * handoff.
 *
 * The public surface of support/worker/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { type Evidence } from './create-evidence.ts'
export { skipAsOptional } from './expect-judgement.ts'
export { findInObservedObjects } from './find-in-observed-objects.ts'
export { getRunContext, recordedClusterIdentity } from './get-run-context.ts'
export { listPodsWhereWanted, readRollouts } from './list-pods-where-wanted.ts'
export { observeEndpoint, observeReading } from './observe-endpoint.ts'
export { type WorkloadsObservation, observeWorkloads } from './observe-workloads.ts'
export { type RunbookFixtures, it } from './runbook-test.ts'
