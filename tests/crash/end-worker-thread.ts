/**
 * A worker module for `run-crashing-openbell.ts worker-dies`: once the first check of the run has run, the spec
 * worker's thread ends at once, as a worker killed from outside does: no test result, no `afterAll`, no goodbye.
 */
import { afterEach } from 'vitest'

// @note `process.reallyExit` ends a worker thread without any of vitest's handling (`process.exit` is vitest's own
// in a worker, which turns the call into a thrown error): the nearest a thread gets to a SIGKILL.
const endThread = (process as unknown as { reallyExit(code: number): never }).reallyExit

afterEach(() => {
  endThread(137)
})

/** No stand-in: the worker setup may ask a module it loads for its request handlers, and this one answers none. */
export function createWorkerHandlers(): never[] {
  return []
}
