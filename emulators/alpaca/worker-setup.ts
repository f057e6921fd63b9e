/**
 * Emulator mode only: answers `https://paper-api.alpaca.markets` in every spec worker with the paper API
 * stand-in, behind the live-host guard that `support/runbook/worker-setup.ts` installed first.
 */
import { installNetworkGuard } from '../../support/network/index.ts'
import { createAlpacaPaperHandlers } from './alpaca-paper-handlers.ts'

// @note the guard is process-wide and records violations once, through the runbook's own subscription.
// @note vitest re-runs a setup file before each spec file of a worker (`isolate: false`): the handlers go in once.
const INSTALLED = Symbol.for('openbell.alpaca-paper-handlers')
const state = globalThis as { [INSTALLED]?: true }
if (!state[INSTALLED]) {
  installNetworkGuard({ onViolation: () => undefined, handlers: createAlpacaPaperHandlers() })
  state[INSTALLED] = true
}
