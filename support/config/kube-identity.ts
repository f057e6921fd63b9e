import type { KubeConfig } from '@kubernetes/client-node'
import { withoutUserinfo } from '../secrets/index.ts'

/** Which cluster a kubeconfig points at, as evidence and reports show it. */
export interface KubeIdentity {
  /** The API server URL, never with its userinfo. */
  server: string
  /** The current context. */
  context: string
}

/**
 * The identity of a loaded kubeconfig: its current context and API server, the server without userinfo (shown in
 * evidence and reports; the proxy reads keep the URL as it is). Imports no Kubernetes client code.
 */
export function describeKubeIdentity(kubeConfig: KubeConfig): KubeIdentity {
  return { server: withoutUserinfo(kubeConfig.getCurrentCluster()?.server ?? ''), context: kubeConfig.getCurrentContext() }
}
