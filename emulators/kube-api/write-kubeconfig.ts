import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { stringify } from 'yaml'

/** Where a kubeconfig points and who it claims to be. */
export interface WriteKubeconfigOptions {
  /** The API server URL, e.g. `http://127.0.0.1:40123` (a closed port is fine: that is the `apiserver-down` scenario). */
  server: string
  /** The file to write (parent folders are created). */
  path: string
  /** The bearer token of the user. @default 'openbell-emulator-token' */
  token?: string
  /** The cluster, user and context name. @default 'openbell-emulator' */
  context?: string
  /** The context's namespace. @default 'trading-floor' */
  namespace?: string
}

/** Writes a one-context kubeconfig (owner-only) and returns its path. */
export async function writeKubeconfig(options: WriteKubeconfigOptions): Promise<string> {
  const context = options.context ?? 'openbell-emulator'
  const document = {
    apiVersion: 'v1',
    kind: 'Config',
    // @note client-node 1.4 refuses an http:// server unless `insecure-skip-tls-verify` is set; there is no TLS to skip.
    clusters: [{ name: context, cluster: { server: options.server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: context, user: { token: options.token ?? 'openbell-emulator-token' } }],
    contexts: [{ name: context, context: { cluster: context, user: context, namespace: options.namespace ?? 'trading-floor' } }],
    'current-context': context,
    preferences: {},
  }
  await mkdir(dirname(options.path), { recursive: true })
  await writeFile(options.path, stringify(document), { mode: 0o600 })
  return options.path
}
