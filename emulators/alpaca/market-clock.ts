import { formatNewYork, newYorkDate, newYorkInstant } from './new-york-time.ts'
import type { AlpacaCalendarDay, PaperCalendar } from './paper-calendar.ts'

/** The body of Alpaca's `GET /v2/clock`. */
export interface AlpacaClock {
  /** Now, in New York time with offset and milliseconds. */
  timestamp: string
  /** Whether the regular session is open now (open inclusive, close exclusive). */
  is_open: boolean
  /** The next regular open strictly after now. */
  next_open: string
  /** The close of the session that is open now, or else of the next session. */
  next_close: string
}

/**
 * Computes Alpaca's market clock for an instant from the stand-in's recorded calendar.
 * @throws CouldNotCheckError when the answer needs a date outside the calendar's coverage.
 */
export function computeMarketClock(now: Date, calendar: PaperCalendar): AlpacaClock {
  const today = newYorkDate(now)
  const day = calendar.day(today)
  const session = day === undefined ? undefined : sessionOf(day)
  const isOpen = session !== undefined && now >= session.openAt && now < session.closeAt
  const next = session !== undefined && now < session.openAt ? session : sessionOf(calendar.nextDay(today))
  const closing = isOpen ? session : next
  return {
    timestamp: formatNewYork(now, { milliseconds: true }),
    is_open: isOpen,
    next_open: formatNewYork(next.openAt),
    next_close: formatNewYork(closing.closeAt),
  }
}

/** A trading day's regular open and close as instants. */
function sessionOf(day: AlpacaCalendarDay): { openAt: Date; closeAt: Date } {
  return { openAt: newYorkInstant(day.date, day.open), closeAt: newYorkInstant(day.date, day.close) }
}
