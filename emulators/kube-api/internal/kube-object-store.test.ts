import { describe, expect, it } from 'vitest'
import { UsageError } from '../../../support/errors.ts'
import type { KubeObject } from '../kube-object.ts'
import { findResourceTypeByKind } from '../kube-resource-types.ts'
import { KubeObjectStore } from './kube-object-store.ts'

const NOW = new Date('2026-02-05T14:00:00Z')
const deployments = findResourceTypeByKind('Deployment')!
const configMaps = findResourceTypeByKind('ConfigMap')!
const OBJECTS: KubeObject[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'trading-floor', resourceVersion: '40' }, data: {} },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'trading-floor' }, data: {} },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' }, data: {} },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1 } },
]

describe('KubeObjectStore', () => {
  it('fills defaults, continues resourceVersions after the highest given, and lists like etcd keys', () => {
    const store = new KubeObjectStore(OBJECTS, NOW)
    expect(store.resourceVersion).toBe('43')
    expect(store.list(configMaps).map((object) => `${object.metadata.namespace}/${object.metadata.name}`)).toEqual(['default/a', 'trading-floor/a', 'trading-floor/b'])
    expect(store.list(configMaps, 'trading-floor').map((object) => object.metadata.resourceVersion)).toEqual(['41', '40'])
    expect(store.get(deployments, 'trading-floor', 'd')?.metadata).toMatchObject({ generation: 1, creationTimestamp: '2026-02-05T14:00:00Z' })
  })

  it('bumps resourceVersion on a change, generation on a spec change, and nothing on a no-op', () => {
    const store = new KubeObjectStore(OBJECTS, NOW)
    const current = store.get(deployments, 'trading-floor', 'd')!
    expect(store.commit(deployments, current)).toEqual(current)
    const scaled = store.commit(deployments, { ...current, spec: { replicas: 0 } })
    expect(scaled.metadata).toMatchObject({ resourceVersion: '44', generation: 2 })
    const labelled = store.commit(deployments, { ...scaled, metadata: { ...scaled.metadata, labels: { a: 'b' } } })
    expect(labelled.metadata).toMatchObject({ resourceVersion: '45', generation: 2 })
    expect(store.resourceVersion).toBe('45')
  })

  it('hands out copies', () => {
    const store = new KubeObjectStore(OBJECTS, NOW)
    store.get(configMaps, 'trading-floor', 'a')!.data = { changed: 'yes' }
    expect(store.get(configMaps, 'trading-floor', 'a')!.data).toEqual({})
  })

  it('rejects the same object twice', () => {
    expect(() => new KubeObjectStore([OBJECTS[1]!, OBJECTS[1]!], NOW)).toThrow(
      new UsageError('withObjects()[1]: ConfigMap "trading-floor/a" is given twice. Keep one of them.'),
    )
  })
})
