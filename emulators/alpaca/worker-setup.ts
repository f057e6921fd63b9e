/**
 * Emulator mode only: what every spec worker answers `https://paper-api.alpaca.markets` with. Named by the floor in
 * the run context; `support/worker/worker-setup.ts` imports it and puts its handlers behind the live-host guard it
 * installed first. This module only hands them over: the guard is openbell's, not the stand-in's.
 */
import type { RequestHandler } from 'msw'
import { createAlpacaPaperHandlers } from './alpaca-paper-handlers.ts'

/** The Alpaca paper stand-in's handlers, with its defaults (the recorded calendar, a healthy paper account). */
export function createWorkerHandlers(): RequestHandler[] {
  return createAlpacaPaperHandlers()
}
