import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../kube-object.ts'
import { findResourceTypeByKind } from '../kube-resource-types.ts'
import { KubeStatusError, type KubeStatus } from './kube-status.ts'
import { patchKubeObject } from './patch-kube-object.ts'

const CONFIG_MAP: KubeObject = {
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name: 'agenttrader-kill-switch', namespace: 'trading-floor', uid: 'u-1', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z' },
  data: { EXECUTION_HALTED: '1' },
}
const configMaps = findResourceTypeByKind('ConfigMap')!
const deployments = findResourceTypeByKind('Deployment')!
const MERGE = 'application/merge-patch+json'

function statusOf(call: () => unknown): KubeStatus {
  try {
    call()
  } catch (error) {
    if (error instanceof KubeStatusError) return error.status
    throw error
  }
  throw new Error('expected a KubeStatusError')
}

describe('patchKubeObject', () => {
  it.each([
    [MERGE, { data: { EXECUTION_HALTED: '0' } }],
    [`${MERGE}; charset=utf-8`, { data: { EXECUTION_HALTED: '0' } }],
    ['application/strategic-merge-patch+json', { data: { EXECUTION_HALTED: '0' } }],
    ['application/json-patch+json', [{ op: 'replace', path: '/data/EXECUTION_HALTED', value: '0' }]],
    [MERGE, { metadata: { resourceVersion: '7' }, data: { EXECUTION_HALTED: '0' } }],
  ])('applies %s %j', (contentType, body) => {
    const patched = patchKubeObject(CONFIG_MAP, configMaps, contentType, JSON.stringify(body))
    expect(patched.data).toEqual({ EXECUTION_HALTED: '0' })
    expect(patched.metadata).toEqual(CONFIG_MAP.metadata)
  })

  it('keeps server-owned fields even when the patch tries to change them', () => {
    const patched = patchKubeObject(CONFIG_MAP, configMaps, MERGE, JSON.stringify({ kind: 'Secret', metadata: { uid: 'x', creationTimestamp: null } }))
    expect(patched).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { uid: 'u-1', creationTimestamp: '2026-01-01T00:00:00Z' } })
  })

  it.each([
    ['a stale resourceVersion', MERGE, { metadata: { resourceVersion: '6' } }, 409, 'Conflict',
      'Operation cannot be fulfilled on configmaps "agenttrader-kill-switch": the object has been modified; please apply your changes to the latest version and try again'],
    ['a renamed object', MERGE, { metadata: { name: 'other' } }, 422, 'Invalid',
      'ConfigMap "agenttrader-kill-switch" is invalid: metadata.name: Invalid value: "other": field is immutable'],
    ['a number in ConfigMap data', MERGE, { data: { EXECUTION_HALTED: 1 } }, 400, 'BadRequest',
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string'],
    ['a body that is not JSON', MERGE, '{', 400, 'BadRequest', undefined],
    ['a merge patch that is not an object', MERGE, ['x'], 400, 'BadRequest', 'error decoding patch: a merge patch must be a JSON object'],
    ['server-side apply', 'application/apply-patch+yaml', {}, 415, 'UnsupportedMediaType', undefined],
    ['a failed JSON-patch test', 'application/json-patch+json', [{ op: 'test', path: '/metadata/resourceVersion', value: '6' }], 422, 'Invalid',
      'the server rejected our request due to an error in our request: testing value /metadata/resourceVersion failed'],
  ])('answers %s with %s', (_case, contentType, body, code, reason, message) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    const status = statusOf(() => patchKubeObject(CONFIG_MAP, configMaps, contentType, text))
    expect(status).toMatchObject({ kind: 'Status', code, reason })
    if (message !== undefined) expect(status.message).toBe(message)
  })

  it('refuses a strategic merge patch with lists instead of applying it wrongly', () => {
    const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', resourceVersion: '1' }, spec: {} }
    const status = statusOf(() =>
      patchKubeObject(deployment, deployments, 'application/strategic-merge-patch+json', JSON.stringify({ spec: { template: { spec: { containers: [] } } } })))
    expect(status).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' })
    expect(status.message).toContain('send it as application/merge-patch+json (kubectl patch --type merge)')
  })
})
