import path from 'node:path'
import type { z } from 'zod'
import { UsageError } from '../errors.ts'
import { ENVIRONMENTS, GATE_IDS, type Environment, type GateId } from '../verdict/api.ts'
import { DEFAULTS } from './defaults.ts'
import type { CommandName, OptionName } from './options.ts'
import type { ParsedCli } from './parse-cli.ts'
import {
  authorizationSchema,
  countSchema,
  nameSchema,
  namespaceSchema,
  projectIdSchema,
  secondsSchema,
  sessionDateSchema,
  tenantIdSchema,
} from './validators.ts'

/** The configuration of one `openbell` invocation, every field decided. */
export interface ResolvedConfig {
  command: CommandName
  env: Environment
  namespace: string
  /** `null` in cluster mode when no tenant was named: the data gate is then unverified. */
  tenantId: string | null
  /** `null` in cluster mode when neither the flag nor GOOGLE_CLOUD_PROJECT names one. */
  firestoreProject: string | null
  kubeContext: string | null
  /** Absolute path of the reports folder. */
  reportsDir: string
  authorization: string | null
  session: string | null
  scenario: string | null
  staleThresholdSeconds: number
  maxTradeAgeSeconds: number
  requestTimeoutMs: number
  checkTimeoutMs: number
  maxResponseBytes: number
  /** Gates named on the command line; empty means all. A filtered run is never GO. */
  gateFilter: GateId[]
  testNamePattern: string | null
  seed: { trades: number; goldenSweeps: number; seed: number; allowWriteProject: string | null }
  operator: string | null
}

/** What {@link resolveConfig} needs besides the parsed command line. */
export interface ResolveConfigOptions {
  /** @default process.env */
  env?: NodeJS.ProcessEnv
  /** @default process.cwd() */
  cwd?: string
  /** Scenario names the emulators know; `--scenario` must be one of them. @default [] */
  knownScenarios?: readonly string[]
}

/**
 * Validates the parsed command line and fills in the defaults.
 * @throws {UsageError} naming the flag, the value seen and what was expected.
 */
export function resolveConfig(cli: ParsedCli, options: ResolveConfigOptions = {}): ResolvedConfig {
  const processEnv = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  const read = <T>(name: OptionName, schema: z.ZodType<T, string>): T | null => {
    const raw = cli.values[name]
    if (raw === undefined) return null
    const result = schema.safeParse(String(raw))
    if (!result.success) {
      throw new UsageError(`--${name} ${quote(String(raw))} ${result.error.issues[0]?.message ?? 'is not valid'}.`)
    }
    return result.data
  }

  const envValue = cli.values.env === undefined ? DEFAULTS.env : String(cli.values.env)
  if (!(ENVIRONMENTS as readonly string[]).includes(envValue)) {
    throw new UsageError(`--env ${quote(envValue)} is not one of: ${ENVIRONMENTS.join(', ')}.`)
  }
  const env = envValue as Environment
  const emulators = env === 'emulators'

  const scenario = read('scenario', nameSchema)
  if (scenario !== null) {
    if (!emulators) throw new UsageError('--scenario applies to --env=emulators only; a live cluster is never broken on purpose.')
    const known = options.knownScenarios ?? []
    if (!known.includes(scenario)) {
      throw new UsageError(`--scenario ${quote(scenario)} is not a known scenario; run \`openbell scenarios\` to list them.`)
    }
  }

  const gateFilter = cli.positionals.map((word) => {
    if (!(GATE_IDS as readonly string[]).includes(word)) {
      throw new UsageError(`${quote(word)} is not a gate id; expected one of: ${GATE_IDS.join(', ')}.`)
    }
    return word as GateId
  })

  const reports = read('reports', nameSchema) ?? DEFAULTS.reports
  const googleProject = processEnv.GOOGLE_CLOUD_PROJECT || processEnv.GCLOUD_PROJECT || null

  return {
    command: cli.command,
    env,
    namespace: read('namespace', namespaceSchema) ?? DEFAULTS.namespace,
    tenantId: read('tenant-id', tenantIdSchema) ?? (emulators ? DEFAULTS.emulatorTenantId : null),
    firestoreProject:
      read('firestore-project', projectIdSchema) ?? (emulators ? DEFAULTS.emulatorFirestoreProject : googleProject),
    kubeContext: read('kube-context', nameSchema),
    reportsDir: path.resolve(cwd, reports),
    authorization: read('authorize-execution', authorizationSchema),
    session: read('session', sessionDateSchema),
    scenario,
    staleThresholdSeconds: read('stale-threshold', secondsSchema) ?? DEFAULTS.staleThresholdSeconds,
    maxTradeAgeSeconds: read('max-trade-age', secondsSchema) ?? DEFAULTS.maxTradeAgeSeconds,
    requestTimeoutMs: DEFAULTS.requestTimeoutMs,
    checkTimeoutMs: DEFAULTS.checkTimeoutMs,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    gateFilter,
    testNamePattern: read('test-name-pattern', nameSchema),
    seed: {
      trades: read('trades', countSchema) ?? 50,
      goldenSweeps: read('golden-sweeps', countSchema) ?? 5,
      seed: read('seed', countSchema) ?? 1,
      allowWriteProject: read('allow-write-project', projectIdSchema),
    },
    operator: read('operator', nameSchema),
  }
}

/** Quotes a user's value for a message, shortened and with control characters escaped. */
function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value
  return JSON.stringify(shown)
}
