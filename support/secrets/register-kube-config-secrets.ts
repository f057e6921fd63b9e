import { readFileSync, statSync } from 'node:fs'
import type { KubeConfig, User } from '@kubernetes/client-node'
import { isSecretName } from '../policies/redact-env.ts'
import { registerSecret } from './secret-registry.ts'
import { registerUrlUserinfo } from './url-secrets.ts'

/** A credential file larger than this is not read for scrubbing (a token or key file is a few KiB). */
const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024

/**
 * Registers every credential a loaded kubeconfig holds, for every user and cluster (not only the current context):
 * tokens and token files, passwords (and their Basic form), client keys and certificates (as written and decoded),
 * auth-provider secrets, exec plugin env values named like secrets, and the userinfo of each server URL. It also
 * makes the exec credential plugin register what it returns, and withholds a failing plugin's stderr.
 */
export function registerKubeConfigSecrets(kubeConfig: KubeConfig): void {
  for (const cluster of kubeConfig.getClusters()) registerUrlUserinfo(cluster.server)
  for (const user of kubeConfig.getUsers()) registerUserSecrets(user)
  captureExecCredentials(kubeConfig)
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
        const text = error instanceof Error ? error.message : String(error)
        registerSecret(text)
        for (const line of text.split(/\r?\n/)) registerSecret(line)
        const command = (user.exec as { command?: unknown } | undefined)?.command
        throw new Error(
          `the exec credential plugin ${JSON.stringify(String(command ?? '?'))} of kube user "${user.name}" failed; its output is withheld because it may hold a credential. Run the plugin by hand to see why`,
        )
      }
    }
  }
}
