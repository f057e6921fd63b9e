import { describe, expect, it } from 'vitest'
import { KubeConfig } from '@kubernetes/client-node'
import { redactText } from './redact.ts'
import {
  createSecretRegistry,
  echoedForms,
  escapeControls,
  receiveSharedSecret,
  registerKubeConfigSecrets,
  registerNotifyUrl,
  registerSecret,
  secretRegistry,
  shareSecretsWithRunner,
  withoutUserinfo,
} from './index.ts'

describe('echoedForms', () => {
  it('gives the secret as it is, JSON-, XML- and URL-escaped and base64', () => {
    const forms = echoedForms('a"b<c>&d/e+f')
    expect(forms).toEqual(
      expect.arrayContaining(['a"b<c>&d/e+f', 'a\\"b<c>&d/e+f', 'a&quot;b&lt;c&gt;&amp;d/e+f', 'a%22b%3Cc%3E%26d%2Fe%2Bf', Buffer.from('a"b<c>&d/e+f').toString('base64')]),
    )
  })

  it('gives the long lines of a PEM key', () => {
    expect(echoedForms('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n')).toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')
  })
})

describe('the secret registry', () => {
  it('ignores values shorter than six characters and gives forms longest first', () => {
    const registry = createSecretRegistry()
    registry.add('short')
    registry.add('longer-secret-1')
    expect(registry.forms()).not.toContain('short')
    expect(registry.forms()).toContain('longer-secret-1')
    expect([...registry.forms()].sort((a, b) => b.length - a.length)).toEqual(registry.forms())
  })

  it('feeds redactText, so every echoed form of a registered value is scrubbed', () => {
    secretRegistry.add('unit-canary-registered-7f3a')
    const text = `raw unit-canary-registered-7f3a, base64 ${Buffer.from('unit-canary-registered-7f3a').toString('base64')}`
    expect(redactText(text)).toBe('raw [redacted], base64 [redacted]')
  })
})

describe('redactText by shape', () => {
  it.each([
    ['a Bearer token', 'Authorization: Bearer abc123def456', 'Authorization: Bearer [redacted]'],
    ['URL userinfo', 'GET https://ops:pa55word@10.0.0.1/api failed', 'GET https://[redacted]@10.0.0.1/api failed'],
    ['a PEM private key', 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----.', 'key: [redacted].'],
  ])('removes %s', (_, text, expected) => {
    expect(redactText(text, [])).toBe(expected)
  })

  it.each([
    ['prose', 'Bearer authentication is configured'],
    ['an image id', 'docker-pullable://nginx@sha256:0123456789abcdef'],
  ])('leaves %s alone', (_, text) => {
    expect(redactText(text, [])).toBe(text)
  })
})

describe('kubeconfig credentials', () => {
  it('registers tokens, passwords, client keys and URL userinfo of every user and cluster', () => {
    const kubeConfig = new KubeConfig()
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://ops:unit-url-password-1b2c@127.0.0.1:6443', skipTLSVerify: true }],
      users: [
        { name: 'u', token: 'unit-kube-token-4d5e6f' },
        { name: 'v', username: 'ops', password: 'unit-basic-password-9a8b', keyData: Buffer.from('unit-client-key-3c4d5e').toString('base64') },
      ],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    })
    registerKubeConfigSecrets(kubeConfig)
    const scrubbed = redactText('unit-kube-token-4d5e6f unit-basic-password-9a8b unit-client-key-3c4d5e unit-url-password-1b2c')
    expect(scrubbed).toBe('[redacted] [redacted] [redacted] [redacted]')
  })
})

describe('URLs', () => {
  it('shows a server URL without its userinfo', () => {
    expect(withoutUserinfo('https://ops:secret@k8s.example:6443')).toBe('https://k8s.example:6443')
    expect(withoutUserinfo('https://k8s.example:6443/')).toBe('https://k8s.example:6443/')
    expect(withoutUserinfo('not a url')).toBe('not a url')
  })

  it('registers a notify URL and the token in its path', () => {
    registerNotifyUrl('https://hooks.example.com/services/T0000/B0000/unitWebhookToken0123')
    expect(redactText('posted to https://hooks.example.com/services/T0000/B0000/unitWebhookToken0123')).toBe('posted to [redacted]')
    expect(redactText('token unitWebhookToken0123 refused')).toBe('token [redacted] refused')
  })
})

describe('escapeControls', () => {
  it('escapes C0 and C1 controls, ESC, DEL and bidi controls, and keeps what it is told to', () => {
    expect(escapeControls('a\u202Eb\u2066c\u001b[2Jd\u0085e\u007ff\ng')).toBe('a\\u202eb\\u2066c\\u001b[2Jd\\u0085e\\u007ff\\u000ag')
    expect(escapeControls('line\nnext', '\n')).toBe('line\nnext')
  })
})

describe('a spec worker shares what it learns with its runner', () => {
  it('posts every secret its registry holds, and each one it learns later, until unsubscribed', () => {
    const posted: unknown[] = []
    secretRegistry.clear()
    registerSecret('canary-known-before-6b1d')
    const stop = shareSecretsWithRunner({ postMessage: (message: unknown) => void posted.push(message) })
    registerSecret('canary-learned-after-2f9a')
    stop()
    registerSecret('canary-after-unsubscribe-44c0')
    expect(posted).toEqual([{ 'openbell.shared-secret': 'canary-known-before-6b1d' }, { 'openbell.shared-secret': 'canary-learned-after-2f9a' }])
    // the runner's side registers a shared secret and claims the message; it leaves vitest's own messages alone
    secretRegistry.clear()
    expect(receiveSharedSecret(posted[1])).toBe(true)
    expect(secretRegistry.forms()).toContain('canary-learned-after-2f9a')
    expect(receiveSharedSecret({ __vitest_worker_response__: true })).toBe(false)
    expect(receiveSharedSecret('openbell.shared-secret')).toBe(false)
    expect(shareSecretsWithRunner(null)()).toBeUndefined()
    secretRegistry.clear()
  })
})
