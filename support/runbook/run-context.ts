import { inject } from 'vitest'
import type { Environment } from '../verdict/api.ts'
import type { CheckMeta } from '../verdict/classify-check.ts'

/** A critical service whose ops endpoints the gates read through the API server's service proxy. */
export interface CriticalService {
  name: string
  port: number
  /** What the gates read from it. */
  reads: readonly ('ops-status' | 'metrics' | 'freshness')[]
}

/**
 * Everything a gate spec needs to know about the run, handed from the runner to the spec workers.
 * Specs never learn which mode they run in beyond what is here: the same fields point at emulators or a cluster.
 */
export interface RunContext {
  runId: string
  /** Absolute path of this run's report folder. */
  runDir: string
  env: Environment
  namespace: string
  tenantId: string | null
  firestoreProject: string | null
  /** `host:port` of a Firestore emulator, or `null` for production Firestore. */
  firestoreEmulatorHost: string | null
  /** A kubeconfig file to load, or `null` for the standard sources (KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfigPath: string | null
  kubeContext: string | null
  session: string | null
  authorization: string | null
  staleThresholdSeconds: number
  maxTradeAgeSeconds: number
  maxGexAgeSeconds: number
  requestTimeoutMs: number
  maxResponseBytes: number
  criticalServices: readonly CriticalService[]
  /** NDJSON file where the network guard records every attempt to reach the live broker host. */
  violationsFile: string
  /**
   * Emulator mode: where the runner writes the floor's endpoints once it is up (`floor-handoff.ts`); the kubeconfig
   * and Firestore emulator fields are filled in from it inside the worker. `null` in cluster mode.
   */
  floorHandoffFile: string | null
}

declare module 'vitest' {
  export interface ProvidedContext {
    openbell: RunContext
  }
  export interface TaskMeta extends CheckMeta {}
}

/** The run's context inside a spec worker. */
export function getRunContext(): RunContext {
  return inject('openbell')
}
