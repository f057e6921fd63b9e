import { execFile } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, easternDate } from '../../support/calendar/eastern-time.ts'
import { findCanaries } from '../scenarios/canaries.ts'
import { runOpenbell, type OpenbellRun } from '../scenarios/run-openbell.ts'
import { startEchoingApiServer, type EchoingApiServer } from './start-echoing-api-server.ts'

/**
 * Issue 17 item 6: every credential openbell knows is scrubbed from every file of the run folder and from stdout and
 * stderr, whatever echoes it. A hostile API server (a loopback stand-in the test starts) quotes the bearer token in
 * Status messages and proxied bodies; a kubeconfig carries `user:password@` in its server URL, a client key and a
 * password; exec credential plugins return a token or fail with a secret on stderr; Alpaca keys are in the env.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SECRET = Object.freeze({
  userToken: 'canary-echoed-user-token-5b8e1f',
  urlPassword: 'canary-url-password-71e3c9',
  basicPassword: 'canary-basic-password-0d4a77',
  clientKey: 'canary-client-key-material-9a1d3e',
  execToken: 'canary-exec-plugin-token-c4f802',
  execStderr: 'canary-exec-stderr-secret-e61b5a',
  alpacaKeyId: 'PKCANARYSCRUB7Q2W3E',
  alpacaSecret: 'canary-alpaca-secret-scrub-8d2c',
})
const VALUES = Object.values(SECRET)
const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-scrub-'))

/** Writes a kubeconfig with one current user and a spare user holding a password and a client key. */
function kubeconfig(name: string, server: string, user: string): string {
  const file = path.join(dir, `${name}.yaml`)
  const keyData = Buffer.from(`-----BEGIN PRIVATE KEY-----\n${SECRET.clientKey}\n-----END PRIVATE KEY-----\n`).toString('base64')
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: "${server}", insecure-skip-tls-verify: true } }]`,
      'users:',
      `  - { name: u, user: ${user} }`,
      `  - { name: spare, user: { username: ops, password: "${SECRET.basicPassword}", client-key-data: "${keyData}" } }`,
      'contexts: [{ name: floor, context: { cluster: c, user: u, namespace: trading-floor } }]',
      'current-context: floor',
      '',
    ].join('\n'),
  )
  return file
}

/** A tiny exec credential plugin: prints a token, or prints a secret on stderr and exits 1. */
function execPlugin(name: string, succeed: boolean): string {
  const script = path.join(dir, `${name}.mjs`)
  writeFileSync(
    script,
    succeed
      ? `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: '${SECRET.execToken}', expirationTimestamp: '2099-01-01T00:00:00Z' } }))\n`
      : `process.stderr.write('login failed; cached refresh token ${SECRET.execStderr} was rejected\\n'); process.exit(1)\n`,
  )
  return `{ exec: { apiVersion: client.authentication.k8s.io/v1, command: "${process.execPath}", args: ["${script}"], interactiveMode: Never } }`
}

const ENV = { APCA_API_KEY_ID: SECRET.alpacaKeyId, APCA_API_SECRET_KEY: SECRET.alpacaSecret, GOOGLE_CLOUD_PROJECT: '', GCLOUD_PROJECT: '', OPENBELL_ENV: '' }

function leaks(run: OpenbellRun): string[] {
  return findCanaries(run.reportsDir, { stdout: run.stdout, stderr: run.stderr }, VALUES)
}

describe('no credential reaches a report, an evidence file or the console', () => {
  let server: EchoingApiServer
  let userinfoServer: string
  const signing = generateKeyPairSync('ed25519')
  const privateKey = path.join(dir, 'signing.pem')
  const publicKey = path.join(dir, 'signing.pub')
  writeFileSync(privateKey, signing.privateKey.export({ type: 'pkcs8', format: 'pem' }))
  writeFileSync(publicKey, signing.publicKey.export({ type: 'spki', format: 'pem' }))

  beforeAll(async () => {
    server = await startEchoingApiServer()
    userinfoServer = server.url.replace('http://', `http://ops:${SECRET.urlPassword}@`)
  })
  afterAll(() => server.stop())

  const cluster = (file: string, extra: string[] = []) => runOpenbell(['run', '--env=cluster', ...extra], { env: { ...ENV, KUBECONFIG: file }, timeoutMs: 240_000 })

  it('a bearer token echoed in Status messages and proxied bodies (and the replay flag is recorded)', { timeout: 300_000 }, async () => {
    const yesterday = addDays(easternDate(new Date()), -1)
    const run = await cluster(kubeconfig('token', server.url, `{ token: "${SECRET.userToken}" }`), [
      `--session=${yesterday}`,
      '--allow-past-session',
      `--sign-key=${privateKey}`,
    ])
    expect(run.report?.verdict).toBe('NO-GO')
    // @note the echo really happened: the scrubbed marks are where the token was.
    expect(readFileSync(path.join(run.runDir!, 'readiness_report.json'), 'utf8')).toContain('backend failure for token [redacted]')
    expect(leaks(run)).toEqual([])
    expect(run.report?.target).toMatchObject({ session: yesterday, sessionOverride: '--allow-past-session' })
    const verified = await verifyCli([run.runDir!, '--key', publicKey])
    expect(verified.stdout).toContain('manifest.sha256.sig verifies with the given key')
    expect(verified.exitCode).toBe(0)
  })

  it('a kubeconfig server URL with user:password@, in the reports and in halt_record.json', { timeout: 300_000 }, async () => {
    const file = kubeconfig('userinfo', userinfoServer, `{ token: "${SECRET.userToken}" }`)
    const [run, halt] = await Promise.all([
      cluster(file),
      runOpenbell(['halt', '--env=cluster', '--operator', 'canary-test'], { env: { ...ENV, KUBECONFIG: file }, timeoutMs: 60_000 }),
    ])
    expect(run.report?.verdict).toBe('NO-GO')
    expect(run.report?.target.kubeServer).toBe(server.url)
    expect(leaks(run)).toEqual([])
    expect(halt.exitCode).not.toBe(0)
    expect(leaks(halt)).toEqual([])
    const record = readFileSync(path.join(halt.reportsDir, readOnlyFolder(halt.reportsDir), 'halt_record.json'), 'utf8')
    expect(JSON.parse(record).kubeServer).toBe(server.url)
  })

  it('an exec credential plugin: the token it prints, echoed back, and the secret a failing one prints on stderr', { timeout: 300_000 }, async () => {
    const [ok, failing] = await Promise.all([
      cluster(kubeconfig('exec-ok', server.url, execPlugin('plugin-ok', true))),
      cluster(kubeconfig('exec-failing', server.url, execPlugin('plugin-failing', false))),
    ])
    expect(ok.report?.verdict).toBe('NO-GO')
    expect(readFileSync(path.join(ok.runDir!, 'readiness_report.json'), 'utf8')).toContain('backend failure for token [redacted]')
    expect(leaks(ok)).toEqual([])
    expect(failing.report?.verdict).toBe('NO-GO')
    expect(readFileSync(path.join(failing.runDir!, 'readiness_report.json'), 'utf8')).toContain('its output is withheld because it may hold a credential')
    expect(leaks(failing)).toEqual([])
  })
})

function readOnlyFolder(reportsDir: string): string {
  const folders = readdirSync(reportsDir).filter((name) => name.endsWith('-halt'))
  expect(folders).toHaveLength(1)
  return folders[0] as string
}

function verifyCli(args: string[]): Promise<{ exitCode: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'verify', ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout) =>
      resolve({ exitCode: error ? Number(error.code ?? -1) : 0, stdout }),
    )
  })
}
