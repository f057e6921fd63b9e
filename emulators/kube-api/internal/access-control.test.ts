import { describe, expect, it } from 'vitest'
import type { ForbiddenRule } from '../forbidden-rule.ts'
import { forbiddenStatus, isForbidden, type AccessAttributes } from './access-control.ts'

const RULES: ForbiddenRule[] = ['secrets', 'services/proxy', { resource: 'pods', verbs: ['list'], namespace: 'kube-system' }]

describe('isForbidden', () => {
  it.each<[AccessAttributes, boolean]>([
    [{ verb: 'get', group: '', resource: 'secrets', namespace: 'trading-floor' }, true],
    [{ verb: 'list', group: '', resource: 'secrets' }, true],
    [{ verb: 'get', group: '', resource: 'services', namespace: 'trading-floor' }, false],
    [{ verb: 'get', group: '', resource: 'services', subresource: 'proxy', namespace: 'trading-floor' }, true],
    [{ verb: 'list', group: '', resource: 'pods', namespace: 'kube-system' }, true],
    [{ verb: 'get', group: '', resource: 'pods', namespace: 'kube-system' }, false],
    [{ verb: 'list', group: '', resource: 'pods', namespace: 'trading-floor' }, false],
  ])('%j → %s', (request, expected) => {
    expect(isForbidden(RULES, request)).toBe(expected)
  })
})

describe('forbiddenStatus', () => {
  it.each<[AccessAttributes, string]>([
    [{ verb: 'get', group: '', resource: 'configmaps', namespace: 'trading-floor', name: 'agenttrader-kill-switch' },
      'configmaps "agenttrader-kill-switch" is forbidden: User "u" cannot get resource "configmaps" in API group "" in the namespace "trading-floor"'],
    [{ verb: 'list', group: 'apps', resource: 'deployments', namespace: 'trading-floor' },
      'deployments.apps is forbidden: User "u" cannot list resource "deployments" in API group "apps" in the namespace "trading-floor"'],
    [{ verb: 'list', group: '', resource: 'pods' },
      'pods is forbidden: User "u" cannot list resource "pods" in API group "" at the cluster scope'],
  ])('words the 403 as the API server does (%#)', (request, message) => {
    expect(forbiddenStatus('u', request)).toMatchObject({ kind: 'Status', code: 403, reason: 'Forbidden', message })
  })
})
