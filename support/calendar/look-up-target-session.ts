import { judgeTradingDay, pickNextSession, sessionLookupRange, type TradingDayJudgement } from '../policies/trading-session.ts'
import type { CalendarAuthority } from './calendar-authority.ts'
import { easternDate } from './eastern-time.ts'

/** What the session gate learned about its target session. */
export interface TargetSessionLookup {
  /** The session date judged; `null` when no default could be found. */
  date: string | null
  /** Whether the date was the default (no `--session` given). */
  defaulted: boolean
  /** The calendar's verdict on the date. */
  judgement: TradingDayJudgement
}

/**
 * Asks a calendar authority about the target session: `requested` (`--session`) when given, otherwise the next NYSE
 * session at `now` (today's until it closes, then the next trading day).
 * @throws CouldNotCheckError when the authority cannot answer.
 */
export async function lookUpTargetSession(authority: CalendarAuthority, requested: string | null, now: Date): Promise<TargetSessionLookup> {
  const from = requested ?? easternDate(now)
  const range = sessionLookupRange(from)
  const sessions = await authority.sessions(range.start, range.end)
  if (requested !== null) {
    return { date: requested, defaulted: false, judgement: judgeTradingDay(requested, sessions, authority.closureName(requested)) }
  }
  const next = pickNextSession(now, sessions)
  if (next === null) {
    return {
      date: null,
      defaulted: true,
      judgement: { status: 'unknown', reason: `the calendar lists no NYSE session closing after ${now.toISOString()} up to ${range.end}` },
    }
  }
  return { date: next.date, defaulted: true, judgement: judgeTradingDay(next.date, sessions) }
}
