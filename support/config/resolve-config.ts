import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { UsageError } from '../errors.ts'
import { ENVIRONMENTS, GATE_IDS, type Environment, type GateId } from '../gates/index.ts'
import { checkFirestoreEmulatorHost } from './check-firestore-emulator-host.ts'
import { checkSessionWindow, type SessionOverride } from './check-session-window.ts'
import { DEFAULTS } from './defaults.ts'
import { OPTIONS, type CommandName, type OptionName } from './options.ts'
import type { ParsedCli } from './parse-cli.ts'
import { resolveWatchOptions, type WatchOptions } from './watch-options.ts'
import {
  authorizationSchema,
  countSchema,
  nameSchema,
  namespaceSchema,
  projectIdSchema,
  requestTimeoutSchema,
  secondsSchema,
  sessionDateSchema,
  tenantIdSchema,
  testNamePatternSchema,
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
  /** Absolute path of a folder of earlier run folders for the history (`--history`); `null`: the reports folder. */
  historyDir: string | null
  authorization: string | null
  session: string | null
  /** The flag that let a `--session` outside today … today + 7 days through; `null` when none was needed. */
  sessionOverride: SessionOverride | null
  scenario: string | null
  staleThresholdSeconds: number
  maxTradeAgeSeconds: number
  maxGexAgeSeconds: number
  requestTimeoutMs: number
  checkTimeoutMs: number
  maxResponseBytes: number
  /** Gates named on the command line; empty means all. A filtered run is never GO. */
  gateFilter: GateId[]
  /** Absolute path of the waivers file, or `null` for none (`--waivers`, else `waivers.yaml` in the cwd if present). */
  waiversFile: string | null
  /** `openbell verify`: the absolute path of the run folder to verify; `null` for the other commands. */
  runFolder: string | null
  testNamePattern: string | null
  seed: { trades: number; goldenSweeps: number; seed: number; allowWriteProject: string | null }
  operator: string | null
  /** `--sign-key`: the absolute path of the Ed25519 private key that signs the manifest; `null` for unsigned. */
  signKeyFile: string | null
  /** `openbell verify --key`: the absolute path of the public key the manifest signature must verify with. */
  verifyKeyFile: string | null
  /** `openbell watch`: its interval, end, metrics server, notifications and halt; `null` for the other commands. */
  watch: WatchOptions | null
}

/** What {@link resolveConfig} needs besides the parsed command line. */
export interface ResolveConfigOptions {
  /** @default process.env */
  env?: NodeJS.ProcessEnv
  /** @default process.cwd() */
  cwd?: string
  /** Scenario names the emulators know; `--scenario` must be one of them. @default [] */
  knownScenarios?: readonly string[]
  /** Whether a file exists (the default waivers file is read only when present). @default fs.existsSync */
  fileExists?: (file: string) => boolean
  /** The clock that decides which `--session` dates are in the window. @default () => new Date() */
  now?: () => Date
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
  // @note before anything connects: firebase-admin would send every Firestore read to this variable's host.
  if (FIRESTORE_COMMANDS.includes(cli.command)) checkFirestoreEmulatorHost(processEnv.FIRESTORE_EMULATOR_HOST, env)

  const scenario = read('scenario', nameSchema)
  if (scenario !== null) {
    if (!emulators) throw new UsageError('--scenario applies to --env=emulators only; a live cluster is never broken on purpose.')
    const known = options.knownScenarios ?? []
    if (!known.includes(scenario)) {
      throw new UsageError(`--scenario ${quote(scenario)} is not a known scenario; run \`openbell scenarios\` to list them.`)
    }
  }

  const signKey = read('sign-key', nameSchema)
  const verifyKey = read('key', nameSchema)
  const runFolder = cli.command === 'verify' ? readRunFolder(cli.positionals, cwd) : null
  const gateFilter = (cli.command === 'verify' ? [] : cli.positionals).map((word) => {
    if (!(GATE_IDS as readonly string[]).includes(word)) {
      throw new UsageError(`${quote(word)} is not a gate id; expected one of: ${GATE_IDS.join(', ')}.`)
    }
    return word as GateId
  })

