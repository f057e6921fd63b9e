import { judgeTradingDay, pickNextSession, sessionLookupRange, type TradingDayJudgement } from './trading-session.ts'
import type { CalendarAuthority } from './calendar-authority.ts'
import { easternDate } from './eastern-time.ts'

/** What the session gate learned about its target session. */
export interface TargetSessionLookup {
  /** The session date judged; `null` when no default could be found. */
  date: string | null
  /** Whether the date was the default (no `--session` given). */
  defaulted: boolean
  /** The calendar's verdict on the date; when it cannot tell, the reason names the authority asked. */
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
  const naming = (judgement: TradingDayJudgement): TradingDayJudgement =>
    judgement.status === 'unverified' ? { ...judgement, reason: `${judgement.reason} (authority: ${authority.source})` } : judgement
  if (requested !== null) {
    return { date: requested, defaulted: false, judgement: naming(judgeTradingDay(requested, sessions, authority.closureName(requested))) }
  }
  const next = pickNextSession(now, sessions)
  if (next === null) {
    const reason = `the calendar lists no NYSE session closing after ${now.toISOString()} up to ${range.end}`
    return { date: null, defaulted: true, judgement: naming({ status: 'unverified', reason, session: null, nextSession: null, findings: [] }) }
  }
  return { date: next.date, defaulted: true, judgement: naming(judgeTradingDay(next.date, sessions)) }
}
