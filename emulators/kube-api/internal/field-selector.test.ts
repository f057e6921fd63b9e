import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../kube-object.ts'
import { findResourceTypeByKind } from '../kube-resource-types.ts'
import { matchesFieldSelector, parseFieldSelector } from './field-selector.ts'
import { KubeStatusError } from './kube-status.ts'

const POD: KubeObject = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'gamma-strategy-0', namespace: 'trading-floor' },
  spec: { nodeName: 'node-a', hostNetwork: false }, status: { phase: 'Running' },
}
const EVENT: KubeObject = {
  apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: 'trading-floor' },
  involvedObject: { kind: 'Pod', name: 'gamma-strategy-0' }, type: 'Warning', reason: 'BackOff', source: { component: 'kubelet' },
}
const podType = findResourceTypeByKind('Pod')!
const eventType = findResourceTypeByKind('Event')!

describe('parseFieldSelector + matchesFieldSelector', () => {
  it.each([
    [POD, podType, 'metadata.name=gamma-strategy-0', true],
    [POD, podType, 'metadata.namespace==trading-floor,status.phase=Running', true],
    [POD, podType, 'status.phase!=Running', false],
    [POD, podType, 'spec.hostNetwork=false', true],
    [POD, podType, 'status.podIP=', true],
    [EVENT, eventType, 'involvedObject.name=gamma-strategy-0,type=Warning', true],
    [EVENT, eventType, 'type!=Warning', false],
    [EVENT, eventType, 'source=kubelet,reason=BackOff', true],
  ])('%#: %s', (object, type, selector, expected) => {
    expect(matchesFieldSelector(parseFieldSelector(selector, type), object)).toBe(expected)
  })

  it.each([
    [podType, 'spec.containers=x', 'field label not supported: spec.containers'],
    [eventType, 'status.phase=Running', 'field label not supported: status.phase'],
    [podType, 'status.phase', 'invalid field selector: "status.phase"'],
  ])('answers 400 BadRequest for %j', (type, selector, message) => {
    expect(() => parseFieldSelector(selector, type)).toThrow(KubeStatusError)
    try {
      parseFieldSelector(selector, type)
    } catch (error) {
      expect((error as KubeStatusError).status).toMatchObject({ code: 400, reason: 'BadRequest', message })
    }
  })
})
