import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKubeReader } from '../../support/kube/kube-reader.ts'
import { loadKubeConfig } from '../../support/kube/load-kube-config.ts'
import { CouldNotCheckError } from '../../support/errors.ts'

/**
 * Issue 17 item 6, for credentials a kubeconfig auth provider makes at request time (the `gcp` provider runs its
 * `cmd-path`, as OIDC refreshes its id-token): the token exists only once the first request is made, so it is not in
 * the file openbell registered at load. A hostile API server that quotes it back must still not get it into a message.
 */
const TOKEN = 'canary-auth-provider-token-3f9a1c'
const STDERR_SECRET = 'canary-provider-stderr-secret-77b2d0'
const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-auth-provider-'))
let server: Server
let url = ''

beforeAll(async () => {
  // @note quotes the Authorization header back in a Status message, as a confused gateway or a hostile server might.
  server = createServer((req, res) => {
    const said = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: `token ${said} is not valid here`, code: 500 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('a token an auth provider makes at request time', () => {
  it('is registered as a secret before it is sent: quoted back by the server, it is redacted', async () => {
    const reader = readerWith(`process.stdout.write(JSON.stringify({ token: ${JSON.stringify(TOKEN)}, expiry: '2099-01-01T00:00:00Z' }))\n`)
    const error = await reader.listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain('the API server answered 500: token [redacted] is not valid here')
    expect((error as Error).message).not.toContain('canary')
  })

  it("withholds what a failing provider command prints (it may quote a credential), in every read's error", async () => {
    const reader = readerWith(`process.stderr.write('refresh token ${STDERR_SECRET} was rejected\\n'); process.exit(1)\n`)
    for (const read of [() => reader.listPods(), () => reader.proxyGet('marketdata-mcp-server', 80, '/heartbeat')]) {
      const error = await read().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(Error)
      expect(String((error as Error).message)).toContain('its output is withheld')
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('canary')
    }
  })
})

/** A reader whose kube user is a `gcp` auth provider running `script` (a Node module) as its `cmd-path`. */
function readerWith(script: string) {
  const file = path.join(mkdtempSync(path.join(dir, 'user-')), 'provider.mjs')
  writeFileSync(file, script)
  const kubeconfig = path.join(path.dirname(file), 'kubeconfig')
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: "${url}", insecure-skip-tls-verify: true } }]`,
      'users:',
      '- name: u',
      '  user:',
      '    auth-provider:',
      '      name: gcp',
      '      config:',
      `        cmd-path: ${JSON.stringify(process.execPath)}`,
      `        cmd-args: ${JSON.stringify(file)}`,
      "        token-key: '{.token}'",
      "        expiry-key: '{.expiry}'",
      'contexts: [{ name: x, context: { cluster: c, user: u } }]',
      'current-context: x',
      '',
    ].join('\n'),
  )
  return createKubeReader(loadKubeConfig({ kubeconfigPath: kubeconfig, kubeContext: null }), { namespace: 'trading-floor' })
}
