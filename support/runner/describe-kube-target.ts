import { VersionApi } from '@kubernetes/client-node'
import { KUBE_READ_LIMITS } from '../clients/kube-read-limits.ts'
import { loadKubeConfig } from '../clients/load-kube-config.ts'
import { makeKubeApiClient } from '../clients/make-kube-api-client.ts'
import { withinDeadline } from '../internal/within-deadline.ts'
import { withoutUserinfo } from '../secrets/url-secrets.ts'
import type { RunContext } from '../runbook/run-context.ts'

/** The cluster identity recorded in the report. */
export interface KubeTarget {
  server: string | null
  context: string | null
  /** The API server's `gitVersion`, or `null` when it could not be asked. */
  version: string | null
}

/** Reads the cluster's identity for the report; never throws (an unreachable API server gives `version: null`). */
export async function describeKubeTarget(context: RunContext, timeoutMs: number): Promise<KubeTarget> {
  try {
    const kubeConfig = loadKubeConfig({ kubeconfigPath: context.kubeconfigPath, kubeContext: context.kubeContext })
    const server = kubeConfig.getCurrentCluster()?.server
    const identity = { server: server ? withoutUserinfo(server) : null, context: kubeConfig.getCurrentContext() }
    const version = await withinDeadline(makeKubeApiClient(kubeConfig, VersionApi, { timeoutMs, maxBytes: KUBE_READ_LIMITS.maxBytes }).getCode(), timeoutMs, () => new Error('no answer'))
      .then((info) => info.gitVersion)
      .catch(() => null)
    return { ...identity, version }
  } catch {
    return { server: null, context: context.kubeContext, version: null }
  }
}
