import { CACHE_DIR } from '../../support/project-paths.ts'
import { FIRESTORE_BACKENDS } from './types.ts'

/** Defaults of `startFirestoreEmulator` and its strategies, in one frozen object. */
export const FIRESTORE_EMULATOR_DEFAULTS = Object.freeze({
  /** `demo-` projects never reach a real Firebase project. */
  projectId: 'demo-openbell',
  /** Probing order: an emulator you already run, Google's jar, a container, pure Node. */
  strategies: FIRESTORE_BACKENDS,
  /** Java needs ~2.5 s on two cores; a cold container pull needs far longer. */
  startupTimeoutMs: 60_000,
  /** A missing or hung Docker must be detected fast. */
  dockerProbeTimeoutMs: 500,
  /** `gcloud info` starts Python; allow it a few seconds. */
  gcloudInfoTimeoutMs: 10_000,
  /** How long `FIRESTORE_EMULATOR_HOST` may take to accept a connection. */
  envProbeTimeoutMs: 1_000,
  /** How long a stopped process group gets between SIGTERM and SIGKILL. */
  stopGraceMs: 3_000,
  /** Where Google's emulator keeps its JVM class-data archive (`node_modules/.cache/openbell`, gone with `npm ci`). */
  classDataArchiveDir: CACHE_DIR,
})
