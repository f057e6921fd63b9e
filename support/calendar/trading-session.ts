import { addDays, dayOfWeek } from './eastern-time.ts'
import type { TradingSession } from './nyse-calendar.ts'
import type { Judgement } from '../judgement.ts'

/**
 * How many days past a date the session gate asks its calendar about. The longest NYSE closure of recent decades
 * (four weekdays, September 2001) fits well inside it, so an empty window means the calendar does not cover the date.
 */
export const SESSION_LOOKAHEAD_DAYS = 10

const WEEKDAYS = Object.freeze(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])

/** The dates to ask the calendar about for a session on or after `date`: `date` .. `date + 10 days`. */
export function sessionLookupRange(date: string): { start: string; end: string } {
  return { start: date, end: addDays(date, SESSION_LOOKAHEAD_DAYS) }
}

/**
 * The default target session: the first session that has not closed yet at `now` (today's before its close,
 * otherwise the next trading day). `null` when none of the given sessions is still ahead.
 */
export function pickNextSession(now: Date, sessions: readonly TradingSession[]): TradingSession | null {
  return sessions.find((session) => session.closeAt.getTime() > now.getTime()) ?? null
}

/**
 * Whether a date is a trading session, fail-closed: `pass` on a trading day (`session` is it), `fail` on a closed day
 * (`nextSession` is the next one), `unverified` when the calendar lists nothing around it, so it cannot tell.
 */
export interface TradingDayJudgement extends Judgement<never> {
  /** The session on the date, when it is a trading day. */
  readonly session: TradingSession | null
  /** The next session after a closed date. */
  readonly nextSession: TradingSession | null
}

/**
 * Judges a date from the sessions a calendar listed for {@link sessionLookupRange} of it.
 * @param closureName the closure's name when the calendar names it (`Christmas Day`), for the reason.
 * @example judgeTradingDay('2026-12-25', sessions, 'Christmas Day').reason
 * // '2026-12-25 is not an NYSE trading day: NYSE is closed for Christmas Day (next session: 2026-12-28)'
 */
export function judgeTradingDay(date: string, sessions: readonly TradingSession[], closureName?: string): TradingDayJudgement {
  const ahead = sessions.filter((session) => session.date >= date)
  const first = ahead[0]
  if (first === undefined) {
    return {
      status: 'unverified',
      session: null,
      nextSession: null,
      findings: [],
      reason: `the calendar lists no NYSE session from ${date} to ${sessionLookupRange(date).end}, so it does not cover ${date}`,
    }
  }
  if (first.date === date) {
    const hours = `${first.open}–${first.close} New York time${first.earlyClose ? ', an early close' : ''}`
    return { status: 'pass', session: first, nextSession: null, findings: [], reason: `${date} is an NYSE trading day (${hours})` }
  }
  const weekday = WEEKDAYS[dayOfWeek(date)]!
  const why = dayOfWeek(date) % 6 === 0
    ? `it is a ${weekday}`
    : `NYSE is closed${closureName ? ` for ${closureName}` : ' that day (a holiday)'}`
  return {
    status: 'fail',
    session: null,
    nextSession: first,
    findings: [],
    reason: `${date} is not an NYSE trading day: ${why} (next session: ${first.date})`,
  }
}
