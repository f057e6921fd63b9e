import type { ResolvedConfig } from '../config/index.ts'
import { UsageError } from '../errors.ts'

/** Where `openbell seed` writes: an emulator, or a Cloud Firestore project the operator named twice. */
export interface SeedTarget {
  /** `emulator` when FIRESTORE_EMULATOR_HOST is set, else `cloud-firestore`. */
  readonly kind: 'emulator' | 'cloud-firestore'
  readonly projectId: string
  /** `host:port` of the emulator, or `null` for Cloud Firestore. */
  readonly emulatorHost: string | null
  /** The tenant whose Whale Flow data is written. */
  readonly tenantId: string
  /** The target in words, for messages and the record. */
  readonly description: string
}

/**
 * Variables under which a real project is never written: AgentTrader's seeders refuse the same way
 * (`scripts/lib/exec_guard.py`, reference §1.7): CI, GitHub Actions, Cloud Run and inside a Kubernetes pod.
 */
export const AUTOMATION_VARIABLES = Object.freeze(['CI', 'GITHUB_ACTIONS', 'K_SERVICE', 'KUBERNETES_SERVICE_HOST'] as const)

/** The first automation variable set in `env` (CI and GITHUB_ACTIONS count unless "false" or "0"), or `null`. */
export function findAutomation(env: NodeJS.ProcessEnv): string | null {
  for (const name of AUTOMATION_VARIABLES) {
    const value = env[name]?.trim()
    if (!value) continue
    if ((name === 'CI' || name === 'GITHUB_ACTIONS') && ['false', '0'].includes(value.toLowerCase())) continue
    return `${name}=${value}`
  }
  return null
}

/**
 * Decides where `openbell seed` may write, before anything is written. An emulator (FIRESTORE_EMULATOR_HOST) is
 * always allowed. A real project needs `--allow-write-project` naming exactly `--firestore-project`, and is refused
 * under automation (CI, Cloud Run, a pod): seeding production is an operator's deliberate act.
 * @throws {UsageError} saying what is missing and how to go on; nothing has been written.
 */
export function resolveSeedTarget(
  config: Pick<ResolvedConfig, 'env' | 'tenantId' | 'firestoreProject' | 'seed'>,
  env: NodeJS.ProcessEnv,
): SeedTarget {
  const tenantId = config.tenantId
  if (tenantId === null) {
    throw new UsageError('seed needs a tenant: pass --tenant-id ID (Whale Flow data is written under tenants/{tenantId}/). Nothing was written.')
  }
  const projectId = config.firestoreProject
  if (projectId === null) {
    throw new UsageError('seed needs a Firestore project: pass --firestore-project ID (or set GOOGLE_CLOUD_PROJECT). Nothing was written.')
  }
  const emulatorHost = env.FIRESTORE_EMULATOR_HOST?.trim() || null
  if (emulatorHost !== null) {
    return { kind: 'emulator', projectId, emulatorHost, tenantId, description: `the emulator at ${emulatorHost} (project ${projectId})` }
  }
  if (config.env === 'emulators') {
    throw new UsageError(
      'seed in emulator mode writes to a Firestore emulator, and FIRESTORE_EMULATOR_HOST is not set. Start one ' +
        '(e.g. `gcloud emulators firestore start --host-port=127.0.0.1:8080`), `export FIRESTORE_EMULATOR_HOST=127.0.0.1:8080`, ' +
        'then rerun. To seed a real project instead: --env=cluster --firestore-project ID --allow-write-project ID. Nothing was written.',
    )
  }
  const automation = findAutomation(env)
  if (automation !== null) {
    throw new UsageError(
      `seed refuses to write to Cloud Firestore project "${projectId}" under ${automation}: seeding a real project is an operator's ` +
        'deliberate act, never an automated one (AgentTrader\'s own seeders refuse the same way). Seed an emulator ' +
        '(set FIRESTORE_EMULATOR_HOST), or run it by hand. Nothing was written.',
    )
  }
  const allowed = config.seed.allowWriteProject
  if (allowed === null) {
    throw new UsageError(
      `seed would write to Cloud Firestore project "${projectId}", not an emulator. Writing to a real project needs ` +
        `--allow-write-project ${projectId} (naming the same project); or set FIRESTORE_EMULATOR_HOST to seed an emulator. Nothing was written.`,
    )
  }
  if (allowed !== projectId) {
    throw new UsageError(
      `--allow-write-project "${allowed}" does not name the target project "${projectId}"; pass --allow-write-project ${projectId} ` +
        'to write to it. Nothing was written.',
    )
  }
  return { kind: 'cloud-firestore', projectId, emulatorHost: null, tenantId, description: `Cloud Firestore (project ${projectId})` }
}
