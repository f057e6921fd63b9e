import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKubeReader } from '../../support/clients/kube-reader.ts'
import { loadKubeConfig } from '../../support/clients/load-kube-config.ts'
import { CouldNotCheckError } from '../../support/errors.ts'

/**
 * Issue 17 item 6, for credentials a kubeconfig auth provider makes at request time (the `gcp` provider runs its
 * `cmd-path`, as OIDC refreshes its id-token): the token exists only once the first request is made, so it is not in
 * the file openbell registered at load. A hostile API server that quotes it back must still not get it into a message.
 */
const TOKEN = 'canary-auth-provider-token-3f9a1c'
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
    const script = path.join(dir, 'print-token.mjs')
    writeFileSync(script, `process.stdout.write(JSON.stringify({ token: ${JSON.stringify(TOKEN)}, expiry: '2099-01-01T00:00:00Z' }))\n`)
    const kubeconfig = path.join(dir, 'kubeconfig')
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
        `        cmd-args: ${JSON.stringify(script)}`,
        "        token-key: '{.token}'",
        "        expiry-key: '{.expiry}'",
        'contexts: [{ name: x, context: { cluster: c, user: u } }]',
        'current-context: x',
        '',
      ].join('\n'),
    )
    const reader = createKubeReader(loadKubeConfig({ kubeconfigPath: kubeconfig, kubeContext: null }), { namespace: 'trading-floor' })
    const error = await reader.listPods().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toContain('the API server answered 500: token [redacted] is not valid here')
    expect((error as Error).message).not.toContain('canary')
  })
})
