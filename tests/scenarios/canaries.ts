import { lstatSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Canary secrets: values that must never reach a report, an evidence file or the console. Some are planted in the
 * environment of the openbell process ({@link createCanaryEnv}), some in the fixtures of the `secrets-in-fixtures`
 * scenario (its YAML holds the same literals), and one in a kubeconfig the environment points at.
 */
export const CANARY = Object.freeze({
  alpacaKeyId: 'PKCANARY0MATRIX7Q2W',
  alpacaSecret: 'canary-alpaca-secret-3f9d1c7b',
  bearerToken: 'ghp_canaryBearerToken0c5e9a21',
  serviceAccountKeyId: 'canary-sa-key-id-71d0e5',
  serviceAccountPrivateKey: 'canary-sa-private-key-4be2f0',
  kubeconfigUserToken: 'canary-env-kubeconfig-token-2d7e',
  // @note these three are literals in emulators/scenarios/secrets-in-fixtures/scenario.yaml.
  fixtureWorkloadSecret: 'canary-literal-secret-in-env-5e1b77',
  fixtureConfigMapToken: 'canary-configmap-token-a93f6e',
  fixtureKubeconfigToken: 'canary-kubeconfig-token-8c41d2',
})

/** Every canary value, for scanning. */
export const CANARY_VALUES: readonly string[] = Object.freeze(Object.values(CANARY))

/**
 * The environment to run openbell with: an Alpaca key pair, a bearer token, a Firestore service-account key (JSON)
 * and a KUBECONFIG whose user token is a canary, over the test's own environment.
 */
export function createCanaryEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-canary-'))
  const kubeconfig = path.join(dir, 'kubeconfig')
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{ name: canary, cluster: { server: "https://127.0.0.1:1" } }]',
      `users: [{ name: canary, user: { token: "${CANARY.kubeconfigUserToken}" } }]`,
      'contexts: [{ name: canary, context: { cluster: canary, user: canary } }]',
      'current-context: canary',
      '',
    ].join('\n'),
  )
  return {
    APCA_API_KEY_ID: CANARY.alpacaKeyId,
    APCA_API_SECRET_KEY: CANARY.alpacaSecret,
    GITHUB_TOKEN: CANARY.bearerToken,
    FIREBASE_SERVICE_ACCOUNT_KEY: JSON.stringify({
      type: 'service_account',
      project_id: 'demo-openbell',
      private_key_id: CANARY.serviceAccountKeyId,
      private_key: `-----BEGIN PRIVATE KEY-----\n${CANARY.serviceAccountPrivateKey}\n-----END PRIVATE KEY-----\n`,
      client_email: 'openbell-canary@demo-openbell.iam.gserviceaccount.com',
    }),
    KUBECONFIG: kubeconfig,
  }
}

/**
 * Every canary found in the files under `dir` (symbolic links are not followed) and in the given texts
 * (stdout, stderr), as `"<where>: <canary>"`; empty when there is none. `canaries` defaults to {@link CANARY_VALUES}.
 */
export function findCanaries(dir: string, texts: Readonly<Record<string, string>> = {}, canaries: readonly string[] = CANARY_VALUES): string[] {
  const hits: string[] = []
  const scan = (where: string, text: string) => {
    for (const canary of canaries) if (text.includes(canary)) hits.push(`${where}: ${canary}`)
  }
  for (const file of listRegularFiles(dir)) scan(path.relative(dir, file), readFileSync(file, 'latin1'))
  for (const [where, text] of Object.entries(texts)) scan(where, text)
  return hits
}

function listRegularFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    const stat = lstatSync(file)
    if (stat.isDirectory()) return listRegularFiles(file)
    return stat.isFile() ? [file] : []
  })
}
