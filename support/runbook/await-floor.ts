/**
 * Emulator mode only, the last setup file of every spec worker: loads the library the specs stand on while the
 * floor is still starting, then waits for the floor's endpoints (`floor-handoff.ts`) and points the run's context
 * at them before any spec loads.
 */
import { inject } from 'vitest'
import { awaitFloorEndpoints } from './floor-handoff.ts'
// @note imported for its side effect: the Kubernetes, Firestore and Alpaca clients load now, during the floor's start-up.
import '../index.ts'

// @note vitest re-runs a setup file before each spec file of a worker (`isolate: false`); after the first, the
// handoff file is already there and this returns at once.
const context = inject('openbell')
if (context.floorHandoffFile) {
  const endpoints = await awaitFloorEndpoints(context.floorHandoffFile)
  Object.assign(process.env, endpoints.workerEnv)
  context.kubeconfigPath = endpoints.kubeconfigPath
  context.firestoreEmulatorHost = endpoints.firestoreEmulatorHost
  for (const setupFile of endpoints.workerSetupFiles) await import(setupFile)
}
