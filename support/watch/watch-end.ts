import { easternDate, easternInstant, loadNyseCalendar, type MarketCalendar } from '../calendar/index.ts'

/** When a watch ends, which session it guards, and why then. */
export interface WatchEnd {
  endsAt: Date
  /** The session date (`YYYY-MM-DD`, New York): names the history file `<reports>/watch/<session>.ndjson`. */
  session: string
  /** For the start line, e.g. `the session's close at 16:00 (America/New_York)`. */
  why: string
}

/**
 * The end of a watch: `--until HH:MM` (New York, today), else the close of the guarded session from the shipped
 * calendar: `--session`, else today's session if it has not closed yet, else the next one. An early close (13:00)
 * ends it early. An end already past means one evaluation, then the final report.
 */
export function watchEnd(now: Date, options: { session: string | null; until: string | null }, calendar: MarketCalendar = loadNyseCalendar()): WatchEnd {
  const today = easternDate(now)
  const todays = calendar.session(today)
  const session = options.session !== null ? (calendar.session(options.session) ?? null) : todays && todays.closeAt > now ? todays : calendar.nextSession(today)
  const sessionDate = options.session ?? session?.date ?? today
  if (options.until !== null) {
    return { endsAt: easternInstant(today, options.until), session: sessionDate, why: `--until ${options.until} (America/New_York)` }
  }
  if (session === null) {
    // @note not a trading day: the session gate says NO-GO; the watch still ends, at the regular close time.
    return { endsAt: easternInstant(sessionDate, '16:00'), session: sessionDate, why: `16:00 (America/New_York) on ${sessionDate}, not a trading session` }
  }
  return {
    endsAt: session.closeAt,
    session: session.date,
    why: `the session's ${session.earlyClose ? 'early ' : ''}close at ${session.close} (America/New_York) on ${session.date}`,
  }
}
