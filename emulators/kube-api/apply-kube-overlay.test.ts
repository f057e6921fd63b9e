import { describe, expect, it } from 'vitest'
import { UsageError } from '../../support/errors.ts'
import { applyKubeOverlay } from './apply-kube-overlay.ts'
import type { KubeObject } from './kube-object.ts'
import { getKubeOverlayJsonSchema, type KubeOverlay } from './kube-overlay.ts'

const NOW = new Date('2026-02-05T14:00:00Z')
const FLOOR: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading-floor', resourceVersion: '1' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'agenttrader-kill-switch', namespace: 'trading-floor', resourceVersion: '2' }, data: { EXECUTION_HALTED: '1' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'agenttrader-safety', namespace: 'trading-floor', resourceVersion: '3' }, data: { KILL_SWITCH: 'true', STALE_THRESHOLD_SECONDS: '30' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'trading-floor', uid: 'pod-uid', resourceVersion: '4' }, spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
]

describe('applyKubeOverlay', () => {
  it('removes, then merge-patches (arrays replace, null deletes), then adds with defaults — without touching the input', () => {
    const before = structuredClone(FLOOR)
    const result = applyKubeOverlay(FLOOR, {
      remove: [{ kind: 'ConfigMap', name: 'agenttrader-kill-switch' }],
      patch: [
        { kind: 'ConfigMap', name: 'agenttrader-safety', mergePatch: { data: { KILL_SWITCH: 'false', STALE_THRESHOLD_SECONDS: null } } },
        { kind: 'Pod', name: 'p', namespace: 'trading-floor', mergePatch: { spec: { containers: [{ name: 'c' }] } } },
      ],
      add: [{
        apiVersion: 'v1', kind: 'Event', metadata: { name: 'p.1' }, type: 'Warning', reason: 'BackOff',
        involvedObject: { kind: 'Pod', name: 'p', namespace: 'trading-floor' }, lastTimestamp: '{{now-5m}}',
      }],
    }, { now: NOW })
    expect(FLOOR).toEqual(before)
    expect(result.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual(['Namespace/trading-floor', 'ConfigMap/agenttrader-safety', 'Pod/p', 'Event/p.1'])
    expect(result[1]!.data).toEqual({ KILL_SWITCH: 'false' })
    expect(result[2]!.spec).toEqual({ containers: [{ name: 'c' }] })
    expect(result[3]).toMatchObject({
      metadata: { name: 'p.1', namespace: 'trading-floor', resourceVersion: '5', creationTimestamp: '2026-02-05T14:00:00Z' },
      involvedObject: { uid: 'pod-uid' },
      lastTimestamp: '2026-02-05T13:55:00Z',
    })
  })

  it.each<[string, KubeOverlay, string]>([
    ['patching a missing object', { patch: [{ kind: 'ConfigMap', name: 'nope', mergePatch: {} }] },
      '[openbell] cannot patch ConfigMap "trading-floor/nope": no such object. Loaded ConfigMap objects: agenttrader-kill-switch, agenttrader-safety.'],
    ['removing a missing object', { remove: [{ kind: 'Deployment', name: 'nope' }] },
      '[openbell] cannot remove Deployment "trading-floor/nope": no such object. Loaded Deployment objects: none.'],
    ['adding a duplicate', { add: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading-floor' } }] },
      '[openbell] overlay add[0]: Namespace "trading-floor" already exists. Patch it, or remove it first.'],
    ['renaming by patch', { patch: [{ kind: 'Pod', name: 'p', mergePatch: { metadata: { name: 'q' } } }] },
      '[openbell] overlay patch[0] turns Pod "trading-floor/p" into Pod "trading-floor/q". Remove it and add the new object instead.'],
    ['an unknown key', { replace: [] } as unknown as KubeOverlay,
      '[openbell] invalid kube overlay: (root): Unrecognized key: "replace". An overlay has only "remove", "patch" and "add".'],
  ])('rejects %s with a UsageError', (_case, overlay, message) => {
    expect(() => applyKubeOverlay(FLOOR, overlay, { now: NOW })).toThrow(new UsageError(message.replace('[openbell] ', '')))
  })

  it('exports a JSON Schema for overlay files', () => {
    expect(getKubeOverlayJsonSchema()).toMatchObject({ type: 'object', properties: { remove: {}, patch: {}, add: {} }, additionalProperties: false })
  })
})
