import { z } from 'zod'
import { CouldNotCheckError, MESSAGE_PREFIX, UsageError } from '../../support/errors.ts'
import { FIRESTORE_EMULATOR_DEFAULTS } from './defaults.ts'
import { nodePlatform } from './platform.ts'
import { createEnvStrategy } from './strategies/env-strategy.ts'
import { createGcloudStrategy } from './strategies/gcloud-strategy.ts'
import { createNodeStrategy } from './strategies/node-strategy.ts'
import { createTestcontainersStrategy } from './strategies/testcontainers-strategy.ts'
import {
  FIRESTORE_BACKENDS,
  type FirestoreBackend,
  type FirestorePlatform,
  type FirestoreStrategy,
  type ProbeRecord,
  type StartedFirestore,
} from './types.ts'

/** Options of `startFirestoreEmulator`. */
export interface StartFirestoreEmulatorOptions {
  /**
   * The project id clients will use.
   * @default 'demo-openbell'
   */
  projectId?: string
  /**
   * Strategies in probing order, by name or as objects; the first that works wins.
   * @default ['env', 'gcloud', 'testcontainers', 'node']
   */
  strategies?: readonly (FirestoreBackend | FirestoreStrategy)[]
  /**
   * The environment the probes read.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv
  /**
   * The machine the probes look at.
   * @default nodePlatform
   */
  platform?: FirestorePlatform
  /**
   * How long a backend may take to answer, in milliseconds.
   * @default 60000
   */
  startupTimeoutMs?: number
}

/** `StartFirestoreEmulatorOptions` after defaults: every field set, strategies as objects. */
export interface ResolvedStartFirestoreEmulatorOptions {
  readonly projectId: string
  readonly strategies: readonly FirestoreStrategy[]
  readonly env: NodeJS.ProcessEnv
  readonly platform: FirestorePlatform
  readonly startupTimeoutMs: number
}

const STRATEGY_FACTORIES: Readonly<Record<FirestoreBackend, () => FirestoreStrategy>> = Object.freeze({
  env: () => createEnvStrategy(),
  gcloud: () => createGcloudStrategy(),
  testcontainers: () => createTestcontainersStrategy(),
  node: () => createNodeStrategy(),
})

const optionsSchema = z.object({
  projectId: z.string().min(1).default(FIRESTORE_EMULATOR_DEFAULTS.projectId),
  strategies: z.array(z.unknown()).min(1).default([...FIRESTORE_EMULATOR_DEFAULTS.strategies]),
  startupTimeoutMs: z.number().int().positive().default(FIRESTORE_EMULATOR_DEFAULTS.startupTimeoutMs),
})

/** A strategy by name or as given; anything else is a `UsageError` listing the valid names. */
function toStrategy(value: unknown, index: number): FirestoreStrategy {
  if (typeof value === 'string' && (FIRESTORE_BACKENDS as readonly string[]).includes(value)) {
    return STRATEGY_FACTORIES[value as FirestoreBackend]()
  }
  if (typeof value === 'object' && value !== null && typeof (value as FirestoreStrategy).probe === 'function') {
    return value as FirestoreStrategy
  }
  throw new UsageError(
    `startFirestoreEmulator: strategies[${index}] ${JSON.stringify(value)} is not a Firestore strategy; ` +
      `expected one of ${FIRESTORE_BACKENDS.join(', ')}, or an object with name and probe().`,
  )
}

/** Applies defaults and validates; an invalid option is a `UsageError` naming the option and the valid values. */
export function resolveStartFirestoreEmulatorOptions(
  options: StartFirestoreEmulatorOptions = {},
): ResolvedStartFirestoreEmulatorOptions {
  const parsed = optionsSchema.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'options'
    throw new UsageError(`startFirestoreEmulator: ${where} is invalid (${issue?.message ?? 'unknown'}).`)
  }
  return {
    projectId: parsed.data.projectId,
    strategies: parsed.data.strategies.map(toStrategy),
    env: options.env ?? process.env,
    platform: options.platform ?? nodePlatform,
    startupTimeoutMs: parsed.data.startupTimeoutMs,
  }
}

/** An error's message without our prefix, for nesting it in a reason. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.startsWith(`${MESSAGE_PREFIX} `) ? message.slice(MESSAGE_PREFIX.length + 1) : message
}

/**
 * Starts (or finds) a Firestore emulator by probing strategies in order; the first that works wins.
 * Every probe's outcome and reason is kept in `probes`, and in the error when none works.
 * @example
 * await using firestore = await startFirestoreEmulator()
 * console.log(firestore.backend, firestore.host, firestore.startupMs)
 */
export async function startFirestoreEmulator(options: StartFirestoreEmulatorOptions = {}): Promise<StartedFirestore> {
  const resolved = resolveStartFirestoreEmulatorOptions(options)
  const { platform } = resolved
  const context = { projectId: resolved.projectId, env: resolved.env, platform, startupTimeoutMs: resolved.startupTimeoutMs }
  const probes: ProbeRecord[] = []
  for (const strategy of resolved.strategies) {
    const startedAt = platform.now()
    const elapsed = (): number => Math.round(platform.now() - startedAt)
    try {
      const result = await strategy.probe(context)
      if (!result.applicable) {
        probes.push({ name: strategy.name, outcome: 'not-applicable', reason: result.reason, durationMs: elapsed() })
        continue
      }
      const startupMs = elapsed()
      probes.push({ name: strategy.name, outcome: 'used', reason: result.reason, durationMs: startupMs })
      return {
        host: result.host,
        projectId: resolved.projectId,
        backend: strategy.name,
        startupMs,
        probes,
        pid: result.pid,
        limitations: result.limitations,
        stop: () => result.stop(),
        [Symbol.asyncDispose]: () => result.stop(),
      }
    } catch (error) {
      probes.push({ name: strategy.name, outcome: 'failed', reason: reasonOf(error), durationMs: elapsed() })
    }
  }
  throw new CouldNotCheckError(
    `no Firestore emulator could be started: ${probes.map((p) => `${p.name} ${p.outcome}: ${p.reason}`).join(' ')} ` +
      'Set FIRESTORE_EMULATOR_HOST to a running emulator, or install Google’s (`gcloud components install cloud-firestore-emulator`).',
  )
}
