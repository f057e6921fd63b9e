import type { KubeConfig } from '@kubernetes/client-node'
import { CouldNotCheckError } from '../errors.ts'
import { describeKubeIdentity } from '../config/index.ts'
import type { RunContext } from '../context/index.ts'

/**
 * A spec worker reads the run's kubeconfig file again, after the runner read it: one rewritten in between (`gcloud … get-credentials`,
 * `kubectl config set-cluster`) could point the checks at another API server than the one recorded, preflighted and
 * reported. The checks then cannot say which cluster they judged: unverified.
 */
export function assertRecordedCluster(kubeConfig: KubeConfig, recorded: RunContext['cluster']): void {
  const { server, context } = describeKubeIdentity(kubeConfig)
  if (recorded.server === null || (server === recorded.server && context === recorded.context)) return
  throw new CouldNotCheckError(
    `the kubeconfig now names context ${context} at ${server || '(no server)'}, but the run recorded context ${recorded.context} at ` +
      `${recorded.server}: it changed during the run, so these checks cannot say which cluster they judged. Run openbell again.`,
  )
}
