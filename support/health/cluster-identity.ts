import type { Judgement } from '../judgement.ts'

/** Who the run evaluated: the kube context, the API server URL and its version. */
export interface ClusterIdentity {
  /** The kubeconfig context. */
  context: string
  /** The API server URL. */
  server: string
  /** The API server's `gitVersion`, e.g. `v1.32.4`. */
  version: string
}

const GIT_VERSION = /^v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/

/**
 * Judges the recorded identity: a named context, an API server URL and a Kubernetes `gitVersion`
 * (`v1.32.4`, `v1.30.5-gke.1014001`). A blank field means the run cannot say what it evaluated.
 */
export function judgeClusterIdentity(identity: ClusterIdentity): Judgement<never> {
  const missing = (['context', 'server'] as const).filter((field) => identity[field].trim() === '')
  if (missing.length > 0) return { status: 'fail', reason: `the kubeconfig names no ${missing.join(' and no ')}; openbell cannot say which cluster it evaluated`, findings: [] }
  if (!GIT_VERSION.test(identity.version)) {
    return {
      status: 'fail',
      reason: `the API server at ${identity.server} reports version ${JSON.stringify(identity.version)}, not a Kubernetes gitVersion like "v1.32.4"`,
      findings: [],
    }
  }
  return { status: 'pass', reason: `context ${identity.context}, API server ${identity.server}, Kubernetes ${identity.version}`, findings: [] }
}
