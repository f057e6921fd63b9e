/** A verb of the Kubernetes API, as RBAC and discovery name it. */
export type KubeVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection'

/** One resource the emulator knows: its names, scope, verbs and the extra field selectors it accepts. */
export interface KubeResourceType {
  /** The kind, e.g. `Deployment`. */
  readonly kind: string
  /** The API group, `''` for core. */
  readonly group: string
  /** The API version within the group. */
  readonly version: string
  /** The plural resource name used in URLs and RBAC, e.g. `deployments`. */
  readonly plural: string
  /** The singular name. */
  readonly singular: string
  /** Whether objects live in a namespace. */
  readonly namespaced: boolean
  /** Short names kubectl accepts, e.g. `deploy`. */
  readonly shortNames: readonly string[]
  /** Discovery categories; kubectl expands `all` from these. */
  readonly categories: readonly string[]
  /** The verbs this emulator serves for the resource. */
  readonly verbs: readonly KubeVerb[]
  /** Field selectors beyond `metadata.name`/`metadata.namespace`, mapped to the object path they read. */
  readonly fields: Readonly<Record<string, string>>
  /** Whether objects of this kind can be loaded and served (Secrets never are). */
  readonly stored: boolean
  /** Whether the server sets `metadata.generation` and bumps it on spec changes. */
  readonly hasGeneration: boolean
}

const READ_PATCH: readonly KubeVerb[] = ['get', 'list', 'patch']
const WORKLOAD = { categories: ['all'], verbs: READ_PATCH, fields: {}, stored: true, hasGeneration: true }
const PLAIN = { shortNames: [], categories: [], verbs: READ_PATCH, fields: {}, stored: true, hasGeneration: false }

/** Every resource the emulator serves, in discovery order. */
export const KUBE_RESOURCE_TYPES: readonly KubeResourceType[] = Object.freeze<KubeResourceType[]>([
  {
    ...PLAIN, kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', namespaced: false,
    shortNames: ['ns'], fields: { 'status.phase': 'status.phase' },
  },
  {
    ...PLAIN, kind: 'Pod', group: '', version: 'v1', plural: 'pods', singular: 'pod', namespaced: true, shortNames: ['po'],
    categories: ['all'],
    fields: Object.fromEntries(
      ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork',
        'status.phase', 'status.podIP', 'status.nominatedNodeName'].map((field) => [field, field]),
    ),
  },
  { ...PLAIN, kind: 'Service', group: '', version: 'v1', plural: 'services', singular: 'service', namespaced: true, shortNames: ['svc'], categories: ['all'] },
  { ...PLAIN, kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', singular: 'configmap', namespaced: true, shortNames: ['cm'] },
  { ...PLAIN, kind: 'ServiceAccount', group: '', version: 'v1', plural: 'serviceaccounts', singular: 'serviceaccount', namespaced: true, shortNames: ['sa'] },
  {
    // @note listed in discovery so kubectl resolves `secret`, but never stored: every request for it answers 403.
    ...PLAIN, kind: 'Secret', group: '', version: 'v1', plural: 'secrets', singular: 'secret', namespaced: true, stored: false,
    fields: { type: 'type' },
  },
  {
    ...PLAIN, kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', namespaced: true, shortNames: ['ev'],
    fields: {
      ...Object.fromEntries(
        ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']
          .map((key) => [`involvedObject.${key}`, `involvedObject.${key}`]),
      ),
      reason: 'reason', reportingComponent: 'reportingComponent', source: 'source.component', type: 'type',
    },
  },
  { ...WORKLOAD, kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', namespaced: true, shortNames: ['deploy'] },
  { ...WORKLOAD, kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', namespaced: true, shortNames: ['rs'] },
  { ...WORKLOAD, kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', singular: 'daemonset', namespaced: true, shortNames: ['ds'] },
  { ...WORKLOAD, kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', singular: 'statefulset', namespaced: true, shortNames: ['sts'] },
  {
    ...WORKLOAD, kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', singular: 'job', namespaced: true, shortNames: [],
    fields: { 'status.successful': 'status.succeeded' },
  },
  { ...WORKLOAD, kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', singular: 'cronjob', namespaced: true, shortNames: ['cj'] },
  {
    ...PLAIN, kind: 'SelfSubjectAccessReview', group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectaccessreviews',
    singular: 'selfsubjectaccessreview', namespaced: false, verbs: ['create'], stored: false,
  },
])

/** The kinds that can be loaded from fixtures and served, e.g. `ConfigMap`. */
export const SERVED_KUBE_KINDS: readonly string[] = Object.freeze(
  KUBE_RESOURCE_TYPES.filter((type) => type.stored).map((type) => type.kind),
)

/** The `apiVersion` of a resource type: `v1` or `<group>/<version>`. */
export function getApiVersion(type: KubeResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`
}

/** Finds a stored resource type by kind (and apiVersion when given). */
export function findResourceTypeByKind(kind: string, apiVersion?: string): KubeResourceType | undefined {
  return KUBE_RESOURCE_TYPES.find(
    (type) => type.stored && type.kind === kind && (apiVersion === undefined || getApiVersion(type) === apiVersion),
  )
}

/** Finds a resource type by its URL coordinates, e.g. (`apps`, `v1`, `deployments`). */
export function findResourceType(group: string, version: string, plural: string): KubeResourceType | undefined {
  return KUBE_RESOURCE_TYPES.find((type) => type.group === group && type.version === version && type.plural === plural)
}