  const reports = read('reports', nameSchema) ?? DEFAULTS.reports
  const fileExists = options.fileExists ?? existsSync
  // @note only the runbook commands read waivers; OPENBELL_WAIVERS left set in a shell must not break `openbell halt`.
  const runbookCommand = (OPTIONS.waivers.commands as readonly string[]).includes(cli.command)
  const waiversFlag = runbookCommand ? read('waivers', nameSchema) : null
  const defaultWaivers = path.resolve(cwd, DEFAULTS.waiversFile)
  if (waiversFlag !== null && !fileExists(path.resolve(cwd, waiversFlag))) {
    throw new UsageError(`--waivers ${quote(waiversFlag)} does not exist; name an existing YAML file or leave the flag out.`)
  }
  const waiversFile =
    waiversFlag !== null ? path.resolve(cwd, waiversFlag) : runbookCommand && fileExists(defaultWaivers) ? defaultWaivers : null
  const googleProject = processEnv.GOOGLE_CLOUD_PROJECT || processEnv.GCLOUD_PROJECT || null
  const session = read('session', sessionDateSchema)
  const sessionOverride =
    session === null
      ? null
      : checkSessionWindow(session, (options.now ?? (() => new Date()))(), {
          past: cli.values['allow-past-session'] === true,
          future: cli.values['allow-future-session'] === true,
        })

  return {
    command: cli.command,
    env,
    namespace: read('namespace', namespaceSchema) ?? DEFAULTS.namespace,
    tenantId: read('tenant-id', tenantIdSchema) ?? (emulators ? DEFAULTS.emulatorTenantId : null),
    firestoreProject:
      read('firestore-project', projectIdSchema) ?? (emulators ? DEFAULTS.emulatorFirestoreProject : googleProject),
    kubeContext: read('kube-context', nameSchema),
    reportsDir: path.resolve(cwd, reports),
    historyDir: runbookCommand ? resolveHistory(read('history', nameSchema), cwd) : null,
    authorization: read('authorize-execution', authorizationSchema),
    session,
    sessionOverride,
    scenario,
    staleThresholdSeconds: read('stale-threshold', secondsSchema) ?? DEFAULTS.staleThresholdSeconds,
    maxTradeAgeSeconds: read('max-trade-age', secondsSchema) ?? DEFAULTS.maxTradeAgeSeconds,
    maxGexAgeSeconds: read('max-gex-age', secondsSchema) ?? DEFAULTS.maxGexAgeSeconds,
    requestTimeoutMs: read('request-timeout', requestTimeoutSchema) ?? DEFAULTS.requestTimeoutMs,
    checkTimeoutMs: DEFAULTS.checkTimeoutMs,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    gateFilter,
    waiversFile,
    runFolder,
    testNamePattern: read('test-name-pattern', testNamePatternSchema),
    seed: {
      trades: read('trades', countSchema) ?? 50,
      goldenSweeps: read('golden-sweeps', countSchema) ?? 5,
      seed: read('seed', countSchema) ?? 1,
      allowWriteProject: read('allow-write-project', projectIdSchema),
    },
    operator: read('operator', nameSchema),
    signKeyFile: signKey === null ? null : path.resolve(cwd, signKey),
    verifyKeyFile: verifyKey === null ? null : path.resolve(cwd, verifyKey),
    watch: cli.command === 'watch' ? resolveWatchOptions(cli.values) : null,
  }
}

/** `openbell verify FOLDER`: exactly one run folder. */
function readRunFolder(positionals: readonly string[], cwd: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`verify takes exactly one run folder (got ${positionals.length}); e.g. \`openbell verify reports/latest\`.`)
  }
  return path.resolve(cwd, positionals[0] as string)
}

/** The commands that read or write Firestore. */
const FIRESTORE_COMMANDS: readonly CommandName[] = ['run', 'test', 'seed', 'watch']

/** Quotes a user's value for a message, shortened and with control characters escaped. */
function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value
  return JSON.stringify(shown)
}

/** `--history DIR` must name a folder (of earlier run folders) that exists: a typo would silently show no history. */
function resolveHistory(flag: string | null, cwd: string): string | null {
  if (flag === null) return null
  const dir = path.resolve(cwd, flag)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`--history ${JSON.stringify(flag)} is not a folder; name the folder that holds earlier run folders (e.g. downloaded artifacts), or leave the flag out to use --reports.`)
  }
  return dir
}
