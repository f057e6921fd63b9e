import { readFileSync, statSync } from 'node:fs'
import type { KubeConfig, User } from '@kubernetes/client-node'
import { isSecretName } from './redact-env.ts'
import { registerSecret } from './secret-registry.ts'
import { registerUrlUserinfo } from './url-secrets.ts'

/** A credential file larger than this is not read for scrubbing (a token or key file is a few KiB). */
const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024

/**
 * Registers every credential a loaded kubeconfig holds, for every user and cluster (not only the current context):
 * tokens and token files, passwords (and their Basic form), client keys and certificates (as written and decoded),
 * auth-provider secrets, exec plugin env values named like secrets, and the userinfo of each server and proxy URL. It also
 * makes the exec credential plugin register what it returns, withholds a failing plugin's stderr, and registers the
 * credential of every Authorization header the kubeconfig makes (an auth provider's refreshed token) before it is sent.
 */
export function registerKubeConfigSecrets(kubeConfig: KubeConfig): void {
  for (const cluster of kubeConfig.getClusters()) {
    registerUrlUserinfo(cluster.server)
    registerUrlUserinfo(cluster.proxyUrl)
  }
  for (const user of kubeConfig.getUsers()) registerUserSecrets(user)
  captureExecCredentials(kubeConfig)
  captureAuthorizationHeaders(kubeConfig)
}

function registerUserSecrets(user: User): void {
  registerSecret(user.token)
  registerSecret(user.password)
  if (user.username && user.password) registerSecret(Buffer.from(`${user.username}:${user.password}`).toString('base64'))
  for (const data of [user.keyData, user.certData]) {
    registerSecret(data)
    if (data) registerSecret(Buffer.from(data, 'base64').toString('utf8'))
  }
  for (const file of [user.keyFile, user.certFile]) registerSecret(readCredentialFile(file))
  const config = (user.authProvider as { config?: Record<string, unknown> } | undefined)?.config ?? {}
  for (const [name, value] of Object.entries(config)) {
    if (typeof value !== 'string') continue
    if (name === 'tokenFile') registerSecret(readCredentialFile(value))
    else if (/token|secret|password|key/i.test(name)) registerSecret(value)
  }
  const execEnv = (user.exec as { env?: { name?: unknown; value?: unknown }[] } | undefined)?.env ?? []
  for (const entry of Array.isArray(execEnv) ? execEnv : []) {
    if (typeof entry?.name === 'string' && isSecretName(entry.name) && typeof entry.value === 'string') registerSecret(entry.value)
  }
}

function readCredentialFile(file: string | undefined): string | null {
  if (!file) return null
  try {
    // @note stat first: a FIFO or device named as a key file must not block the process.
    const stat = statSync(file)
    if (!stat.isFile() || stat.size > MAX_CREDENTIAL_FILE_BYTES) return null
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** The shape of client-node's `ExecAuth` that openbell wraps (its credential cache is per user name). */
interface ExecCredentialSource {
  getCredential(user: User): Promise<{ status?: { token?: string; clientKeyData?: string; clientCertificateData?: string } } | null>
}

const WRAPPED = Symbol.for('openbell.exec-credentials-captured')

/**
 * Wraps the kubeconfig's exec authenticator: the token, key and certificate a plugin prints are registered as
 * secrets the moment they exist, and a failing plugin's stderr (which can quote a credential) is registered and
 * withheld from the error, which names the plugin and its exit instead.
 * @note client-node keeps its authenticators on the instance; this is the only hook that sees the plugin's output.
 */
function captureExecCredentials(kubeConfig: KubeConfig): void {
  const authenticators = (kubeConfig as unknown as { authenticators?: unknown[] }).authenticators ?? []
  for (const authenticator of authenticators) {
    // @note client-node does not export `ExecAuth`: it is the authenticator that spawns (`execFn`) and caches credentials.
    const source = authenticator as ExecCredentialSource & { [WRAPPED]?: true; execFn?: unknown }
    if (typeof source?.getCredential !== 'function' || !('execFn' in source)) continue
    if (source[WRAPPED]) continue
    source[WRAPPED] = true
    const getCredential = source.getCredential.bind(source)
    source.getCredential = async (user) => {
      try {
        const credential = await getCredential(user)
        registerSecret(credential?.status?.token)
        registerSecret(credential?.status?.clientKeyData)
        registerSecret(credential?.status?.clientCertificateData)
        return credential
      } catch (error) {
        withhold(error)
        const command = (user.exec as { command?: unknown } | undefined)?.command
        throw withheldError(
          `the exec credential plugin ${JSON.stringify(String(command ?? '?'))} of kube user "${user.name}" failed; its output is withheld because it may hold a credential. Run the plugin by hand to see why`,
        )
      }
    }
  }
}

const HEADERS_WRAPPED = Symbol.for('openbell.authorization-headers-captured')

/** The hook of client-node's `KubeConfig` that every request's credentials go through (not in its public typings). */
interface AuthorizationHeaderSource {
  applyAuthorizationHeader?: (opts: { headers?: Record<string, unknown> }) => Promise<void>
  [HEADERS_WRAPPED]?: true
}

/**
 * Registers the credential of each Authorization header the kubeconfig puts on a request, the moment it is made:
 * an auth provider (`gcp` running its `cmd-path`, OIDC refreshing its id-token, a rotated token file) makes tokens
 * that were not in the file registered at load, and a server may quote them back.
 * @note every authenticator, static token and exec plugin included, ends in `applyAuthorizationHeader`.
 */
function captureAuthorizationHeaders(kubeConfig: KubeConfig): void {
  const source = kubeConfig as unknown as AuthorizationHeaderSource
  if (typeof source.applyAuthorizationHeader !== 'function' || source[HEADERS_WRAPPED]) return
  source[HEADERS_WRAPPED] = true
  const apply = source.applyAuthorizationHeader.bind(kubeConfig)
  source.applyAuthorizationHeader = async (opts) => {
    try {
      await apply(opts)
    } catch (error) {
      // @note an auth provider's failing command (`gcp` cmd-path) puts its stderr in the message, as an exec plugin does.
      if (error instanceof Error && WITHHELD in error) throw error
      withhold(error)
      throw withheldError(
        `the auth provider of kube user "${kubeConfig.getCurrentUser()?.name ?? '?'}" could not make its credentials; its output is withheld because it may hold a credential. Run its command by hand (or \`kubectl get ns\`) to see why`,
      )
    }
    const header = opts.headers?.Authorization ?? opts.headers?.authorization
    if (typeof header !== 'string') return
    registerSecret(header)
    registerSecret(header.replace(/^\S+\s+/, ''))
  }
}

const WITHHELD = Symbol.for('openbell.credential-output-withheld')

/** Registers the text of a failed credential command, whole and line by line, so no copy of it is ever shown. */
function withhold(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error)
  registerSecret(text)
  for (const line of text.split(/\r?\n/)) registerSecret(line)
}

/** An error that says a credential command failed without its output (and without a `cause` that holds it). */
function withheldError(message: string): Error {
  return Object.assign(new Error(message), { [WITHHELD]: true })
}
