import type { KubeObject } from '../kube-object.ts'
import type { KubeResourceType } from '../kube-resource-types.ts'
import { matchesFieldSelector, parseFieldSelector } from './field-selector.ts'
import type { KubeObjectStore } from './kube-object-store.ts'
import { createKubeStatus, KubeStatusError } from './kube-status.ts'
import { matchesLabelSelector, parseLabelSelector } from './label-selector.ts'

/**
 * Builds a `<Kind>List` answer: selectors, then `limit`/`continue` paging.
 * @note the API server leaves `kind`/`apiVersion` off list items; clients such as kubectl fill them in.
 * @throws KubeStatusError 400 for a selector or continue token that does not parse.
 */
export function listKubeObjects(
  store: KubeObjectStore,
  type: KubeResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  /** The most items a page holds whatever `limit` asks (a server that pages on its own); none when undefined. */
  maxPageSize?: number,
): object {
  const labels = parseLabelSelector(query.get('labelSelector'))
  const fields = parseFieldSelector(query.get('fieldSelector'), type)
  const matching = store.list(type, namespace).filter(
    (object) => matchesLabelSelector(labels, object.metadata.labels) && matchesFieldSelector(fields, object),
  )
  const offset = decodeContinue(query.get('continue'))
  const asked = Number(query.get('limit') ?? 0)
  const limit = Math.min(Number.isInteger(asked) && asked > 0 ? asked : Infinity, maxPageSize ?? Infinity)
  const end = Number.isFinite(limit) ? offset + limit : matching.length
  const page = matching.slice(offset, end)
  const remaining = matching.length - Math.min(end, matching.length)
  return {
    kind: `${type.kind}List`,
    apiVersion: type.group === '' ? type.version : `${type.group}/${type.version}`,
    metadata: {
      resourceVersion: store.resourceVersion,
      ...(remaining > 0 ? { continue: encodeContinue(end), remainingItemCount: remaining } : {}),
    },
    items: page.map(stripTypeMeta),
  }
}

function stripTypeMeta({ kind: _kind, apiVersion: _apiVersion, ...rest }: KubeObject): object {
  return rest
}

function encodeContinue(offset: number): string {
  return Buffer.from(JSON.stringify({ v: 'openbell/1', offset })).toString('base64url')
}

function decodeContinue(token: string | null): number {
  if (!token) return 0
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset
  } catch {
    // fall through to the 400 below
  }
  throw new KubeStatusError(createKubeStatus('BadRequest', `continue key is not valid: ${JSON.stringify(token)}`))
}
