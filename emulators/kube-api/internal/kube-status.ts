/** The `reason` values the emulator answers with, as the Kubernetes API spells them. */
export type KubeStatusReason =
  | 'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'MethodNotAllowed' | 'Conflict'
  | 'UnsupportedMediaType' | 'Invalid' | 'RequestEntityTooLarge' | 'ServiceUnavailable' | 'InternalError'

/** A `Status` object: the body of every API error. */
export interface KubeStatus {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure'
  message: string
  reason: KubeStatusReason
  details?: { name?: string; group?: string; kind?: string }
  code: number
}

const CODES: Readonly<Record<KubeStatusReason, number>> = Object.freeze({
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  Conflict: 409,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  InternalError: 500,
  ServiceUnavailable: 503,
})

/** Where an error points: the resource (plural), its group and the object name. */
export interface KubeStatusTarget {
  /** The plural resource, e.g. `configmaps`. */
  resource?: string
  /** The API group, `''` for core. */
  group?: string
  /** The object name. */
  name?: string
}

/** Builds a failure `Status` with the code that belongs to `reason`. */
export function createKubeStatus(reason: KubeStatusReason, message: string, target: KubeStatusTarget = {}): KubeStatus {
  const details: NonNullable<KubeStatus['details']> = {}
  if (target.name !== undefined) details.name = target.name
  if (target.group) details.group = target.group
  if (target.resource !== undefined) details.kind = target.resource
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(Object.keys(details).length > 0 ? { details } : {}),
    code: CODES[reason],
  }
}

/** `<resource> "<name>" not found`, as the API says it. */
export function notFoundStatus(target: Required<Pick<KubeStatusTarget, 'resource' | 'name'>> & KubeStatusTarget): KubeStatus {
  const qualified = target.group ? `${target.resource}.${target.group}` : target.resource
  return createKubeStatus('NotFound', `${qualified} "${target.name}" not found`, target)
}

/** The 404 for a path the API does not serve at all. */
export function unknownPathStatus(): KubeStatus {
  return createKubeStatus('NotFound', 'the server could not find the requested resource')
}

/** The 405 for a verb the resource does not support. */
export function methodNotAllowedStatus(detail: string): KubeStatus {
  return createKubeStatus('MethodNotAllowed', `the server does not allow this method on the requested resource (${detail})`)
}

/** The 409 for a write whose `metadata.resourceVersion` is stale. */
export function conflictStatus(target: Required<Pick<KubeStatusTarget, 'resource' | 'name'>> & KubeStatusTarget): KubeStatus {
  const qualified = target.group ? `${target.resource}.${target.group}` : target.resource
  return createKubeStatus(
    'Conflict',
    `Operation cannot be fulfilled on ${qualified} "${target.name}": the object has been modified; please apply your changes to the latest version and try again`,
    target,
  )
}

/** An error that carries the `Status` to answer with. */
export class KubeStatusError extends Error {
  /** The Status body to send. */
  readonly status: KubeStatus
  constructor(status: KubeStatus) {
    super(status.message)
    this.name = 'KubeStatusError'
    this.status = status
  }
}
