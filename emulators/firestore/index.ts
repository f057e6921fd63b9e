/** Local Firestore emulators, chosen by probing: FIRESTORE_EMULATOR_HOST → Google's jar → a container → pure Node. */

// Starting one
export { startFirestoreEmulator, resolveStartFirestoreEmulatorOptions } from './start-firestore-emulator.ts'
export type { StartFirestoreEmulatorOptions, ResolvedStartFirestoreEmulatorOptions } from './start-firestore-emulator.ts'
export { FIRESTORE_EMULATOR_DEFAULTS } from './defaults.ts'

// Strategies
export { createEnvStrategy } from './strategies/env-strategy.ts'
export type { EnvStrategyOptions } from './strategies/env-strategy.ts'
export { createGcloudStrategy } from './strategies/gcloud-strategy.ts'
export type { GcloudStrategyOptions } from './strategies/gcloud-strategy.ts'
export { locateFirestoreEmulatorJar, locateJava } from './strategies/locate-firestore-emulator-jar.ts'
export type { JarLocation } from './strategies/locate-firestore-emulator-jar.ts'
export { createTestcontainersStrategy, whyNoDocker } from './strategies/testcontainers-strategy.ts'
export type { TestcontainersStrategyOptions } from './strategies/testcontainers-strategy.ts'
export { createNodeStrategy, NODE_EMULATOR_LIMITATIONS } from './strategies/node-strategy.ts'

// Platform and types
export { nodePlatform } from './platform.ts'
export { FirestoreEmulatorExitedError, FirestoreEmulatorStartTimeoutError } from './internal/wait-for-http-ok.ts'
export { FIRESTORE_BACKENDS } from './types.ts'
export type {
  FirestoreBackend,
  FirestorePlatform,
  FirestoreStrategy,
  NotApplicable,
  ProbeOutcome,
  ProbeRecord,
  ProbeResult,
  RunningFirestore,
  SpawnFunction,
  StartedFirestore,
  StrategyContext,
} from './types.ts'
export * as FIRESTORE_EMULATOR_VERSIONS from './versions.ts'
