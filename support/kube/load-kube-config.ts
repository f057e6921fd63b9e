import { existsSync } from 'node:fs'
import path from 'node:path'
import { KubeConfig } from '@kubernetes/client-node'
import { UsageError } from '../errors.ts'
import { registerKubeConfigSecrets } from '../secrets/index.ts'

/** Where a kubeconfig comes from. */
export interface KubeConfigSource {
  /** A kubeconfig file; `null` for the standard sources (KUBECONFIG, ~/.kube/config, in-cluster service account). */
  kubeconfigPath: string | null
  /** The context to use; `null` for the current one. */
  kubeContext: string | null
}

/** Where a pod's service account token is mounted: the in-cluster source of credentials. */
const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

/**
 * Loads a kubeconfig the way kubectl does and selects the context.
 * @throws {UsageError} when there is no kubeconfig at all, when the file is missing, unreadable or malformed, or names
 * no usable context or server.
 */
export function loadKubeConfig(source: KubeConfigSource, env: NodeJS.ProcessEnv = process.env): KubeConfig {
  const kubeConfig = new KubeConfig()
  const described = source.kubeconfigPath ?? env.KUBECONFIG ?? '~/.kube/config'
  if (source.kubeconfigPath !== null && !existsSync(source.kubeconfigPath)) {
    throw new UsageError(`kubeconfig ${source.kubeconfigPath} does not exist; check --kube-context and KUBECONFIG.`)
  }
  if (source.kubeconfigPath === null && env.KUBECONFIG) {
    const missing = env.KUBECONFIG.split(':').filter((file) => file && !existsSync(file))
    if (missing.length > 0) throw new UsageError(`KUBECONFIG names ${missing.join(', ')}, which does not exist.`)
  }
  if (source.kubeconfigPath === null && !env.KUBECONFIG) {
    // @note client-node then falls back to http://localhost:8080 without a word: openbell must not look at a cluster it was not pointed at.
    const homeConfig = env.HOME ? path.join(env.HOME, '.kube', 'config') : null
    if ((homeConfig === null || !existsSync(homeConfig)) && !existsSync(SERVICE_ACCOUNT_TOKEN)) {
      throw new UsageError(
        `no kubeconfig: KUBECONFIG is not set, ${homeConfig ?? '~/.kube/config (HOME is not set)'} does not exist and this is ` +
          `not a pod with a service account; point KUBECONFIG at the cluster's kubeconfig (e.g. \`gcloud container clusters ` +
          `get-credentials\`), or run against the emulators with --env=emulator.`,
      )
    }
  }
  try {
    if (source.kubeconfigPath !== null) kubeConfig.loadFromFile(source.kubeconfigPath)
    else kubeConfig.loadFromDefault()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UsageError(`cannot read kubeconfig ${described}: ${reason}. Fix the file or point KUBECONFIG at a valid one.`)
  }
  // @note before anything can echo them: every credential of the file is scrubbed from whatever openbell writes or prints.
  registerKubeConfigSecrets(kubeConfig)
  if (source.kubeContext !== null) {
    if (!kubeConfig.getContexts().some((context) => context.name === source.kubeContext)) {
      const names = kubeConfig.getContexts().map((context) => context.name)
      throw new UsageError(
        `--kube-context "${source.kubeContext}" is not in ${described}; its contexts are: ${names.join(', ') || '(none)'}.`,
      )
    }
    kubeConfig.setCurrentContext(source.kubeContext)
  }
  const cluster = kubeConfig.getCurrentCluster()
  if (!cluster?.server) {
    throw new UsageError(`kubeconfig ${described} has no current context with a cluster server; run \`kubectl config get-contexts\`.`)
  }
  return kubeConfig
}
