/**
 * The real `openbell` CLI on the real emulator floor, with one crash injected into the harness itself.
 * Usage: node --import tsx tests/crash/run-crashing-openbell.ts MODE [openbell args…]
 * - `floor-fails`: the floor is asked for a namespace its Kubernetes stand-in refuses, after the ops stand-ins and
 *   the Firestore emulator have started (invalid data, found at start: the floor must stop what it started);
 * - `throw-after-floor`: an exception nobody catches, thrown in the main process a second after the floor is up;
 * - `reject-after-floor`: a promise rejection nobody handles, at the same moment;
 * - `stop-hangs`: the floor's stop never ends and stops nothing (the Firestore emulator's JVM keeps running); it
 *   prints `floor: stop called` on stdout when it begins;
 * - `worker-dies`: the spec worker's thread ends abruptly once the first check has run (`end-worker-thread.ts`).
 */
import { fileURLToPath } from 'node:url'
import { listScenarios, scenarioNames, startFloor } from '../../emulators/index.ts'
import { start } from '../../support/cli/main.ts'
import type { StartFloor } from '../../support/run/floor.ts'

const [mode, ...argv] = process.argv.slice(2)

const crashingFloor: StartFloor = async (request) => {
  if (mode === 'floor-fails') return startFloor({ ...request, namespace: 'Not_A_Namespace' })
  const floor = await startFloor(request)
  if (mode === 'worker-dies') return { ...floor, workerSetupFiles: [...floor.workerSetupFiles, fileURLToPath(new URL('end-worker-thread.ts', import.meta.url))] }
  if (mode === 'stop-hangs') {
    return {
      ...floor,
      stop: async () => {
        process.stdout.write('floor: stop called\n')
        await new Promise(() => setInterval(() => undefined, 1_000))
      },
    }
  }
  setTimeout(() => {
    const error = new Error(`injected crash (${mode}): the harness failed after the floor started`)
    if (mode === 'throw-after-floor') throw error
    void Promise.reject(error)
  }, 1_000)
  return floor
}

if (!['floor-fails', 'throw-after-floor', 'reject-after-floor', 'stop-hangs', 'worker-dies'].includes(mode ?? '')) throw new Error(`unknown mode ${mode}`)
// @note exits as bin/openbell.js does: whatever is still pending (a floor that will not stop) does not keep it alive.
process.exit(await start(argv, { startFloor: crashingFloor, listScenarios: async () => listScenarios(), scenarioNames }))
