/**
 * The contract between the runner and the emulators: what a started emulator floor tells the runner.
 * The runner never imports the emulators; the CLI entry point hands it a {@link StartFloor}.
 */
import type { ResolvedConfig } from '../config/index.ts'
import type { SeedFloor } from '../seed/index.ts'
import type { Progress } from './progress.ts'

/** A running set of local stand-ins that the gates can be pointed at. */
export interface StartedFloor {
  /** A kubeconfig whose server is the Kubernetes API stand-in. */
  kubeconfigPath: string
  /** `host:port` of the Firestore emulator. */
  firestoreEmulatorHost: string
  /** Which Firestore emulator backend ran (e.g. `gcloud`, `node`). */
  firestoreBackend: string
  /** Milliseconds each stand-in took to start. */
  startupMs: Record<string, number>
  /** Notes for the report: backend choices, probes that did not apply and why. */
  notes: string[]
  /** Modules every spec worker puts behind its live-host guard, each exporting `createWorkerHandlers()` (e.g. the Alpaca paper API stand-in). */
  workerSetupFiles: string[]
  /** Environment variables every spec worker gets, over the process's own (e.g. the Alpaca stand-in's demo key pair). @default {} */
  workerEnv?: Readonly<Record<string, string>>
  /** Stops every stand-in and removes its temporary files. */
  stop(): Promise<void>
  /**
   * Puts a scenario's Kubernetes and ops faults on the running floor, or (`null`) takes them off again, so a fault can
   * appear and disappear under `openbell watch`. @throws UsageError for a scenario that can only be set at start.
   */
  applyScenario?(name: string | null): Promise<void>
}

/**
 * What a floor is started for: the run's settings, picked from the resolved config (the emulators' tenant and
 * project always have a default), and the run folder, for anything the floor wants to keep as evidence.
 */
export type FloorRequest = Pick<ResolvedConfig, 'scenario' | 'namespace'> & {
  [Setting in 'tenantId' | 'firestoreProject']: NonNullable<ResolvedConfig[Setting]>
} & {
  runDir: string
  /** Where the floor says what its start-up is waiting for (the Firestore emulator, seeding). @default nothing shown */
  progress?: Pick<Progress, 'wait'>
  /** Writes the floor's Firestore data once its emulator is up: openbell's seeder, handed in so the emulators never run openbell's code. */
  seed: SeedFloor
}

/**
 * The {@link FloorRequest} of a run. `seed` is who seeds: the one-shot run has its spec worker do it (`prepare/`);
 * by default this thread does, loading the seeder when the floor asks (`openbell watch`, whose worker starts later).
 */
export function floorRequestOf(config: ResolvedConfig, runDir: string, seed: SeedFloor = seedLazily): FloorRequest {
  return { scenario: config.scenario, namespace: config.namespace, tenantId: config.tenantId ?? '', firestoreProject: config.firestoreProject ?? '', runDir, seed }
}

// @note firebase-admin (~0.5–1 s of imports) loads when the floor asks (`load`, while the JVM boots) or seeds: loaded
// with the runner, it delayed the Firestore emulator's spawn by as much, and the JVM's start-up is the critical path.
const loadSeeder = () => import('../seed/index.ts')
const seedLazily: SeedFloor = Object.assign(async (request: Parameters<SeedFloor>[0]) => (await loadSeeder()).seedEmulatorFloor(request), { load: loadSeeder })

/** Starts the emulator floor; provided by the emulators package. */
export type StartFloor = (request: FloorRequest) => Promise<StartedFloor>
