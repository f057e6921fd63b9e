import { loadKubeConfig } from '../clients/load-kube-config.ts'
import { preflightKubeReads, type KubePreflightReport } from '../clients/preflight-kube-reads.ts'
import type { RunContext } from '../runbook/run-context.ts'
import { GATE_KUBE_READS } from '../verdict/gate-registry.ts'

/**
 * The start-of-run permission check, in both modes (the emulator answers SelfSubjectAccessReviews too): asks the
 * API server of the run's kubeconfig whether openbell may make each read its gates need. `null` when no kubeconfig
 * can be loaded; the checks then report that themselves.
 */
export async function runPreflight(context: RunContext, timeoutMs: number): Promise<KubePreflightReport | null> {
  let kubeConfig
  try {
    kubeConfig = loadKubeConfig({ kubeconfigPath: context.kubeconfigPath, kubeContext: context.kubeContext })
  } catch {
    return null
  }
  return preflightKubeReads(kubeConfig, { namespace: context.namespace, gateReads: GATE_KUBE_READS, timeoutMs })
}
