import type { ChildProcess, SpawnOptions } from 'node:child_process'

/** The backends `startFirestoreEmulator` can choose, in the default probing order. */
export const FIRESTORE_BACKENDS = ['env', 'gcloud', 'testcontainers', 'node'] as const

/** One Firestore backend: an emulator named by `FIRESTORE_EMULATOR_HOST`, Google's jar, a container, or pure Node. */
export type FirestoreBackend = (typeof FIRESTORE_BACKENDS)[number]

/** What became of one probe: it was used, it does not apply here, or it applied and then failed. */
export type ProbeOutcome = 'used' | 'not-applicable' | 'failed'

/** The record of one probe, kept so the report can say why a backend was or was not chosen. */
export interface ProbeRecord {
  /** The strategy's name. */
  readonly name: FirestoreBackend
  /** What became of it. */
  readonly outcome: ProbeOutcome
  /** Why, in one sentence. */
  readonly reason: string
  /** How long the probe took, in milliseconds. */
  readonly durationMs: number
}

/** Starts a child process; `child_process.spawn` or a test double. */
export type SpawnFunction = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess

/** The parts of the machine the probes look at, injectable so that probes are unit-testable. */
export interface FirestorePlatform {
  /** The operating system, as `process.platform`. */
  readonly os: NodeJS.Platform
  /** Starts a child process. */
  readonly spawn: SpawnFunction
  /** Whether a regular file exists at `path`. */
  fileExists(path: string): boolean
  /** A monotonic clock in milliseconds, for startup times. */
  now(): number
}

/** What a strategy's probe sees. */
export interface StrategyContext {
  /** The Firestore project id clients will use. */
  readonly projectId: string
  /** The environment variables to read (not necessarily `process.env`). */
  readonly env: NodeJS.ProcessEnv
  /** The machine. */
  readonly platform: FirestorePlatform
  /** How long a backend may take to become ready, in milliseconds. */
  readonly startupTimeoutMs: number
}

/** A probe's answer when its backend cannot run here. */
export interface NotApplicable {
  readonly applicable: false
  /** Why not, and what would make it apply. */
  readonly reason: string
}

/** A probe's answer when its backend is up and answering. */
export interface RunningFirestore {
  readonly applicable: true
  /** `host:port` of the emulator, for `FIRESTORE_EMULATOR_HOST` or `settings({ host })`. */
  readonly host: string
  /** What ran, in one sentence (command, version, port). */
  readonly reason: string
  /** The child process id, when the backend runs one. */
  readonly pid: number | undefined
  /** Known ways this backend differs from Cloud Firestore; empty when none are known. */
  readonly limitations: readonly string[]
  /** Stops what the probe started (a no-op for `env`). */
  stop(): Promise<void>
}

/** A probe's answer. Throwing means the backend applied but failed (recorded as `failed`). */
export type ProbeResult = NotApplicable | RunningFirestore

/**
 * One way of getting a Firestore emulator.
 * @see https://github.com/testcontainers/testcontainers-node/blob/main/packages/testcontainers/src/container-runtime/clients/client.ts
 */
export interface FirestoreStrategy {
  /** The backend this strategy provides. */
  readonly name: FirestoreBackend
  /** Finds or starts the backend, or says why it does not apply here. */
  probe(context: StrategyContext): Promise<ProbeResult>
}

/** A Firestore emulator that answers, whichever backend won. Async-disposable: `await using`. */
export interface StartedFirestore extends AsyncDisposable {
  /** `host:port`, e.g. `127.0.0.1:41234`. */
  readonly host: string
  /** The project id to use with it. */
  readonly projectId: string
  /** The backend that won. */
  readonly backend: FirestoreBackend
  /** How long the winning backend took to answer, in milliseconds. */
  readonly startupMs: number
  /** Every probe that ran, in order, with its outcome and reason. */
  readonly probes: readonly ProbeRecord[]
  /** The child process id, when the backend runs one (`gcloud`). */
  readonly pid: number | undefined
  /** Known ways the backend differs from Cloud Firestore. */
  readonly limitations: readonly string[]
  /** Stops the backend and everything it started. Idempotent. */
  stop(): Promise<void>
}
