import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UsageError } from '../../support/errors.ts'
import { FLOOR_KUBE_FIXTURE_DIR, loadKubeObjects } from './load-kube-objects.ts'

const NOW = new Date('2026-02-05T14:00:00Z')

describe('loadKubeObjects', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'openbell-load-kube-'))
  })
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('reads *.yaml files sorted by name, multi-document and List, and fills server defaults', async () => {
    await writeFile(join(directory, '20-b.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  creationTimestamp: "{{now-2h}}"\n')
    await writeFile(join(directory, '10-a.yml'), [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: trading-floor',
      '',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec: {replicas: 1}',
    ].join('\n---\n'))
    await writeFile(join(directory, 'notes.txt'), 'ignored')
    const objects = await loadKubeObjects(directory, { now: NOW })
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual(['Namespace/trading-floor', 'Deployment/d', 'ConfigMap/b'])
    expect(objects[0]!.metadata).toEqual({
      name: 'trading-floor', uid: 'a703f9df-fbd2-586b-a5c7-27e2977ea1b9', resourceVersion: '1', creationTimestamp: '2026-02-05T14:00:00Z',
    })
    expect(objects[1]!.metadata).toMatchObject({ namespace: 'trading-floor', resourceVersion: '2', generation: 1 })
    expect(objects[2]!.metadata).toMatchObject({ namespace: 'trading-floor', resourceVersion: '3', creationTimestamp: '2026-02-05T12:00:00Z' })
  })

  it('loads the same uids every time', async () => {
    const first = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })
    const second = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: new Date('2026-03-01T00:00:00Z') })
    expect(second.map((object) => object.metadata.uid)).toEqual(first.map((object) => object.metadata.uid))
  })

  it.each([
    ['a.yaml', 'kind: ConfigMap\nmetadata: {name: x}', 'document 1 is not a Kubernetes object: apiVersion: Invalid input: expected string, received undefined. Every object needs apiVersion, kind and metadata.name.'],
    ['a.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: trader-secrets}', 'document 1: the kube-api emulator does not serve v1 Secret "trader-secrets". Served kinds: Namespace, Pod, Service, ConfigMap, ServiceAccount, Event, Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob (Secrets are never served). Remove the object or change its apiVersion/kind.'],
    ['a.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x, namespace: y}', 'document 1: Namespace "x" is cluster-scoped but has metadata.namespace "y". Remove the namespace.'],
    ['a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}', 'document 2 defines ConfigMap "trading-floor/x" again (first in'],
    ['a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {at: "{{yesterday}}"}', 'unknown time placeholder "{{yesterday}}"'],
    ['a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n', 'document 1 is not valid YAML:'],
  ])('rejects %s %j with a UsageError', async (file, text, message) => {
    await writeFile(join(directory, file), text)
    const error = await loadKubeObjects(directory, { now: NOW }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toContain(message)
  })

  it('rejects a folder that does not exist', async () => {
    await expect(loadKubeObjects(join(directory, 'missing'))).rejects.toThrow(
      /^\[openbell\] cannot read the kube fixture folder .*missing: ENOENT.*Pass a folder of \*\.yaml files\.$/,
    )
  })

  it('rejects an ownerReference without a uid whose owner is not loaded', async () => {
    await writeFile(join(directory, 'a.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs}]\n')
    await expect(loadKubeObjects(directory, { now: NOW })).rejects.toThrow(
      '[openbell] Pod "trading-floor/p" refers to ReplicaSet "rs" without a uid, and no such object is loaded. Add that object or give the reference a uid.',
    )
  })
})
