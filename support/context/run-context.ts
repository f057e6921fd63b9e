import type { KubePreflightReport } from '../kube/index.ts'
import type { ResolvedConfig } from '../config/index.ts'
import type { DeepReadonly } from '../deep-freeze.ts'
import type { CriticalService } from '../gates/index.ts'

/**
 * The metadata a gate spec and the worker setup attach to every check: the runner and the spec worker's contract, so
 * it lives here, beside the context they share.
 */
export interface CheckMeta {
  /** The stable check id within its gate. */
  check?: string
  /** Relative paths of the evidence the check recorded. */
  evidence?: string[]
  /** How many assertions ran; set by the worker setup after each check. */
  assertions?: number
  /** Set on optional checks: with no inputs they are listed as not run and do not change the verdict. */
  optional?: { reason: string }
  /** Structured values the JSON report should carry (e.g. parsed metric values). */
  values?: Record<string, unknown>
}

/** The settings of the resolved config a run hands to its specs: picked from it, never declared again. */
export const RUN_SETTINGS = [
  'env',
  'namespace',
  'tenantId',
  'firestoreProject',
  'session',
  'sessionOverride',
  'authorization',
  'staleThresholdSeconds',
  'maxTradeAgeSeconds',
  'maxGexAgeSeconds',
  'requestTimeoutMs',
  'maxResponseBytes',
] as const satisfies readonly (keyof ResolvedConfig)[]

/** {@link RUN_SETTINGS} with their types: `RunContext['namespace']` is `ResolvedConfig['namespace']`. */
export type RunSettings = Pick<ResolvedConfig, (typeof RUN_SETTINGS)[number]>

/** The cluster a run reads, as the runner found it once, before any spec ran. */
export interface RunCluster {
  /** The kubeconfig file every read of the run loads, or `null` for the standard sources (KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfigPath: string | null
  /** The context the reads use: `--kube-context`, else the kubeconfig's current context. */
  context: string | null
  /** The API server URL, without userinfo; `null` when the kubeconfig could not be loaded. */
  server: string | null
  /** The API server's `gitVersion`; `null` when it could not be read. */
  version: string | null
  /** Why the identity is incomplete (the kubeconfig could not be loaded, `/version` did not answer); `null` when it is complete. */
  problem: string | null
}

/** The run's own facts, found by the runner: they exist once the floor (emulator mode) and the cluster have been looked at. */
export interface RunFacts {
  runId: string
  /** Absolute path of this run's report folder. */
  runDir: string
  cluster: RunCluster
  /** The Firestore emulator the data gate reads, and which backend runs it; `null` for production Firestore. */
  firestoreEmulator: { host: string; backend: string } | null
  /** What the API server said, at the start, about each read openbell needs; `null` when no kubeconfig could be loaded. */
  preflight: KubePreflightReport | null
  /** What every spec worker loads before the specs: the emulator floor's modules and environment (none in cluster mode). */
  workerSetup: {
    /** Modules whose `createWorkerHandlers()` go behind the worker's live-host guard (e.g. the Alpaca paper API stand-in). */
    files: string[]
    /** Environment variables to set (e.g. the Alpaca stand-in's demo key pair; see `worker-setup.ts` for why the environment). */
    env: Record<string, string>
  }
}

/** Everything fixed for the whole run, besides its settings and facts. */
interface RunConstants {
  criticalServices: CriticalService[]
  /** NDJSON file where the network guard records every attempt to reach the live broker host. */
  violationsFile: string
}

/**
 * Everything a gate spec knows about the run: the resolved settings, the run's facts and constants. Built once by
 * the runner (`createRunContext`), deep-frozen, handed to every spec worker whole through one channel
 * (`run-context-channel.ts`), and never edited on either side. Specs learn nothing of the mode beyond what is here:
 * the same fields point at emulators or a cluster.
 */
export type RunContext = DeepReadonly<RunSettings & RunFacts & RunConstants>
