/**
 * The Alpaca paper API stand-in: msw handlers for `https://paper-api.alpaca.markets`, read-only, plus the NYSE
 * calendar and market clock behind them.
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

// Calendar and clock
export { NYSE_CALENDAR_FILE, createMarketCalendar, loadNyseCalendar } from './nyse-calendar.ts'
export type { MarketCalendar, TradingSession } from './nyse-calendar.ts'
export { NYSE_CALENDAR_SCHEMA } from './nyse-calendar-schema.ts'
export type { NyseCalendarData } from './nyse-calendar-schema.ts'
export { computeMarketClock } from './market-clock.ts'
export type { AlpacaClock } from './market-clock.ts'
export { EXCHANGE_TIME_ZONE, easternDate, easternInstant, formatEastern } from './eastern-time.ts'
