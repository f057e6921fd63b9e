import { describe, expect, it } from 'vitest'
import { parseKubePath } from './parse-kube-path.ts'

describe('parseKubePath', () => {
  it.each([
    ['/api/v1/namespaces', { plural: 'namespaces', rest: '' }],
    ['/api/v1/namespaces/trading-floor', { plural: 'namespaces', name: 'trading-floor', rest: '' }],
    ['/api/v1/pods', { plural: 'pods', rest: '' }],
    ['/api/v1/namespaces/trading-floor/pods', { plural: 'pods', namespace: 'trading-floor', rest: '' }],
    ['/api/v1/namespaces/trading-floor/configmaps/agenttrader-kill-switch', { plural: 'configmaps', namespace: 'trading-floor', name: 'agenttrader-kill-switch', rest: '' }],
    ['/apis/apps/v1/namespaces/trading-floor/deployments', { plural: 'deployments', namespace: 'trading-floor', rest: '' }],
    ['/apis/batch/v1/cronjobs', { plural: 'cronjobs', rest: '' }],
    ['/api/v1/namespaces/trading-floor/services/http:svc:80/proxy/metrics/', {
      plural: 'services', namespace: 'trading-floor', name: 'http:svc:80', subresource: 'proxy', rest: '/metrics/',
    }],
    ['/api/v1/namespaces/trading-floor/services/svc%3A80/proxy', { plural: 'services', name: 'svc:80', subresource: 'proxy', rest: '' }],
    ['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { plural: 'selfsubjectaccessreviews', rest: '' }],
  ])('%s', (path, expected) => {
    const parsed = parseKubePath(path)
    expect(parsed.kind).toBe('resource')
    if (parsed.kind !== 'resource') return
    const { type, ...rest } = parsed.target
    expect({ plural: type.plural, ...rest }).toMatchObject(expected)
  })

  it.each([
    ['/api/v1/widgets', 'unknown'],
    ['/apis/apps/v2/deployments', 'unknown'],
    ['/api/v1/namespaces/trading-floor/namespaces', 'unknown'],
    ['/healthz', 'unknown'],
    ['/api/v1/watch/namespaces/trading-floor/pods', 'watch'],
  ])('%s is %s', (path, kind) => {
    expect(parseKubePath(path).kind).toBe(kind)
  })
})
