import { findResourceType, type KubeResourceType } from '../kube-resource-types.ts'

/** What a resource URL points at. */
export interface KubeRequestTarget {
  /** The resource type. */
  readonly type: KubeResourceType
  /** The namespace in the path, if any (absent for cluster-wide lists and cluster-scoped kinds). */
  readonly namespace?: string
  /** The object name, absent for lists. */
  readonly name?: string
  /** The subresource, e.g. `proxy`. */
  readonly subresource?: string
  /** The raw path after the subresource, e.g. `/metrics` for `…/services/x/proxy/metrics`; `''` when none. */
  readonly rest: string
}

/** The outcome of parsing a path under `/api` or `/apis`. */
export type ParsedKubePath =
  | { kind: 'resource'; target: KubeRequestTarget }
  | { kind: 'watch' }
  | { kind: 'unknown' }

const PREFIX = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/

/** Parses `/api/v1/…` and `/apis/<group>/<version>/…` into a resource target. */
export function parseKubePath(pathname: string): ParsedKubePath {
  const match = pathname.match(PREFIX)
  if (!match) return { kind: 'unknown' }
  const group = match[1] ? '' : match[2]!
  const version = match[1] ?? match[3]!
  const segments = match[4]!.split('/')
  if (segments[0] === 'watch') return { kind: 'watch' }
  const namespaced = segments[0] === 'namespaces' && segments.length >= 3 && segments[2] !== ''
  const [namespace, plural, name, subresource, ...rest] = namespaced
    ? segments.slice(1)
    : [undefined, ...segments]
  const type = plural === undefined ? undefined : findResourceType(group, version, decode(plural))
  if (type === undefined || (namespaced && !type.namespaced)) return { kind: 'unknown' }
  return {
    kind: 'resource',
    target: {
      type,
      ...(namespace !== undefined ? { namespace: decode(namespace) } : {}),
      ...(name ? { name: decode(name) } : {}),
      ...(subresource ? { subresource: decode(subresource) } : {}),
      rest: rest.length > 0 ? `/${rest.join('/')}` : '',
    },
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
