import { inject } from 'vitest'
import type { CheckMeta, RunContext } from '../context/index.ts'
import { receivedRunContext } from '../context/index.ts'
import { CouldNotCheckError } from '../errors.ts'
import type { ClusterIdentity } from '../health/index.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run context channel's address: the worker receives the whole context from it (`run-context-channel.ts`). */
    openbell: { contextChannel: string }
  }
  export interface TaskMeta extends CheckMeta {}
}

/**
 * The run's context inside a spec worker, as received whole from the runner before any spec loaded. Apart from the
 * context's types: only a spec worker has vitest's `inject`, and the runner's side must not load vitest for a type.
 */
export function getRunContext(): RunContext {
  return receivedRunContext(inject('openbell').contextChannel)
}

/**
 * The cluster identity the runner recorded once for the run (`RunContext.cluster`), for a check to judge.
 * @throws {CouldNotCheckError} with the runner's reason when the kubeconfig could not be loaded or `/version` did not answer.
 */
export function recordedClusterIdentity(run: RunContext): ClusterIdentity {
  const { server, context, version, problem } = run.cluster
  if (problem !== null) throw new CouldNotCheckError(problem)
  return { server: server ?? '', context: context ?? '', version: version ?? '' }
}
