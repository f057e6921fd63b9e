import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadKubeConfig } from './load-kube-config.ts'
import { redactText } from '../secrets/index.ts'

describe('registerKubeConfigSecrets', () => {
  it("registers the userinfo of a cluster's proxy-url, as of its server URL", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-proxy-url-')), 'kubeconfig')
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:6443", proxy-url: "http://proxy-user:canary-proxy-password-4c1d@127.0.0.1:3128" } }]',
        'users: [{ name: u, user: { token: canary-proxy-test-token } }]',
        'contexts: [{ name: x, context: { cluster: c, user: u } }]',
        'current-context: x',
        '',
      ].join('\n'),
    )
    loadKubeConfig({ kubeconfigPath: file, kubeContext: null })
    // @note quoted as a proxy error would (407 text, a log line): not as a URL, so only the registry can catch it.
    expect(redactText('proxy refused password canary-proxy-password-4c1d for proxy-user')).not.toContain('canary')
  })
})
