/**
 * The read-only Kubernetes client: kubeconfig, bounded paged reads, the service proxy, the reads openbell may make.
 *
 * The public surface of support/kube/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { type HttpObservation } from './http-get.ts'
export { KubeTransportError, describeRedirect } from './kube-http-library.ts'
export { KUBE_READ_LIMITS, KUBE_WATCH_LIMITS } from './kube-read-limits.ts'
export { type KubeReader, createKubeReader } from './kube-reader.ts'
export { loadKubeConfig } from './load-kube-config.ts'
export { makeKubeApiClient } from './make-kube-api-client.ts'
export { preflightKubeReads, type KubePreflightReport } from './preflight-kube-reads.ts'
export { FOLLOWED_KINDS, makeKubeInformer } from './make-kube-informer.ts'
