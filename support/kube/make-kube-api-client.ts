import { createConfiguration, ServerConfiguration, type Configuration, type KubeConfig } from '@kubernetes/client-node'
import { UsageError } from '../errors.ts'
import { createKubeHttpLibrary, type KubeHttpLibraryOptions } from './kube-http-library.ts'

/**
 * `kubeConfig.makeApiClient(Api)` over openbell's bounded transport ({@link createKubeHttpLibrary}): no redirect
 * followed, the body capped, the socket destroyed at the deadline. Every Kubernetes API client openbell uses is made
 * here. Calls of one client share one byte budget: make one per read.
 * @throws {UsageError} when the kubeconfig has no current cluster.
 */
export function makeKubeApiClient<Api>(
  kubeConfig: KubeConfig,
  api: new (configuration: Configuration) => Api,
  options: KubeHttpLibraryOptions,
): Api {
  const server = kubeConfig.getCurrentCluster()?.server
  if (!server) throw new UsageError('the kubeconfig has no current cluster server; run `kubectl config get-contexts`.')
  return new api(
    createConfiguration({
      baseServer: new ServerConfiguration(server, {}),
      authMethods: { default: kubeConfig },
      httpApi: createKubeHttpLibrary(options),
    }),
  )
}
