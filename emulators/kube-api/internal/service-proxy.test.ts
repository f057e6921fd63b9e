import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../kube-object.ts'
import { KubeStatusError } from './kube-status.ts'
import { normalizeProxyPath, parseServiceProxyId, resolveProxyUpstream } from './service-proxy.ts'

const service = (ports: object[]): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'trading-floor' }, spec: { ports },
})

describe('parseServiceProxyId', () => {
  it.each([
    ['svc', { name: 'svc', port: '' }],
    ['svc:80', { name: 'svc', port: '80' }],
    ['svc:http', { name: 'svc', port: 'http' }],
    ['https:svc:443', { name: 'svc', port: '443' }],
  ])('%s', (id, expected) => {
    expect(parseServiceProxyId(id)).toEqual({ id, ...expected })
  })
})

describe('resolveProxyUpstream', () => {
  const upstreams = { 'trading-floor/svc:80': 'http://127.0.0.1:1/', 'trading-floor/other': 'http://127.0.0.1:2/' }

  it.each([
    ['svc:80 on an unnamed port', [{ port: 80 }], 'svc:80', 'http://127.0.0.1:1/'],
    ['svc on an unnamed port', [{ port: 80 }], 'svc', 'http://127.0.0.1:1/'],
    ['svc:http on a port named http', [{ name: 'http', port: 80 }], 'svc:http', 'http://127.0.0.1:1/'],
  ])('%s', (_case, ports, id, url) => {
    expect(resolveProxyUpstream(service(ports), parseServiceProxyId(id), upstreams).href).toBe(url)
  })

  it.each([
    ['svc without a port when the port is named', [{ name: 'http', port: 80 }], 'svc', 'no endpoints available for service "svc"'],
    ['a port number the Service lacks', [{ port: 80 }], 'svc:81', 'no service port 81 found for service "svc"'],
    ['a Service port without a URL', [{ port: 80 }, { name: 'metrics', port: 9090 }], 'svc:metrics', 'no endpoints available for service "svc:metrics"'],
  ])('answers 503 for %s', (_case, ports, id, message) => {
    expect(() => resolveProxyUpstream(service(ports), parseServiceProxyId(id), upstreams)).toThrow(KubeStatusError)
    try {
      resolveProxyUpstream(service(ports), parseServiceProxyId(id), upstreams)
    } catch (error) {
      expect((error as KubeStatusError).status).toMatchObject({ code: 503, reason: 'ServiceUnavailable', message })
    }
  })
})

describe('normalizeProxyPath', () => {
  it.each([
    ['/metrics', '/metrics'],
    ['/ops%2Fstatus', '/ops/status'],
    ['/a%20b/c:d', '/a%20b/c:d'],
    ['/q%3Fx', '/q%3Fx'],
    ['/bad%zz', '/bad%zz'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeProxyPath(raw)).toBe(expected)
  })
})
