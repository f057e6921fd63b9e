/**
 * The NYSE market calendar: the shipped closures and early closes, New York time helpers, and the authorities
 * (the shipped calendar here; Alpaca's paper calendar in `support/alpaca/`) that say whether a date is a session.
 */

// The shipped calendar
export { NYSE_CALENDAR_FILE, createMarketCalendar, loadNyseCalendar, loadNyseCalendarData } from './nyse-calendar.ts'
export type { MarketCalendar, TradingSession } from './nyse-calendar.ts'
export { NYSE_CALENDAR_SCHEMA } from './nyse-calendar-schema.ts'
export type { NyseCalendarData } from './nyse-calendar-schema.ts'

// Authorities
export type { CalendarAuthority, CalendarAuthorityName } from './calendar-authority.ts'
export { createShippedCalendarAuthority } from './shipped-calendar-authority.ts'
export { lookUpTargetSession, type TargetSessionLookup } from './look-up-target-session.ts'

// New York time
export { EXCHANGE_TIME_ZONE, addDays, dayOfWeek, easternDate, easternInstant, easternOffsetMinutes, formatEastern } from './eastern-time.ts'
export { type TradingDayJudgement } from './trading-session.ts'
