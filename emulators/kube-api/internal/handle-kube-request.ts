import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  createApiGroup, createApiGroupList, createApiResourceList, createApiVersions, createVersionDocument,
} from './discovery-documents.ts'
import { handleResourceRequest } from './handle-resource-request.ts'
import { sendJson, sendStatus, sendText } from './http-io.ts'
import type { KubeRequestContext } from './kube-request-context.ts'
import { createKubeStatus, KubeStatusError, methodNotAllowedStatus, unknownPathStatus } from './kube-status.ts'
import { parseKubePath } from './parse-kube-path.ts'

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz'])

/**
 * Serves one request: health and `/version`, then the bearer-token check (a wrong token is 401), discovery,
 * and resource URLs. Errors become `Status` bodies.
 */
export async function handleKubeRequest(req: IncomingMessage, res: ServerResponse, context: KubeRequestContext): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://kube-api.invalid')
    const path = url.pathname
    if (context.hostile.unauthorized) return sendStatus(res, createKubeStatus('Unauthorized', 'Unauthorized'))
    if (path === '/version') return sendJson(res, 200, createVersionDocument(context.serverVersion))
    if (HEALTH_PATHS.has(path)) return sendText(res, 200, 'ok')
    // @note kubectl (client-go clientcmd) sends kubeconfig credentials only over TLS, so over our plain-http loopback it
    // sends none: a request without credentials is let in; a wrong token is refused, as an expired one would be.
    const authorization = req.headers.authorization
    if (authorization !== undefined && authorization !== `Bearer ${context.token}`) {
      return sendStatus(res, createKubeStatus('Unauthorized', 'Unauthorized'))
    }
    const discovery = discoveryDocument(path, context)
    if (discovery !== undefined) {
      if (req.method !== 'GET') return sendStatus(res, methodNotAllowedStatus(`${req.method} ${path}`))
      return sendJson(res, 200, discovery)
    }
    const parsed = parseKubePath(path)
    if (parsed.kind === 'watch') return sendStatus(res, methodNotAllowedStatus('watch is not served by the openbell kube-api emulator'))
    // @note `/openapi/v2` and `/openapi/v3` answer 404 too: kubectl get/patch work without them.
    if (parsed.kind === 'unknown') return sendStatus(res, unknownPathStatus())
    return await handleResourceRequest(req, res, parsed.target, url, context)
  } catch (error) {
    if (res.headersSent) return void res.destroy(error as Error)
    if (error instanceof KubeStatusError) return sendStatus(res, error.status)
    sendStatus(res, createKubeStatus('InternalError', `the openbell kube-api emulator failed: ${(error as Error).message}`))
  }
}

function discoveryDocument(path: string, context: KubeRequestContext): object | undefined {
  const trimmed = path.replace(/\/$/, '')
  if (trimmed === '/api') return createApiVersions(context.serverAddress)
  if (trimmed === '/apis') return createApiGroupList()
  if (trimmed === '/api/v1') return createApiResourceList('', 'v1')
  const group = trimmed.match(/^\/apis\/([^/]+)$/)
  if (group) return createApiGroup(group[1]!)
  const groupVersion = trimmed.match(/^\/apis\/([^/]+)\/([^/]+)$/)
  if (groupVersion) return createApiResourceList(groupVersion[1]!, groupVersion[2]!)
  return undefined
}
