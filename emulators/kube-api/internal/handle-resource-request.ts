import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KubeVerb } from '../kube-resource-types.ts'
import { forbiddenStatus, isForbidden } from './access-control.ts'
import { readBody, readBodyBytes, sendJson, sendStatus } from './http-io.ts'
import type { KubeRequestContext } from './kube-request-context.ts'
import { methodNotAllowedStatus, notFoundStatus, unknownPathStatus } from './kube-status.ts'
import { listKubeObjects } from './list-kube-objects.ts'
import type { KubeRequestTarget } from './parse-kube-path.ts'
import { patchKubeObject } from './patch-kube-object.ts'
import { sendEndlessList, sendRedirect } from './serve-hostile-answers.ts'
import { serveWatch } from './serve-watch.ts'
import { decodeAccessReview, reviewAccess } from './self-subject-access-review.ts'
import { forwardToUpstream, parseServiceProxyId, resolveProxyUpstream } from './service-proxy.ts'

const PROXY_VERBS: Readonly<Record<string, KubeVerb>> = Object.freeze({
  GET: 'get', HEAD: 'get', OPTIONS: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete',
})

/** Serves one request for a resource URL: access check, then get, list, patch, proxy or access review. */
export async function handleResourceRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: KubeRequestTarget,
  url: URL,
  context: KubeRequestContext,
): Promise<void> {
  const { type, namespace, name, subresource } = target
  const method = req.method ?? 'GET'
  if ((type.namespaced && name !== undefined && namespace === undefined) || (subresource !== undefined && !isProxy(target))) {
    return sendStatus(res, unknownPathStatus())
  }
  if (['true', '1'].includes(url.searchParams.get('watch') ?? '')) {
    const access = { verb: 'watch' as const, group: type.group, resource: type.plural, ...(namespace !== undefined ? { namespace } : {}) }
    if (method !== 'GET' || name !== undefined || !type.stored) return sendStatus(res, methodNotAllowedStatus(`watch ${type.plural}${name !== undefined ? ' by name' : ''}`))
    if (isForbidden(context.forbidden, access)) return sendStatus(res, forbiddenStatus(context.user, access))
    return serveWatch(req, res, context.store, type, namespace, url)
  }
  const verb = verbOf(method, target)
  if (verb === undefined) {
    return sendStatus(res, methodNotAllowedStatus(`${method} ${type.plural}${subresource ? `/${subresource}` : ''}`))
  }
  const access = {
    verb, group: type.group, resource: type.plural,
    ...(subresource !== undefined ? { subresource } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined && !isProxy(target) ? { name } : {}),
  }
  if (context.elsewhere !== null && isForbidden(context.hostile.redirect ?? [], access)) return sendRedirect(res, context.elsewhere, url)
  if (isForbidden(context.forbidden, access)) return sendStatus(res, forbiddenStatus(context.user, access))
  if (!isProxy(target) && !type.verbs.includes(verb)) {
    return sendStatus(res, methodNotAllowedStatus(`${verb} ${type.plural}`))
  }
  if (type.kind === 'SelfSubjectAccessReview') {
    const review = decodeAccessReview(await readBodyBytes(req), req.headers['content-type'] ?? 'application/json')
    return sendJson(res, 201, reviewAccess(review, context.forbidden))
  }
  if (verb === 'list' && context.hostile.endlessList?.includes(type.plural)) return sendEndlessList(req, res, type)
  if (verb === 'list') return sendJson(res, 200, listKubeObjects(context.store, type, namespace, url.searchParams, context.hostile.pageSize))
  const lookupName = isProxy(target) ? parseServiceProxyId(name!).name : name!
  const current = context.store.get(type, namespace, lookupName)
  if (current === undefined) {
    return sendStatus(res, notFoundStatus({ resource: type.plural, group: type.group, name: lookupName }))
  }
  if (isProxy(target)) {
    const upstream = resolveProxyUpstream(current, parseServiceProxyId(name!), context.serviceProxy)
    return forwardToUpstream(req, res, upstream, target.rest, url.search, context.proxyAgent)
  }
  if (verb === 'get') return sendJson(res, 200, current)
  const patched = patchKubeObject(current, type, req.headers['content-type'] ?? '', await readBody(req))
  // @note `?dryRun=All` (kubectl --dry-run=server) validates and answers without storing, as the real API does.
  const dryRun = url.searchParams.getAll('dryRun').includes('All')
  return sendJson(res, 200, dryRun ? patched : context.store.commit(type, patched))
}

function isProxy(target: KubeRequestTarget): boolean {
  return target.type.plural === 'services' && target.subresource === 'proxy' && target.name !== undefined
}

function verbOf(method: string, target: KubeRequestTarget): KubeVerb | undefined {
  if (isProxy(target)) return PROXY_VERBS[method]
  if (target.type.kind === 'SelfSubjectAccessReview') return method === 'POST' && target.name === undefined ? 'create' : undefined
  if (method === 'GET') return target.name === undefined ? 'list' : 'get'
  if (method === 'PATCH' && target.name !== undefined) return 'patch'
  return undefined
}
