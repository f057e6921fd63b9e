import type { ForbiddenRule } from '../forbidden-rule.ts'
import type { KubeVerb } from '../kube-resource-types.ts'
import { isJsonObject } from '../merge-patch.ts'
import { isForbidden } from './access-control.ts'
import { decodeAccessReviewProtobuf } from './decode-access-review-protobuf.ts'
import { createKubeStatus, KubeStatusError } from './kube-status.ts'

/**
 * Decodes a SelfSubjectAccessReview request body: JSON, or the protobuf that `kubectl auth can-i` sends.
 * @throws KubeStatusError 400 when it decodes as neither.
 */
export function decodeAccessReview(body: Buffer, contentType: string): unknown {
  try {
    if (contentType.startsWith('application/vnd.kubernetes.protobuf')) return decodeAccessReviewProtobuf(body)
    return JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new KubeStatusError(createKubeStatus('BadRequest', `error decoding SelfSubjectAccessReview: ${(error as Error).message}`))
  }
}

/**
 * Answers a decoded SelfSubjectAccessReview: allowed unless a forbidden rule (or the Secret rule) denies it.
 * @throws KubeStatusError 422 when it has neither `spec.resourceAttributes` nor `spec.nonResourceAttributes`.
 */
export function reviewAccess(review: unknown, rules: readonly ForbiddenRule[]): object {
  const spec = isJsonObject(review) && isJsonObject(review.spec) ? review.spec : undefined
  const attributes = spec && isJsonObject(spec.resourceAttributes) ? spec.resourceAttributes : undefined
  if (spec === undefined || (attributes === undefined && !isJsonObject(spec.nonResourceAttributes))) {
    throw new KubeStatusError(createKubeStatus(
      'Invalid',
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    ))
  }
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)
  const denied = attributes !== undefined && isForbidden(rules, {
    verb: (text(attributes.verb) ?? 'get') as KubeVerb,
    group: text(attributes.group) ?? '',
    resource: text(attributes.resource) ?? '',
    ...(text(attributes.subresource) ? { subresource: text(attributes.subresource)! } : {}),
    ...(text(attributes.namespace) ? { namespace: text(attributes.namespace)! } : {}),
  })
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: denied ? { allowed: false } : { allowed: true, reason: 'allowed by the openbell kube-api emulator' },
  }
}
