/**
 * The Alpaca paper API stand-in: msw handlers for `https://paper-api.alpaca.markets`, read-only, plus the recorded
 * NYSE calendar and market clock behind them.
 */

// The stand-in
export {
  ALPACA_PAPER_ORIGIN,
  ALPACA_PAPER_STAND_IN_DEFAULTS,
  createAlpacaPaperHandlers,
  resolveAlpacaPaperStandInOptions,
} from './alpaca-paper-handlers.ts'
export type { AlpacaPaperStandInOptions, ResolvedAlpacaPaperStandInOptions } from './alpaca-paper-handlers.ts'
export { createPaperAccount } from './paper-account.ts'
export type { PaperAccount } from './paper-account.ts'

// Calendar and clock: the stand-in's own recorded days and New York time, not openbell's calendar (which it is checked against)
export { AlpacaCalendarDaySchema, PAPER_CALENDAR_FILE, loadPaperCalendar } from './paper-calendar.ts'
export type { AlpacaCalendarDay, PaperCalendar } from './paper-calendar.ts'
export { formatNewYork, newYorkDate, newYorkInstant, newYorkOffset } from './new-york-time.ts'
export { computeMarketClock } from './market-clock.ts'
export type { AlpacaClock } from './market-clock.ts'
