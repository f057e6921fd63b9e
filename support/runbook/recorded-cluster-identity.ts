import { CouldNotCheckError } from '../errors.ts'
import type { ClusterIdentity } from '../policies/cluster-identity.ts'
import type { RunContext } from './run-context.ts'

/**
 * The cluster identity the runner recorded once for the run (`RunContext.cluster`), for a check to judge.
 * @throws {CouldNotCheckError} with the runner's reason when the kubeconfig could not be loaded or `/version` did not answer.
 */
export function recordedClusterIdentity(run: RunContext): ClusterIdentity {
  const { server, context, version, problem } = run.cluster
  if (problem !== null) throw new CouldNotCheckError(problem)
  return { server: server ?? '', context: context ?? '', version: version ?? '' }
}
