/**
 * Preparing a run's facts: the cluster's identity and the permission preflight (`readRunCluster`), and the errands
 * that have the spec worker do that and the floor's seeding for a one-shot run.
 *
 * The public surface of support/prepare/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { PREPARATION_ERRANDS, readClusterInWorker, seedInWorker, type ReadClusterRequest } from './preparation-errands.ts'
export { readRunCluster, type RunClusterFacts, type RunKubeConfigSource } from './read-run-cluster.ts'
