import { request, type Agent, type IncomingMessage, type ServerResponse } from 'node:http'
import type { KubeObject } from '../kube-object.ts'
import { createKubeStatus, KubeStatusError } from './kube-status.ts'
import { forwardableHeaders, sendStatus } from './http-io.ts'

/** The parts of a proxy id: `name`, `name:port` or `scheme:name:port`. */
export interface ServiceProxyId {
  /** The id as written in the URL. */
  readonly id: string
  /** The Service name. */
  readonly name: string
  /** The port as written (number or port name), `''` when absent. */
  readonly port: string
}

/** Splits the `{name}` segment of `…/services/{name}/proxy`, as the API server does. */
export function parseServiceProxyId(id: string): ServiceProxyId {
  const parts = id.split(':')
  if (parts.length === 3) return { id, name: parts[1]!, port: parts[2]! }
  if (parts.length === 2) return { id, name: parts[0]!, port: parts[1]! }
  return { id, name: id, port: '' }
}

interface ServicePort {
  name?: string
  port?: number
}

/**
 * Finds the loopback URL registered for a Service port, with the API server's port rules: a number must be a port of
 * the Service; a name (or `''`) must equal a port's name — so `svc` without a port only reaches an unnamed port.
 * @throws KubeStatusError 503 ServiceUnavailable like the real API when no port or no registered URL matches.
 */
export function resolveProxyUpstream(
  service: KubeObject,
  proxyId: ServiceProxyId,
  upstreams: Readonly<Record<string, string>>,
): URL {
  const namespace = service.metadata.namespace ?? ''
  const ports = ((service.spec as { ports?: ServicePort[] } | undefined)?.ports ?? [])
  const asNumber = /^\d+$/.test(proxyId.port) ? Number(proxyId.port) : undefined
  const port = asNumber === undefined
    ? ports.find((candidate) => (candidate.name ?? '') === proxyId.port)
    : ports.find((candidate) => candidate.port === asNumber)
  if (asNumber !== undefined && port === undefined) {
    throw new KubeStatusError(createKubeStatus(
      'ServiceUnavailable', `no service port ${asNumber} found for service "${proxyId.name}"`,
    ))
  }
  const upstream = port && (upstreams[`${namespace}/${proxyId.name}:${port.port}`] ?? upstreams[`${namespace}/${proxyId.name}`])
  if (upstream === undefined) {
    throw new KubeStatusError(createKubeStatus('ServiceUnavailable', `no endpoints available for service "${proxyId.id}"`))
  }
  return new URL(upstream)
}

/** Streams a request to the upstream and its answer back: status, headers (minus hop-by-hop) and body. */
export function forwardToUpstream(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: URL,
  rawPath: string,
  search: string,
  agent: Agent,
): void {
  const base = upstream.pathname.replace(/\/$/, '')
  // @note the API server strips the caller's credentials before proxying; so do we.
  const headers = { ...forwardableHeaders(req.headers, ['authorization', 'host']), host: upstream.host }
  const outgoing = request({
    hostname: upstream.hostname,
    port: upstream.port,
    method: req.method,
    path: `${base}${rawPath === '' ? '/' : normalizeProxyPath(rawPath)}${search}`,
    headers,
    agent,
  })
  outgoing.on('response', (incoming) => {
    res.writeHead(incoming.statusCode ?? 502, forwardableHeaders(incoming.headers))
    incoming.pipe(res)
    incoming.on('error', (error) => res.destroy(error))
  })
  outgoing.on('error', (error) => {
    if (res.headersSent) res.destroy(error)
    else sendStatus(res, createKubeStatus('ServiceUnavailable', `error trying to reach service: ${error.message}`))
  })
  // @note a caller that hangs up (or stop()) must not leave the upstream request open.
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy()
  })
  req.pipe(outgoing)
}

/**
 * Decodes the path after `/proxy` and escapes it again as Go's `URL.EscapedPath` would, as the API server does:
 * client-node sends `ops%2Fstatus`, the upstream sees `/ops/status`.
 */
export function normalizeProxyPath(rawPath: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return rawPath
  }
  return decoded
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (escaped) => decodeURIComponent(escaped)))
    .join('/')
}
