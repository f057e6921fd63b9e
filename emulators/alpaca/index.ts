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

// Calendar and clock (the calendar itself lives in support/calendar, where the session gate reads it too)
export { NYSE_CALENDAR_FILE, NYSE_CALENDAR_SCHEMA, createMarketCalendar, loadNyseCalendar } from '../../support/calendar/index.ts'
export type { MarketCalendar, NyseCalendarData, TradingSession } from '../../support/calendar/index.ts'
export { EXCHANGE_TIME_ZONE, easternDate, easternInstant, formatEastern } from '../../support/calendar/index.ts'
export { computeMarketClock } from './market-clock.ts'
export type { AlpacaClock } from './market-clock.ts'
