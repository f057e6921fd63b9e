import { KUBE_RESOURCE_TYPES, type KubeResourceType } from '../kube-resource-types.ts'

/** The `/version` document for a `vMAJOR.MINOR.PATCH` server version. */
export function createVersionDocument(gitVersion: string): Record<string, string> {
  const [, major = '1', minor = '0'] = gitVersion.match(/^v(\d+)\.(\d+)/) ?? []
  return {
    major,
    minor,
    gitVersion,
    gitCommit: 'openbell-kube-api-emulator',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}

/** `/api`: the core API versions. */
export function createApiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  }
}

/** The named groups served, with their one version each. */
export function listApiGroups(): string[] {
  return [...new Set(KUBE_RESOURCE_TYPES.filter((type) => type.group !== '').map((type) => type.group))]
}

/** `/apis/<group>`: one APIGroup. */
export function createApiGroup(group: string): object | undefined {
  const type = KUBE_RESOURCE_TYPES.find((candidate) => candidate.group === group)
  if (type === undefined) return undefined
  const version = { groupVersion: `${group}/${type.version}`, version: type.version }
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: [version], preferredVersion: version }
}

/** `/apis`: every named group. */
export function createApiGroupList(): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: listApiGroups().map((group) => {
      const { kind: _kind, apiVersion: _apiVersion, ...rest } = createApiGroup(group) as Record<string, unknown>
      return rest
    }),
  }
}

/** `/api/v1` or `/apis/<group>/<version>`: the resources of one group version, or undefined if none. */
export function createApiResourceList(group: string, version: string): object | undefined {
  const types = KUBE_RESOURCE_TYPES.filter((type) => type.group === group && type.version === version)
  if (types.length === 0) return undefined
  return {
    kind: 'APIResourceList',
    ...(group === '' ? {} : { apiVersion: 'v1' }),
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: types.flatMap((type) => [toApiResource(type), ...subresourcesOf(type)]),
  }
}

function toApiResource(type: KubeResourceType): object {
  return {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: [...type.verbs],
    ...(type.shortNames.length > 0 ? { shortNames: [...type.shortNames] } : {}),
    ...(type.categories.length > 0 ? { categories: [...type.categories] } : {}),
  }
}

function subresourcesOf(type: KubeResourceType): object[] {
  if (type.plural !== 'services') return []
  // @note the only subresource served: `services/proxy`, which forwards to a registered loopback URL.
  return [{ name: 'services/proxy', singularName: '', namespaced: true, kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }]
}
