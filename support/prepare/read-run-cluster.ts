import type { KubeConfig } from '@kubernetes/client-node'
import type { KubePreflightReport } from '../kube/index.ts'
import type { ResolvedConfig } from '../config/index.ts'
import { MESSAGE_PREFIX } from '../errors.ts'
import type { RunCluster } from '../context/index.ts'
import { GATE_KUBE_READS } from '../gates/index.ts'

/** What the runner found out about the run's cluster, once per run. */
export interface RunClusterFacts {
  cluster: RunCluster
  preflight: KubePreflightReport | null
}

/** Where the run's kubeconfig comes from: a file (the emulator floor's), or one the CLI already loaded (cluster mode). */
export interface RunKubeConfigSource {
  /** A kubeconfig file; `null` for the standard sources (KUBECONFIG, ~/.kube/config, in-cluster service account). */
  kubeconfigPath: string | null
  /** The kubeconfig already loaded from `kubeconfigPath` (the CLI validates it before anything is written); `null`: load it here. */
  loaded: KubeConfig | null
}

/**
 * Loads the run's kubeconfig once (or takes the one the CLI loaded), then reads the cluster's identity (context, API server, version) and asks the
 * API server about each read the gates need (the permission preflight, in both modes: the emulator answers
 * SelfSubjectAccessReviews too). Never throws for a fault of the target: a kubeconfig that cannot be loaded gives no
 * server, version or preflight and says why (every check that reads the cluster then reports it); an unanswered
 * `/version` gives no version, with the reader's reason.
 */
export async function readRunCluster(
  config: Pick<ResolvedConfig, 'namespace' | 'kubeContext' | 'requestTimeoutMs'>,
  source: RunKubeConfigSource,
): Promise<RunClusterFacts> {
  const { kubeconfigPath } = source
  // @note loaded when the cluster is read, not with this module: a one-shot run reads it in the spec worker, which has
  // the client loading already (`preparation-errands.ts`); `openbell watch` reads it in its own thread once its floor is up.
  const { createKubeReader, loadKubeConfig, preflightKubeReads } = await import('../kube/index.ts')
  let kubeConfig: KubeConfig
  try {
    kubeConfig = source.loaded ?? loadKubeConfig({ kubeconfigPath, kubeContext: config.kubeContext })
  } catch (error) {
    return { cluster: { kubeconfigPath, context: config.kubeContext, server: null, version: null, problem: describeProblem(error) }, preflight: null }
  }
  const reader = createKubeReader(kubeConfig, { namespace: config.namespace, timeoutMs: config.requestTimeoutMs })
  const [version, preflight] = await Promise.all([
    reader.serverVersion().then(
      (gitVersion) => ({ version: typeof gitVersion === 'string' ? gitVersion : null, problem: null }),
      (error: unknown) => ({ version: null, problem: describeProblem(error) }),
    ),
    preflightKubeReads(kubeConfig, { namespace: config.namespace, gateReads: GATE_KUBE_READS, timeoutMs: config.requestTimeoutMs }),
  ])
  const { server, context } = reader.identity
  return { cluster: { kubeconfigPath, context, server: server || null, ...version }, preflight }
}

/** An error's message as the reason a check will give (its `[openbell]` prefix is added again when the check throws). */
function describeProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.startsWith(`${MESSAGE_PREFIX} `) ? message.slice(MESSAGE_PREFIX.length + 1) : message
}
