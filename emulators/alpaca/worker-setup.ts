/**
 * Emulator mode only: answers `https://paper-api.alpaca.markets` in every spec worker with the paper API
 * stand-in, behind the live-host guard that `support/runbook/worker-setup.ts` installed first. Loaded by that
 * setup file once the run context (which names this file) has arrived.
 */
import { installNetworkGuard } from '../../support/network/index.ts'
import { createAlpacaPaperHandlers } from './alpaca-paper-handlers.ts'

// @note the guard is process-wide and records violations once, through the runbook's own subscription.
// @note a worker runs several spec files (`isolate: false`) and the setup that loads this runs before each: the
// handlers go in once per worker.
const INSTALLED = Symbol.for('openbell.alpaca-paper-handlers')
const state = globalThis as { [INSTALLED]?: true }
if (!state[INSTALLED]) {
  installNetworkGuard({ onViolation: () => undefined, handlers: createAlpacaPaperHandlers() })
  state[INSTALLED] = true
}
