import type { ForbiddenRule } from '../forbidden-rule.ts'
import type { KubeVerb } from '../kube-resource-types.ts'
import { createKubeStatus, type KubeStatus } from './kube-status.ts'

/** One request as RBAC sees it. */
export interface AccessAttributes {
  /** The RBAC verb. */
  readonly verb: KubeVerb
  /** The API group, `''` for core. */
  readonly group: string
  /** The plural resource. */
  readonly resource: string
  /** The subresource, e.g. `proxy`. */
  readonly subresource?: string
  /** The namespace, absent at the cluster scope. */
  readonly namespace?: string
  /** The object name. */
  readonly name?: string
}

/** Whether any rule denies the request. */
export function isForbidden(rules: readonly ForbiddenRule[], request: AccessAttributes): boolean {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource
  return rules.some((rule) => {
    const { resource: ruleResource, verbs, namespace } = typeof rule === 'string' ? { resource: rule } : rule
    return (
      ruleResource === resource &&
      (verbs === undefined || verbs.includes(request.verb)) &&
      (namespace === undefined || namespace === request.namespace)
    )
  })
}

/** The 403 the API server answers, word for word (`configmaps "x" is forbidden: User "…" cannot get resource …`). */
export function forbiddenStatus(user: string, request: AccessAttributes): KubeStatus {
  const qualified = request.group ? `${request.resource}.${request.group}` : request.resource
  const subject = request.name === undefined ? qualified : `${qualified} "${request.name}"`
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource
  const scope = request.namespace === undefined ? 'at the cluster scope' : `in the namespace "${request.namespace}"`
  return createKubeStatus(
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${request.verb} resource "${resource}" in API group "${request.group}" ${scope}`,
    { resource: request.resource, group: request.group, ...(request.name !== undefined ? { name: request.name } : {}) },
  )
}
