import type { ResolvedConfig } from '../config/index.ts'
import type { ErrandHandlers, RunContextChannel } from '../context/index.ts'
import type { FloorSeedRequest, SeedFloor } from '../seed/index.ts'
import { readRunCluster, type RunClusterFacts } from './read-run-cluster.ts'

/** What the runner asks the spec worker to read about the run's cluster: the settings and the kubeconfig file, if any. */
export interface ReadClusterRequest {
  config: Pick<ResolvedConfig, 'namespace' | 'kubeContext' | 'requestTimeoutMs'>
  /** The emulator floor's kubeconfig; `null` for the standard sources, read from the worker's environment as the gates read them. */
  kubeconfigPath: string | null
}

/**
 * The errands a spec worker runs for a one-shot run while it waits for the run context (`run-context-channel.ts`):
 * the preparation's work that needs the Firestore and Kubernetes clients, which the worker loads for the gates anyway.
 * The runner's thread then loads neither (`docs/decisions/time-to-verdict.md`).
 */
export const PREPARATION_ERRANDS: ErrandHandlers = Object.freeze({
  'read-cluster': async (request: unknown) => {
    const { config, kubeconfigPath } = request as ReadClusterRequest
    return readRunCluster(config, { kubeconfigPath, loaded: null })
  },
  'seed-floor': async (request: unknown) => (await import('../seed/index.ts')).seedEmulatorFloor(request as FloorSeedRequest),
})

/**
 * The runner's side of `read-cluster`: the facts as `readRunCluster` gives them, read in the spec worker.
 * @throws when the answer is not of that shape: a preflight that went missing on the way would block no gate.
 */
export async function readClusterInWorker(channel: Pick<RunContextChannel, 'ask'>, request: ReadClusterRequest, workerEnded: Promise<unknown>): Promise<RunClusterFacts> {
  const answer = await channel.ask('read-cluster', request, workerEnded)
  if (!isClusterFacts(answer)) throw new Error('read-cluster: the spec worker\'s answer is not the cluster\'s facts (a cluster and a preflight)')
  return answer
}

function isClusterFacts(answer: unknown): answer is RunClusterFacts {
  const { cluster, preflight } = (answer ?? {}) as Partial<Record<keyof RunClusterFacts, unknown>>
  const isRecord = (value: unknown) => typeof value === 'object' && value !== null
  if (!isRecord(cluster) || !('problem' in (cluster as object))) return false
  // @note readRunCluster gives no preflight only with the reason the kubeconfig could not be loaded
  if (preflight === null) return typeof (cluster as { problem: unknown }).problem === 'string'
  return isRecord(preflight) && isRecord((preflight as { blockedGates?: unknown }).blockedGates)
}

/** The runner's side of `seed-floor`: a seeder for the emulator floor that seeds in the spec worker. */
export function seedInWorker(channel: Pick<RunContextChannel, 'ask'>, workerEnded: Promise<unknown>): SeedFloor {
  return async (request) => void (await channel.ask('seed-floor', request, workerEnded))
}
