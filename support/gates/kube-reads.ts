/** One read of the Kubernetes API as RBAC sees it. */
export interface KubeRead {
  /** The RBAC verb. */
  verb: 'get' | 'list'
  /** The API group, `''` for core. */
  group: '' | 'apps' | 'batch'
  /** The plural resource. */
  resource: string
  /** The subresource, e.g. `proxy`. */
  subresource?: 'proxy'
}

/**
 * Every read openbell's {@link KubeReader} makes, by method: the single source of truth for the reader's messages,
 * the start-of-run permission check (SelfSubjectAccessReview) and `deploy/rbac-reader.yaml`, whose Role must grant
 * exactly these (a test compares them). A new reader method does not compile until it is listed here
 * (`kube-reader.ts` checks both ways).
 */
export const KUBE_READS = Object.freeze({
  readConfigMap: { verb: 'get', group: '', resource: 'configmaps' },
  listConfigMaps: { verb: 'list', group: '', resource: 'configmaps' },
  listPods: { verb: 'list', group: '', resource: 'pods' },
  listDeployments: { verb: 'list', group: 'apps', resource: 'deployments' },
  listStatefulSets: { verb: 'list', group: 'apps', resource: 'statefulsets' },
  listDaemonSets: { verb: 'list', group: 'apps', resource: 'daemonsets' },
  listReplicaSets: { verb: 'list', group: 'apps', resource: 'replicasets' },
  listJobs: { verb: 'list', group: 'batch', resource: 'jobs' },
  listCronJobs: { verb: 'list', group: 'batch', resource: 'cronjobs' },
  listServices: { verb: 'list', group: '', resource: 'services' },
  listEvents: { verb: 'list', group: '', resource: 'events' },
  proxyGet: { verb: 'get', group: '', resource: 'services', subresource: 'proxy' },
} as const satisfies Record<string, KubeRead>)

/**
 * The name of a `KubeReader` method that reads a namespaced resource. `serverVersion` reads `/version`, a
 * non-resource URL every authenticated identity may read (`system:public-info-viewer`), so no Role grants it.
 */
export type KubeReadName = keyof typeof KUBE_READS

/** The names of {@link KUBE_READS}, in their order. */
export const KUBE_READ_NAMES = Object.freeze(Object.keys(KUBE_READS) as KubeReadName[])

/** The Role file that grants {@link KUBE_READS}. */
export const READER_ROLE_FILE = 'deploy/rbac-reader.yaml'

/** The read as a person says it: `list deployments.apps`, `get services/proxy`. */
export function describeKubeRead(read: KubeRead): string {
  const resource = read.subresource ? `${read.resource}/${read.subresource}` : read.resource
  return `${read.verb} ${resource}${read.group ? `.${read.group}` : ''}`
}

/**
 * The RBAC rule that grants a read, in the flow style of a Role's `rules:` list, so it can be pasted as is:
 * `{apiGroups: [""], resources: ["configmaps"], verbs: ["get"]}`.
 */
export function kubeReadRule(read: KubeRead): string {
  const resource = read.subresource ? `${read.resource}/${read.subresource}` : read.resource
  return `{apiGroups: ["${read.group}"], resources: ["${resource}"], verbs: ["${read.verb}"]}`
}
