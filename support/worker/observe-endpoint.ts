import type { HttpObservation, KubeReader } from '../kube/index.ts'
import type { Evidence } from './create-evidence.ts'
import type { EndpointReading } from '../metrics/index.ts'

/**
 * GETs a service's ops endpoint through the API server's service proxy and records the exchange as evidence:
 * status, content type, latency and size as JSON, the body as text. A transport failure is recorded too,
 * then rethrown (the check becomes unverified).
 */
export async function observeEndpoint(
  kube: KubeReader,
  evidence: Evidence,
  service: { name: string; port: number },
  path: string,
): Promise<HttpObservation> {
  const name = `${service.name}${path.replace(/\//g, '-')}`
  try {
    const observation = await kube.proxyGet(service.name, service.port, path)
    const { body, ...exchange } = observation
    evidence.json(`${name}.response`, exchange)
    evidence.text(`${name}.body`, body, path === '/metrics' ? 'prom' : 'txt')
    return observation
  } catch (error) {
    evidence.json(`${name}.response`, { error: error instanceof Error ? error.message : String(error) })
    throw error
  }
}

/**
 * Observes an endpoint as {@link observeEndpoint} does, but returns a failure to read as `{ error }` instead of
 * throwing, for rules that weigh several sources and say what each of them said.
 */
export async function observeReading(
  kube: KubeReader,
  evidence: Evidence,
  service: { name: string; port: number },
  path: string,
): Promise<EndpointReading> {
  try {
    return await observeEndpoint(kube, evidence, service, path)
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
