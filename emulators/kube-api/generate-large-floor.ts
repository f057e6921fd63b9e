import { UsageError } from '../../support/errors.ts'
import type { KubeObject } from './kube-object.ts'

/** How many Pods, Services and ConfigMaps a namespace of the floor should hold in total. */
export interface KubeFloorSize {
  /** Pods in the namespace, the fixture's included. */
  pods: number
  /** Services in the namespace, the fixture's included. */
  services: number
  /** ConfigMaps in the namespace, the fixture's included. */
  configMaps: number
}

/** The benchmark's large floor (issue 8): 2,000 Pods, 300 Services and 100 ConfigMaps in the namespace. */
export const LARGE_KUBE_FLOOR_SIZE: Readonly<KubeFloorSize> = Object.freeze({ pods: 2_000, services: 300, configMaps: 100 })

/** Where a ConfigMap can be referred to from a pod spec: env, envFrom and volumes. */
const CONFIG_MAP_REFERENCE_KEYS = new Set(['configMapKeyRef', 'configMapRef', 'configMap'])

/**
 * Grows a namespace of a loaded floor to `size` by cloning its own objects: Pods and Services round-robin (same
 * spec, status and owners, so every clone is as healthy as its template), ConfigMaps from those no object refers to
 * (inert filler, so no gate's reading of the kill switch or the broker host changes). Clones are named
 * `<template>-bench-<n>` and get no uid or resourceVersion, so the emulator's store assigns them. Generated in
 * memory for the benchmark; nothing is written to `fixtures/`.
 * @example const objects = generateLargeFloor(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR), LARGE_KUBE_FLOOR_SIZE, 'trading-floor')
 * @throws UsageError when more objects of a kind are asked for but the namespace has no template of that kind.
 */
export function generateLargeFloor(objects: readonly KubeObject[], size: KubeFloorSize, namespace: string): KubeObject[] {
  const inNamespace = (kind: string) => objects.filter((object) => object.kind === kind && object.metadata.namespace === namespace)
  const referenced = referencedConfigMaps(objects)
  const extra = [
    ...cloneUpTo(inNamespace('Pod'), size.pods, 'Pod'),
    ...cloneUpTo(inNamespace('Service'), size.services, 'Service'),
    ...cloneUpTo(inNamespace('ConfigMap').filter((map) => !referenced.has(map.metadata.name)), size.configMaps, 'ConfigMap', inNamespace('ConfigMap').length),
  ]
  return [...objects, ...extra]
}

/** Clones templates round-robin until `present + clones` reaches `total`. */
function cloneUpTo(templates: readonly KubeObject[], total: number, kind: string, present = templates.length): KubeObject[] {
  const missing = Math.max(0, total - present)
  if (missing === 0) return []
  if (templates.length === 0) {
    throw new UsageError(`generateLargeFloor: ${total} ${kind}s were asked for, but the namespace has no ${kind} to clone. Add one to the fixture.`)
  }
  return Array.from({ length: missing }, (_, index) => {
    const template = templates[index % templates.length]!
    const { uid: _uid, resourceVersion: _version, ...metadata } = structuredClone(template.metadata)
    return { ...structuredClone(template), metadata: { ...metadata, name: `${template.metadata.name}-bench-${index + 1}` } }
  })
}

/** Names of ConfigMaps some object refers to through `configMapKeyRef`, `configMapRef` or a `configMap` volume. */
function referencedConfigMaps(objects: readonly KubeObject[]): Set<string> {
  const names = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      const name = (child as { name?: unknown } | null)?.name
      if (CONFIG_MAP_REFERENCE_KEYS.has(key) && typeof name === 'string') names.add(name)
      visit(child)
    }
  }
  objects.filter((object) => object.kind !== 'ConfigMap').forEach(visit)
  return names
}
