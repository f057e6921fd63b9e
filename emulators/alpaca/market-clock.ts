import { easternDate, formatEastern, type MarketCalendar } from '../../support/calendar/index.ts'

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
 * Computes Alpaca's market clock for an instant from a calendar.
 * @throws CouldNotCheckError when the answer needs a date outside the calendar's coverage.
 */
export function computeMarketClock(now: Date, calendar: MarketCalendar): AlpacaClock {
  const today = easternDate(now)
  const session = calendar.session(today)
  const isOpen = session !== undefined && now >= session.openAt && now < session.closeAt
  const beforeOpen = session !== undefined && now < session.openAt
  const next = isOpen || !beforeOpen ? calendar.nextSession(today) : session
  const closing = isOpen ? session : next
  return {
    timestamp: formatEastern(now, { milliseconds: true }),
    is_open: isOpen,
    next_open: formatEastern(next.openAt),
    next_close: formatEastern(closing.closeAt),
  }
}
